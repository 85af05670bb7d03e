import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The one skip policy of the browser and HTML tests. On a developer machine a
// missing Chromium or Java skips those tests with a visible message, so the
// rest of the suite still runs. On CI (CI=true) nothing may be skipped
// silently: the tests run and fail, naming the missing tool.

/** An external program a test needs that npm does not install. */
export type Tool = 'chromium' | 'java' | 'xmllint' | 'urdu-font';

/**
 * Debian's Chromium (`apt-get install -y chromium`); playwright-core drives it and
 * never downloads its own. CHROMIUM_PATH points elsewhere, e.g. on another distribution.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const INSTALL_HINT: Record<Tool, string> = {
  chromium: `Chromium not found at ${CHROMIUM_PATH} (install with: apt-get install -y chromium)`,
  java: 'java not found on PATH, needed by the Nu HTML checker (install with: apt-get install -y default-jre-headless)',
  xmllint:
    'xmllint not found on PATH, needed to check feeds and sitemaps against their schemas (install with: apt-get install -y libxml2-utils)',
  'urdu-font':
    'no font named Noto Naskh Arabic, needed to draw Urdu headlines on social cards (install with: apt-get install -y fonts-noto-core)',
};

const presence = new Map<Tool, boolean>();

function isPresent(tool: Tool): boolean {
  const known = presence.get(tool);
  if (known !== undefined) return known;
  const found = probe(tool);
  presence.set(tool, found);
  return found;
}

function probe(tool: Tool): boolean {
  switch (tool) {
    case 'chromium':
      return existsSync(CHROMIUM_PATH);
    case 'java':
      return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
    case 'xmllint':
      return spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;
    case 'urdu-font':
      // The family the cards name for right-to-left headlines (src/site/sharing/socialCardSvg.ts), as fontconfig sees it.
      return (
        (spawnSync('fc-list', [':family=Noto Naskh Arabic', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== ''
      );
  }
}

export function isCi(): boolean {
  return process.env.CI === 'true';
}

/** The tools of `tools` that this machine lacks. */
export function missingTools(tools: readonly Tool[]): Tool[] {
  return tools.filter((tool) => !isPresent(tool));
}

/**
 * The `skip` option for a `describe` that needs `tools`: a message when one is
 * missing on a developer machine, `false` when all are there or on CI.
 */
export function skipUnlessAvailable(tools: readonly Tool[]): string | false {
  const missing = missingTools(tools);
  if (missing.length === 0 || isCi()) return false;
  const message = `SKIPPED: ${missing.map((tool) => INSTALL_HINT[tool]).join('; ')}. Set CI=true to make this a failure.`;
  console.warn(message);
  return message;
}

/** Throws, naming the tool and how to install it, when one of `tools` is missing. Call it in `before`. */
export function requireTools(tools: readonly Tool[]): void {
  const missing = missingTools(tools);
  if (missing.length === 0) return;
  throw new Error(
    `${missing.map((tool) => INSTALL_HINT[tool]).join('; ')}${isCi() ? ' (CI=true: tests may not skip)' : ''}`,
  );
}
