import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../../src/app.js';
import { parseServeConfig } from '../../src/config.js';
import { assertBuiltAssetsFresh } from './builtAssets.js';

/** A whole Broadsheet site on a fresh SQLite file (with demo content unless asked not to), served on a free port. */
export interface RunningTestApp {
  readonly app: App;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly baseUrl: string;
  /** The site's SQLite file, for a test that opens it beside the site (to make an API token, say). */
  readonly dbPath: string;
  /** Absolute URL of a site path such as `/world`. */
  url(path: string): string;
  /** Stops the site and deletes its database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Milliseconds between simulated market ticks; short so live updates show quickly. */
  readonly simulatorIntervalMs?: number;
  readonly now?: () => Date;
  /** Comments per address per minute; off (0) unless a test is about the limit. */
  readonly commentRateLimit?: number;
  /** False: a fresh `--no-demo` site, with no stories, no market and no simulator. */
  readonly demo?: boolean;
  /** A mail server for one-time links (`--smtp-url`, `--mail-from`); none unless a test is about mailed links. */
  readonly mail?: { readonly smtpUrl: string; readonly mailFrom: string };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<RunningTestApp> {
  await assertBuiltAssetsFresh();
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-test-'));
  const dbPath = join(dir, 'site.sqlite');
  const config = parseServeConfig({
    port: '0',
    db: dbPath,
    // Tests post several comments from one address; the limit has its own HTTP test.
    commentRateLimit: String(options.commentRateLimit ?? 0),
    simulatorInterval: String(options.simulatorIntervalMs ?? 300),
    logLevel: 'silent',
    ...(options.demo === false ? { demo: false } : {}),
    ...(options.mail !== undefined ? { smtpUrl: options.mail.smtpUrl, mailFrom: options.mail.mailFrom } : {}),
  });
  const app = await createApp(config, options.now ? { now: options.now } : {});
  let address: string;
  try {
    address = await app.start();
  } catch (error) {
    await app.stop().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const baseUrl = address.replace(/\/$/, '');
  let stopped = false;
  return {
    app,
    baseUrl,
    dbPath,
    url: (path) => `${baseUrl}${path.startsWith('/') ? path : `/${path}`}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await app.stop();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
