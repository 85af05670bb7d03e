// Article pages at random over an archive that already exists, with the CPU of the server AND of PostgreSQL per
// page: the store's side of a cold page (issue 13). search.mjs builds its archive afresh each run
// (10 minutes on PostgreSQL on a loaded machine); this serves one kept by `search.mjs --keep-postgres` (a schema)
// or a SQLite file (e.g. `broadsheet db copy` of that schema), so two builds can be compared back to back.
//
//   node bench/coldArticles.mjs --schema bench_search_123 [--cli .tmp/dist-base/cli.js] [--seconds 10]
//   node bench/coldArticles.mjs --sqlite /path/broadsheet-bench.sqlite [--cli …]   (the file is served in place)
//   --cpu-prof DIR: the server writes its CPU profile there when it stops.
//   --workers N: the server as `serve --workers N` (its CPU: the primary's and every worker's).
//
// Prints one JSON line: requests, req/s, p50/p99 ms, server CPU µs per page (user and system), PostgreSQL's CPU µs
// per page (the whole server's: backends, autovacuum, checkpointer; nothing else may use it meanwhile), load average
// before/after.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { startBroadsheet } from './lib/broadsheet.mjs';
import { processCpuSplit, processTree, serverCpuSecondsWithEnded } from './lib/cpuTime.mjs';
import { loadRandomPaths } from './lib/randomPages.mjs';

const { values: flags } = parseArgs({
  options: {
    schema: { type: 'string' },
    sqlite: { type: 'string' },
    cli: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    /** `serve --workers N`; the server's CPU is then the whole process tree's (primary and workers). */
    workers: { type: 'string', default: '1' },
    'cpu-prof': { type: 'string' },
    'postgres-url': { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
if ((flags.schema === undefined) === (flags.sqlite === undefined)) throw new Error('give --schema or --sqlite');
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cold-'));
let databaseUrl;
let paths;
if (flags.schema !== undefined) {
  const url = new URL(flags['postgres-url']);
  url.searchParams.set('options', `-c search_path=${flags.schema}`);
  databaseUrl = url.toString();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  paths = (await client.query(`select id, slug from articles where status = 'published'`)).rows;
  await client.end();
} else {
  // startBroadsheet serves DIR/broadsheet-bench.sqlite: a hard link would do, a copy is simplest and safe.
  copyFileSync(resolve(flags.sqlite), join(dir, 'broadsheet-bench.sqlite'));
  const file = new Sqlite(join(dir, 'broadsheet-bench.sqlite'), { readonly: true });
  paths = file.prepare(`select id, slug from articles where status = 'published'`).all();
  file.close();
}
paths = paths.map((row) => `/news/${row.id}/${row.slug}`);
const server = await startBroadsheet({
  dir,
  ...(flags.cli === undefined ? {} : { cli: resolve(flags.cli) }),
  simulator: false,
  ...(flags['cpu-prof'] === undefined
    ? {}
    : { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${resolve(flags['cpu-prof'])}`] }),
  name: 'broadsheet (cold articles)',
  ...(flags.workers === '1' ? {} : { serveArgs: ['--workers', flags.workers] }),
  startTimeoutMs: 180_000,
  ...(databaseUrl === undefined ? {} : { databaseUrl }),
});
try {
  const shape = { threads: 2, connections: 32, durationSec: 3 };
  const headers = { 'Accept-Encoding': 'gzip' };
  await loadRandomPaths({ origin: server.origin, paths, dir, shape, headers });
  const serverPids = processTree(server.pid);
  const postmaster = databaseUrl === undefined ? null : postmasterPid();
  const cpu = (pids) =>
    pids
      .map((pid) => processCpuSplit(pid) ?? { user: 0, system: 0 })
      .reduce((a, b) => ({ user: a.user + b.user, system: a.system + b.system }), { user: 0, system: 0 });
  const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
  const [server0, pg0] = [cpu(serverPids), postgresCpu(postmaster)];
  const run = await loadRandomPaths({
    origin: server.origin,
    paths,
    dir,
    shape: { ...shape, durationSec: Number(flags.seconds) },
    headers,
  });
  const [server1, pg1] = [cpu(serverPids), postgresCpu(postmaster)];
  const loadAfter = readFileSync('/proc/loadavg', 'utf8').trim();
  const perPage = (seconds) => Math.round((seconds * 1e6) / run.requests);
  console.log(
    JSON.stringify({
      requests: run.requests,
      requestsPerSec: Math.round(run.requestsPerSec),
      p50Ms: run.p50Ms,
      p99Ms: run.p99Ms,
      non2xx: run.non2xx,
      serverCpuUs: perPage(server1.user + server1.system - server0.user - server0.system),
      serverUserUs: perPage(server1.user - server0.user),
      serverSystemUs: perPage(server1.system - server0.system),
      postgresCpuUs: perPage(pg1 - pg0),
      load: [loadBefore, loadAfter],
    }),
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The PostgreSQL server's main process, from its data directory's postmaster.pid. */
function postmasterPid() {
  const dataDirectory = execFileSync('psql', [flags['postgres-url'], '-At', '-c', 'show data_directory'], {
    encoding: 'utf8',
  }).trim();
  return Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * CPU seconds of the whole PostgreSQL server: the site's pool may close a connection and open another during a
 * run, and autovacuum and the checkpointer work for the site's writes too; counting only the backends found at
 * the start lost all of that. Nothing else uses the server during a run.
 */
function postgresCpu(pid) {
  return pid === null ? 0 : (serverCpuSecondsWithEnded(pid) ?? 0);
}
