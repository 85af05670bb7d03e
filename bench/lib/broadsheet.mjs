// Starts the built site (dist/cli.js serve) as a child process on a free loopback port with a throwaway database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRunning, startChild, stopChild } from './children.mjs';
import { freePort, getRaw, LOOPBACK, waitUntilServing } from './loopback.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_CLI = join(REPO_ROOT, 'dist', 'cli.js');

/**
 * @param {{ dir: string, cli?: string, simulator?: boolean, nodeArgs?: readonly string[], cpus?: string,
 *   serveArgs?: readonly string[], startTimeoutMs?: number, databaseUrl?: string, name?: string,
 *   readyPath?: string }} options
 *   dir: a temp directory for the SQLite file; cli: the built cli.js (another build can be compared);
 *   databaseUrl: PostgreSQL instead of the SQLite file (scaled-out runs: several processes on one schema);
 *   name: what the process is called in messages; readyPath: what must answer 200 before it counts as
 *   started (`/` by default; an engine-role node serves no pages, so `/healthz` there);
 *   nodeArgs: flags for node itself (e.g. --cpu-prof); cpus: a CPU list for `taskset -c` (the server
 *   then runs only there; taskset execs node, so the PID is node's); serveArgs: more `serve` flags.
 */
export async function startBroadsheet({
  dir,
  cli = DEFAULT_CLI,
  simulator = true,
  nodeArgs = [],
  cpus,
  serveArgs = [],
  startTimeoutMs = 90_000,
  databaseUrl,
  name = 'broadsheet',
  readyPath = '/',
}) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` in ${REPO_ROOT} first.`);
  const port = await freePort();
  const args = [
    // The same V8 setting `npm start` uses (package.json): a small young generation keeps RSS down under load.
    `--max-semi-space-size=${process.env.BENCH_SEMI_SPACE_MB ?? '16'}`,
    ...nodeArgs,
    cli,
    'serve',
    '--host',
    LOOPBACK,
    '--port',
    String(port),
    ...(databaseUrl === undefined ? ['--db', join(dir, 'broadsheet-bench.sqlite')] : ['--database-url', databaseUrl]),
    '--comment-rate-limit',
    '0',
    '--log-level',
    'warn',
    '--simulator',
    simulator ? 'on' : 'off',
    // Canonical links absolute, as a deployed site has them (Lighthouse's SEO audit checks this).
    '--public-url',
    `http://${LOOPBACK}:${port}`,
    ...serveArgs,
  ];
  const started =
    cpus === undefined
      ? startChild(name, process.execPath, args, { cwd: dir, env: benchEnvironment() })
      : startChild(name, 'taskset', ['-c', cpus, process.execPath, ...args], {
          cwd: dir,
          env: benchEnvironment(),
        });
  const origin = `http://${LOOPBACK}:${port}`;
  await waitUntilServing(`${origin}${readyPath}`, {
    timeoutMs: startTimeoutMs,
    alive: () => isRunning(started),
    describe: started.output,
  });
  const pid = started.child.pid;
  if (pid === undefined) throw new Error(`${name} has no PID`);
  return { origin, pid, started, output: started.output, stop: () => stopChild(started, { graceMs: 10_000 }) };
}

/** The site reads BROADSHEET_* and PORT from the environment; the flags above must be the only settings. */
export function benchEnvironment() {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('BROADSHEET_') || ['PORT', 'HOST', 'DATABASE_URL'].includes(name)) delete env[name];
  }
  return env;
}

const ARTICLE_LINK = /href="(?:https?:\/\/[^/"]+)?(\/news\/\d+\/[A-Za-z0-9._~%-]+)"/g;

/** Article paths linked from a page, in page order, without duplicates. */
export function articlePathsIn(html) {
  return [...new Set([...html.matchAll(ARTICLE_LINK)].map((match) => match[1]))];
}

/** The first article linked from the home page that answers 200 (the lead story, normally). */
export async function pickArticlePath(origin) {
  const home = await getRaw(`${origin}/`);
  const paths = articlePathsIn(home.body.toString('utf8'));
  for (const path of paths.slice(0, 5)) {
    const response = await getRaw(`${origin}${path}`);
    if (response.status === 200) return path;
  }
  throw new Error(
    `the home page links no article that answers 200 (found ${paths.length} links like /news/{id}/{slug})`,
  );
}

/**
 * Creates a `market-feed` API token in the SQLite file the server will use (`broadsheet-bench.sqlite`
 * in `dir`, as startBroadsheet names it), before the server starts; returns the token.
 */
export async function createFeedToken(dir, cli = DEFAULT_CLI) {
  const { runToEnd } = await import('./children.mjs');
  const dbPath = join(dir, 'broadsheet-bench.sqlite');
  const { stdout } = await runToEnd(
    'tokens create',
    process.execPath,
    [cli, 'tokens', 'create', '--role', 'market-feed', '--name', 'bench', '--db', dbPath],
    { env: benchEnvironment(), cwd: dir },
  );
  const token = stdout.trim();
  if (!/^\S{20,}$/.test(token)) throw new Error(`tokens create printed no token: ${stdout}`);
  return { token, dbPath };
}
