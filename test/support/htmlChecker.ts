import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One finding of the Nu HTML checker (its `--format json` output). */
export interface HtmlMessage {
  readonly type: 'error' | 'info' | 'non-document-error';
  readonly subType?: string;
  /** The document it was found in: the name given to `checkHtml`. */
  readonly document: string;
  readonly message: string;
  readonly lastLine?: number;
  readonly extract?: string;
}

/** A page's markup and a short file-safe name to report it by. */
export interface HtmlDocument {
  readonly name: string;
  readonly html: string;
}

function vnuJarPath(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
}

interface RawVnuMessage {
  type: HtmlMessage['type'];
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * Checks every document with ONE run of the Nu HTML checker: the JVM takes
 * seconds to start, so pages are written to a temporary folder and batched.
 */
export async function checkHtml(documents: readonly HtmlDocument[]): Promise<HtmlMessage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-vnu-'));
  try {
    const files = new Map<string, string>();
    for (const document of documents) {
      const file = join(dir, `${document.name}.html`);
      await writeFile(file, document.html, 'utf8');
      files.set(`file:${file}`, document.name);
    }
    const stdout = await runVnu([...files.keys()].map((url) => url.slice('file:'.length)));
    const parsed = JSON.parse(stdout) as { messages: RawVnuMessage[] };
    return parsed.messages.map((raw) => ({
      type: raw.type,
      ...(raw.subType === undefined ? {} : { subType: raw.subType }),
      document: (raw.url && files.get(raw.url)) ?? raw.url ?? '(unknown)',
      message: raw.message,
      ...(raw.lastLine === undefined ? {} : { lastLine: raw.lastLine }),
      ...(raw.extract === undefined ? {} : { extract: raw.extract }),
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runVnu(files: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'java',
      ['-jar', vnuJarPath(), '--format', 'json', '--stdout', ...files],
      { maxBuffer: 32 * 1024 * 1024 },
      // vnu exits 1 when it found errors; only output that is not JSON is a failure to run.
      (error, stdout, stderr) => {
        if (stdout.trimStart().startsWith('{')) resolve(stdout);
        else reject(new Error(`vnu did not run: ${error?.message ?? ''}\n${stderr}`));
      },
    );
  });
}

/** One line per message, for an assertion message. */
export function describeHtmlMessages(messages: readonly HtmlMessage[]): string {
  return messages
    .map(
      (message) =>
        `[${message.document}${message.lastLine === undefined ? '' : `:${message.lastLine}`}] ${message.type}: ${message.message}${message.extract ? `\n    ${JSON.stringify(message.extract)}` : ''}`,
    )
    .join('\n');
}
