#!/usr/bin/env node
// One node against the scaled-out layout (nginx in front of two `--role web` nodes and one `--role engine`,
// all on one PostgreSQL schema and one Redis), side by side: page throughput, market-stream clients held and
// their delivery latency, and the time an engine failover takes with nothing acknowledged lost.
// Usage: npm run build && node bench/scaleout.mjs [--record] [--duration 10] [--warmup 2] [--connections 64]
//        [--steps 10000,50000] [--rounds 8] [--stream-workers 8] [--nginx-workers 8] [--push-interval 1000] [--feed-rate 50] [--engine-lease 5000]
//        [--only pages,stream,failover] [--quiet-load 3] [--quiet-wait 120]
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { benchEnvironment, DEFAULT_CLI, pickArticlePath, REPO_ROOT, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, isRunning, runToEnd, runWithCleanup, stopChild } from './lib/children.mjs';
import { processCpuSplit, processTree, processTreeCpuSeconds } from './lib/cpuTime.mjs';
import { runLoad } from './lib/load.mjs';
import { freePort, getRaw } from './lib/loopback.mjs';
import { describeMachine, loadAverage, toolVersion } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { readRssBytes } from './lib/rss.mjs';
import {
  CLIENTS_PER_GENERATOR,
  clientsReached,
  collectLatencies,
  createPusher,
  openClients,
  percentile,
  rupees,
  rupeesToPaisa,
  startGenerator,
  versionShowing,
} from './lib/sseFleet.mjs';

const POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const WRK = '/usr/bin/wrk';
const SYMBOL = 'OGDC';
const STREAM_PATH = '/api/v1/market/stream';
/** Headroom under a process's open-file limit for its database, log and listening sockets. */
const FD_HEADROOM = 200;
const STREAM_TARGET = 50_000;
/** The local addresses nginx connects to the web nodes from, for streams (proxy_bind, docs/deploy.md). */
const UPSTREAM_SOURCES = Array.from({ length: 8 }, (_, k) => `127.0.1.${1 + k}`);
const UPSTREAM_SOURCE_NET = '127.0.1.0/24';
/** A header the benchmark's nginx adds to a stream's answer: which web node holds it, whose versions its ids are. */
const UPSTREAM_HEADER = 'X-Bench-Upstream';
/** Shares per benchmark push: the symbol's volume rises by this much per push, which is how a push's version is found. */
const PUSH_VOLUME = 100;

const { values: flags } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    steps: { type: 'string', default: '10000,50000' },
    rounds: { type: 'string', default: '8' },
    'stream-workers': { type: 'string', default: '8' },
    'nginx-workers': { type: 'string', default: '8' },
    'push-interval': { type: 'string', default: '1000' },
    'feed-rate': { type: 'string', default: '50' },
    'engine-lease': { type: 'string', default: '5000' },
    only: { type: 'string', default: 'pages,stream,failover' },
    'quiet-load': { type: 'string', default: '3' },
    'quiet-wait': { type: 'string', default: '120' },
    grace: { type: 'string', default: '30' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(
    'node bench/scaleout.mjs [--record] [--duration 10] [--warmup 2] [--connections 64] [--steps 10000,50000]\n' +
      '  [--rounds 8] [--stream-workers 8] [--nginx-workers 8] [--push-interval 1000] [--feed-rate 50] [--engine-lease 5000] [--only pages,stream,failover]\n' +
      '  [--quiet-load 3] [--quiet-wait 120]\n',
  );
  process.exit(0);
}
const shape = {
  threads: 2,
  connections: whole('connections', flags.connections, 1, 10_000),
  durationSec: whole('duration', flags.duration, 1, 120),
};
const warmup = { ...shape, durationSec: whole('warmup', flags.warmup, 0, 30) };
const steps = flags.steps.split(',').map((text) => whole('steps', text, 1, 200_000));
const rounds = whole('rounds', flags.rounds, 2, 60);
const streamWorkers = whole('stream-workers', flags['stream-workers'], 2, 32);
if (streamWorkers % 2 !== 0)
  fail('--stream-workers is the total of the layout, split over two web nodes: make it even');
const nginxWorkers = whole('nginx-workers', flags['nginx-workers'], 1, 64);
/** ms between the stream part's pushes: longer than a pass over every client shows each push on its own. */
const pushIntervalMs = whole('push-interval', flags['push-interval'], 300, 30_000);
const feedRate = whole('feed-rate', flags['feed-rate'], 1, 1000);
const engineLeaseMs = whole('engine-lease', flags['engine-lease'], 1000, 60_000);
const parts = new Set(flags.only.split(','));
for (const part of parts) if (!['pages', 'stream', 'failover'].includes(part)) fail(`--only: unknown part ${part}`);
const quietLoad = Number(flags['quiet-load']);
const quietWaitSec = whole('quiet-wait', flags['quiet-wait'], 0, 3600);
const graceSec = whole('grace', flags.grace, 1, 600);

await runWithCleanup(main);

async function main() {
  if (!(await import('node:fs')).existsSync(WRK)) fail(`${WRK} is missing: apt-get install -y wrk`);
  const nginxSite = await tsImport('../test/deploy/nginxSite.ts', import.meta.url);
  const machine = describeMachine();
  const files = raiseOpenFileLimit();
  log(`machine: ${machine.nproc} CPUs, ${machine.cpu}; open files soft ${files.soft}, hard ${files.hard}`);
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-scaleout-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));

  const schema = `bench_scaleout_${process.pid}`;
  await sql(`CREATE SCHEMA ${schema}`);
  afterChildrenStopped(() => sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const databaseUrl = new URL(POSTGRES_URL);
  databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
  const shared = [
    '--redis-url',
    REDIS_URL,
    '--redis-prefix',
    `bench-scaleout-${process.pid}`,
    '--trust-proxy',
    `127.0.0.1,${UPSTREAM_SOURCE_NET}`,
    '--engine-lease',
    String(engineLeaseMs),
  ];
  /** Starts one `serve` process on the shared schema and Redis; engines serve no pages, so their readiness is /healthz. */
  // Each node also serves /metrics on a port of its own: its event-loop lag shows whether it was the one late.
  const node = async (name, role, { simulator, workers = 0 }) => {
    const metricsPort = await freePort();
    const started = await startBroadsheet({
      dir,
      name,
      databaseUrl: databaseUrl.toString(),
      simulator,
      readyPath: role === 'engine' ? '/healthz' : '/',
      serveArgs: [
        ...shared,
        '--role',
        role,
        '--metrics-port',
        String(metricsPort),
        ...(workers > 0 ? ['--stream-workers', String(workers)] : []),
      ],
    });
    started.metricsOrigin = `http://127.0.0.1:${metricsPort}`;
    return started;
  };
  const stopNodes = async (nodes) => {
    for (const each of nodes) await each.stop();
  };

  const report = { pages: [], stream: [], failover: [], notes: [] };
  const loadStart = loadAverage();

  // The first start migrates and seeds the schema (demo content and market); the token needs the tables.
  let token = null;
  const feedToken = async () => {
    token ??= await createFeedToken(databaseUrl.toString());
    return token;
  };

  if (parts.has('pages')) {
    // Pages with the simulator on, as readers see the site: the market pages re-render as it moves.
    await waitForQuiet('pages, one node');
    const all = await node('all', 'all', { simulator: true });
    const article = await pickArticlePath(all.origin);
    const paths = [article, '/markets'];
    for (const path of paths) {
      report.pages.push(await measurePage('one node (`all`), direct', `${all.origin}${path}`, path, [all]));
    }
    await stopNodes([all]);

    await waitForQuiet('pages, scaled out');
    const engine = await node('engine', 'engine', { simulator: true });
    const webs = [await node('web-1', 'web', { simulator: true }), await node('web-2', 'web', { simulator: true })];
    const { cert, key } = nginxSite.selfSignedCertificate(dir);
    const upstreams = webs.map((web) => ({ hostPort: new URL(web.origin).host }));
    // One worker per core (`worker_processes auto`), as Debian's nginx.conf has it.
    const pageWorkers = { processes: Number(machine.nproc), connections: 4096 };
    const cached = await startSiteNginx(
      nginxSite,
      join(dir, 'nginx-cached'),
      upstreams,
      cert,
      key,
      undefined,
      pageWorkers,
    );
    // The same config with the page cache off in `location /`: every request reaches a web node.
    const uncached = await startSiteNginx(
      nginxSite,
      join(dir, 'nginx-uncached'),
      upstreams,
      cert,
      key,
      (site) => {
        if (!site.includes('proxy_cache broadsheet_pages;'))
          throw new Error('the nginx config no longer names its cache');
        return site.replace('proxy_cache broadsheet_pages;', 'proxy_cache off;');
      },
      pageWorkers,
    );
    const involved = [engine, ...webs];
    for (const path of paths) {
      report.pages.push(
        await measurePage('nginx (page cache on) → 2 web + engine', `${cached.origin}${path}`, path, [
          cached.process,
          ...involved,
        ]),
      );
      report.pages.push(
        await measurePage('nginx (page cache off) → 2 web + engine', `${uncached.origin}${path}`, path, [
          uncached.process,
          ...involved,
        ]),
      );
    }
    await cached.stop();
    await uncached.stop();
    await stopNodes([...webs, engine]);
  }

  if (parts.has('stream')) {
    await waitForQuiet('stream, one node');
    const all = await node('all', 'all', { simulator: false, workers: streamWorkers });
    const limit = await openFileLimit(all.pid);
    report.stream.push(
      ...(await measureStream({
        layout: `one node, ${streamWorkers} stream workers, direct`,
        pushOrigin: all.origin,
        nodeOrigins: [all.origin],
        connect: { port: Number(new URL(all.origin).port), tls: false },
        servers: [all],
        token: await feedToken(),
        feed: 'scaleout-stream-one',
        maxClients: streamWorkers * (limit - FD_HEADROOM),
      })),
    );
    await stopNodes([all]);

    await waitForQuiet('stream, scaled out');
    const engine = await node('engine', 'engine', { simulator: false });
    const webs = [
      await node('web-1', 'web', { simulator: false, workers: streamWorkers / 2 }),
      await node('web-2', 'web', { simulator: false, workers: streamWorkers / 2 }),
    ];
    const { cert, key } = nginxSite.selfSignedCertificate(dir);
    const proxy = await startSiteNginx(
      nginxSite,
      join(dir, 'nginx-streams'),
      webs.map((web) => ({ hostPort: new URL(web.origin).host })),
      cert,
      key,
      streamSite,
      // docs/deploy.md, "Many stream readers": each worker's connections (readers and upstreams) under its open files.
      { processes: nginxWorkers, connections: files.hard - 1000, rlimitNofile: files.hard },
    );
    const nginxPort = Number(new URL(proxy.origin).port);
    report.stream.push(
      ...(await measureStream({
        layout: `nginx (${nginxWorkers} workers, TLS) → 2 web × ${streamWorkers / 2} stream workers + engine`,
        pushOrigin: webs[0].origin,
        nodeOrigins: webs.map((web) => web.origin),
        connect: { port: nginxPort, tls: true },
        servers: [engine, ...webs],
        proxy: proxy.process,
        token: await feedToken(),
        feed: 'scaleout-stream-web',
        maxClients: Math.min(streamWorkers * (limit - FD_HEADROOM), (nginxWorkers * (files.hard - 1000)) / 2),
      })),
    );
    await proxy.stop();
    await stopNodes([...webs, engine]);
  }

  if (parts.has('failover')) {
    await waitForQuiet('failover');
    const engine = await node('engine-1', 'engine', { simulator: false });
    const webs = [await node('web-1', 'web', { simulator: false }), await node('web-2', 'web', { simulator: false })];
    // The standby starts after the first engine holds the lease, so it is the one waiting.
    const standby = await node('engine-2', 'engine', { simulator: false });
    report.failover.push(await measureFailover({ engine, standby, webs, token: await feedToken() }));
    await stopNodes([...webs, standby, engine]);
  }

  const loadEnd = loadAverage();
  print(report, files, loadStart, loadEnd);
  if (flags.record) await record(report, machine, files, loadStart, loadEnd);
  return 0;
}

// ---- pages ----

async function measurePage(layout, url, path, processes) {
  const headers = { 'Accept-Encoding': 'gzip' };
  const probe = await getRawAny(url, headers);
  if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
  log(`${layout} ${path}: warm-up ${warmup.durationSec}s, then ${shape.durationSec}s…`);
  if (warmup.durationSec > 0) await runLoad('wrk', url, warmup, headers);
  const loadBefore = loadAverage();
  const before = processes.map((each) => processTreeCpuSeconds(each.pid) ?? 0);
  const result = await runLoad('wrk', url, shape, headers);
  const after = processes.map((each) => processTreeCpuSeconds(each.pid) ?? 0);
  for (const each of processes) {
    if (each.started && !isRunning(each.started)) throw new Error(`${each.started.name} died during the load`);
  }
  if (result.requests === 0 || result.non2xx > 0) {
    throw new Error(`${layout} ${path}: ${result.requests} requests, ${result.non2xx} not 2xx/3xx`);
  }
  const perProcessUs = processes.map((each, i) => ({
    name: each.started?.name ?? each.name,
    us: ((after[i] - before[i]) * 1e6) / result.requests,
  }));
  return {
    layout,
    path,
    result,
    totalUs: perProcessUs.reduce((sum, each) => sum + each.us, 0),
    perProcessUs,
    load: `${loadBefore.toFixed(1)}→${loadAverage().toFixed(1)}`,
  };
}

/** nginx as deploy/nginx/broadsheet.conf has it (rendered by the deploy test's harness), TLS on a self-signed cert. */
async function startSiteNginx(nginxSite, dir, upstreams, cert, key, adjustSite, workers) {
  const running = await nginxSite.startNginx({
    dir,
    upstreams,
    cert,
    key,
    ...(adjustSite ? { adjustSite } : {}),
    ...(workers ? { workers } : {}),
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.stop();
  };
  afterChildrenStopped(stop);
  const origin = running.httpsOrigin.replace('localhost', '127.0.0.1');
  return { origin, stop, process: { name: 'nginx', pid: running.pid, errorLog: join(dir, 'logs', 'error.log') } };
}

// ---- stream ----

/**
 * The shipped site config with what docs/deploy.md ("Many stream readers") adds for tens of thousands of streams:
 * `reuseport` on the TLS listener (the kernel spreads new connections evenly over the workers, so none runs out
 * of connections while others idle) and `proxy_bind` over several local addresses for the stream's upstream
 * connections (each holds a source port towards its web node). Plus, for the benchmark only, a header naming the
 * web node that holds each stream.
 */
function streamSite(site) {
  const listen = /(listen 127\.0\.0\.1:\d+ ssl http2);/;
  const location = 'location = /api/v1/market/stream {';
  if (!listen.test(site) || !site.includes(location))
    throw new Error('the nginx config no longer has its TLS listener or stream location');
  const split = UPSTREAM_SOURCES.map((address, k) =>
    k === UPSTREAM_SOURCES.length - 1
      ? `    * ${address};`
      : `    ${(100 / UPSTREAM_SOURCES.length).toFixed(1)}% ${address};`,
  );
  return [
    'split_clients "$remote_addr$remote_port" $broadsheet_stream_source {',
    ...split,
    '}',
    site
      .replace(listen, '$1 reuseport;')
      .replace(
        location,
        `${location}\n        proxy_bind $broadsheet_stream_source;\n        add_header ${UPSTREAM_HEADER} $upstream_addr always;`,
      ),
  ].join('\n');
}

/**
 * Opens the steps' clients to `connect` (a node directly, or nginx over TLS) and follows pushes to every one.
 * `nodeOrigins` are the nodes that hold streams: each push's version is read on each, and every client is judged
 * by its own node's (through nginx, the node the answer's X-Bench-Upstream names).
 */
async function measureStream({ layout, pushOrigin, nodeOrigins, connect, servers, proxy, token, feed, maxClients }) {
  const streamOrigins = nodeOrigins;
  const nodeKeys = nodeOrigins.map((origin) => new URL(origin).host);
  const ldcp = await ldcpOf(streamOrigins[0]);
  const pusher = createPusher(pushOrigin, token, ldcp, { symbol: SYMBOL, feed, volume: PUSH_VOLUME });
  await untilPushed(pusher);
  await sleep(1000);
  const serverPids = servers.map((server) => server.pid);
  const proxyPids = proxy ? [proxy.pid] : [];
  const idleRss = rssOf(serverPids);
  const idleProxyRss = rssOf(proxyPids);
  const plannedMax = Math.min(Math.max(...steps), maxClients);
  const generatorCount = Math.max(1, Math.ceil(plannedMax / CLIENTS_PER_GENERATOR));
  const generators = Array.from({ length: generatorCount }, (_, i) => startGenerator(i));
  const rows = [];
  let held = 0;
  try {
    for (const requested of steps) {
      const target = Math.min(requested, maxClients);
      if (target <= held) break;
      log(`${layout}: opening ${target.toLocaleString('en-US')} streams…`);
      await serverLoopLateMs(servers);
      const opening = Date.now();
      const opened = await openClients(generators, target - held, () => connect.port, STREAM_PATH, {
        tls: connect.tls,
      });
      const openSeconds = (Date.now() - opening) / 1000;
      const openServerLateMs = await serverLoopLateMs(servers);
      held = opened.clients;
      if (opened.failed > 0) log(`  ${opened.failed} connections failed (first: ${opened.firstError})`);
      if (connect.tls) log(`  ${opened.tlsResumed} of ${opened.clients} TLS sessions resumed so far`);
      await sleep(2000);
      const rss = rssOf(serverPids);
      const proxyRss = rssOf(proxyPids);
      const loadBefore = loadAverage();
      const cpuBefore = splitOf(serverPids);
      const proxyCpuBefore = splitOf(proxyPids);
      const generatorsBefore = generators.reduce((sum, g) => sum + (processTreeCpuSeconds(g.child.pid) ?? 0), 0);
      // Each push adds PUSH_VOLUME to the symbol's volume: the version at which a node first shows it is the
      // version the push made there, which its stream's `update` events carry as their id.
      const volumesBefore = await Promise.all(streamOrigins.map((origin) => volumeOf(origin)));
      await serverLoopLateMs(servers);
      for (const generator of generators) generator.child.send({ type: 'mark' });
      await sleep(200);
      const sendsMs = [];
      /** Per push, the version it made on each stream origin. */
      const versions = [];
      for (let round = 0; round < rounds; round++) {
        // A random phase inside each second: the stream sends at most every 100 ms.
        await sleep(Math.random() * 250);
        const sentAt = await pusher.push();
        sendsMs.push(sentAt);
        versions.push(
          await Promise.all(
            streamOrigins.map((origin, i) =>
              versionShowing(origin, SYMBOL, volumesBefore[i] + PUSH_VOLUME * (round + 1)),
            ),
          ),
        );
        if (round < rounds - 1) await sleep(sentAt + pushIntervalMs - 125 - now());
      }
      // Until every client has the last push (on its own or merged), or the grace runs out: what is still
      // missing then is lost, not late.
      const lastVersionByNode = Object.fromEntries(nodeKeys.map((key, i) => [key, versions.at(-1)[i]]));
      const graceEnds = Date.now() + graceSec * 1000;
      let reached = await clientsReached(generators, undefined, lastVersionByNode);
      while (reached.reached < held && Date.now() < graceEnds) {
        await sleep(50);
        reached = await clientsReached(generators, undefined, lastVersionByNode);
      }
      const allInMs = reached.reached >= held ? now() - sendsMs.at(-1) : null;
      const pushServerLateMs = await serverLoopLateMs(servers);
      const cpuAfter = splitOf(serverPids);
      const proxyCpuAfter = splitOf(proxyPids);
      const generatorSeconds =
        generators.reduce((sum, g) => sum + (processTreeCpuSeconds(g.child.pid) ?? 0), 0) - generatorsBefore;
      const collected = await collectLatencies(
        generators,
        sendsMs,
        undefined,
        Object.fromEntries(nodeKeys.map((key, i) => [key, versions.map((each) => each[i])])),
      );
      const stats = await Promise.all(
        streamOrigins.map(async (origin) =>
          JSON.parse((await getRaw(`${origin}/api/v1/market/stream/stats`)).body.toString('utf8')),
        ),
      );
      const reachedPairs = collected.latenciesMs.length;
      const merged = collected.perRound.reduce((sum, round) => sum + round.merged, 0);
      const events = Math.max(1, collected.updateEvents);
      const row = {
        layout,
        requested,
        held,
        failed: opened.failed,
        firstError: opened.firstError,
        openLoopDelayMs: opened.loopDelayMs,
        openServerLateMs,
        pushServerLateMs,
        measureLoopDelayMs: collected.loopDelayMs,
        openSeconds,
        p50Ms: percentile(collected.latenciesMs, 50),
        p99Ms: percentile(collected.latenciesMs, 99),
        maxMs: collected.latenciesMs.at(-1) ?? Number.NaN,
        reached: reachedPairs,
        expected: held * rounds,
        lost: held * rounds - reachedPairs,
        updateEvents: collected.updateEvents,
        merged,
        allInMs,
        passMs: Math.max(...stats.map((s) => s.lastSendPassMs)),
        rss,
        bytesPerClient: held > 0 ? (rss - idleRss) / held : 0,
        serverUserUs: (1e6 * (cpuAfter.user - cpuBefore.user)) / events,
        serverSystemUs: (1e6 * (cpuAfter.system - cpuBefore.system)) / events,
        proxy: proxy !== undefined,
        proxyRss,
        proxyBytesPerClient: held > 0 ? (proxyRss - idleProxyRss) / held : 0,
        proxyUserUs: (1e6 * (proxyCpuAfter.user - proxyCpuBefore.user)) / events,
        proxySystemUs: (1e6 * (proxyCpuAfter.system - proxyCpuBefore.system)) / events,
        nginxComplaints: proxy ? await nginxComplaints(proxy.errorLog) : '–',
        perNode: stats.map((s, i) => `${nodeKeys[i]} ${s.clients ?? '?'}`).join(', '),
        generatorUs: (1e6 * generatorSeconds) / events,
        dropped: stats.reduce((sum, s) => sum + s.dropped.overflow + s.dropped.blocked, 0) + collected.closed,
        lagging: stats.reduce((sum, s) => sum + s.lagging, 0),
        load: `${loadBefore.toFixed(1)}→${loadAverage().toFixed(1)}`,
      };
      rows.push(row);
      log(
        `  ${held} held; p50 ${row.p50Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms, max ${row.maxMs.toFixed(1)} ms; pushes reached ${reachedPairs}/${row.expected} (${collected.updateEvents} update events, ${merged} merged), all in ${allInMs === null ? 'never' : `${(allInMs / 1000).toFixed(1)} s`} after the last push; dropped ${row.dropped}; last pass ${row.passMs.toFixed(0)} ms; load ${row.load}`,
      );
      log(
        `  per push: ${collected.perRound.map((r) => `${r.count}/${r.merged}m ${r.first.toFixed(0)}–${r.last.toFixed(0)} ms`).join(', ')}`,
      );
      if (servers.some((server) => !isRunning(server.started))) throw new Error(`${layout}: a server died`);
      if (opened.failed > target * 0.01 || row.dropped > 0 || row.lost > 0) break;
    }
  } finally {
    for (const generator of generators) generator.child.send({ type: 'close' });
    await Promise.all(generators.map((generator) => stopChild(generator)));
  }
  return rows;
}

/** nginx's error-log lines at error level or worse ("worker_connections are not enough", "Too many open files"…), counted by message. */
async function nginxComplaints(errorLog) {
  const text = await readFile(errorLog, 'utf8').catch(() => '');
  const counts = new Map();
  for (const line of text.split('\n')) {
    const match = /\[(error|crit|alert|emerg)\] \d+#\d+: (?:\*\d+ )?([^,(]*)/.exec(line);
    if (match) counts.set(match[2].trim(), (counts.get(match[2].trim()) ?? 0) + 1);
  }
  return counts.size === 0 ? 'none' : [...counts].map(([message, n]) => `${n}× ${message}`).join('; ');
}

// ---- failover ----

/**
 * A feed pushes one trade at a time at `feedRate` per second through web-1; after a steady stretch the engine is
 * killed with SIGKILL. A push refused or cut off is sent again with the same seq (the log takes a (feed, seq)
 * once), so every seq ends acknowledged. Then the quotes' volume on both web nodes must equal the volume before
 * plus the volume of every acknowledged trade.
 */
async function measureFailover({ engine, standby, webs, token }) {
  const pushOrigin = webs[0].origin;
  const ldcp = await ldcpOf(pushOrigin);
  await untilPushed(createPusher(pushOrigin, token, ldcp, { symbol: SYMBOL, feed: 'scaleout-warm' }));
  await sleep(1500);
  const volumeBefore = await Promise.all(webs.map((web) => volumeOf(web.origin)));
  if (volumeBefore[0] !== volumeBefore[1]) throw new Error(`the web nodes disagree before the run: ${volumeBefore}`);
  const loadBefore = loadAverage();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const intervalMs = 1000 / feedRate;
  const steadyMs = 5000;
  const afterMs = 5000;
  const acks = [];
  const refusals = { status503: 0, otherStatus: 0, errors: 0 };
  let killedAt = null;
  let firstAckAfterKill = null;
  let seq = 0;
  const start = now();
  for (let n = 0; ; n++) {
    const dueAt = start + n * intervalMs;
    await sleep(dueAt - now());
    if (killedAt === null && now() - start >= steadyMs) {
      log(`failover: kill -9 ${engine.started.name} (pid ${engine.pid})`);
      killedAt = now();
      process.kill(engine.pid, 'SIGKILL');
    }
    if (firstAckAfterKill !== null && now() - firstAckAfterKill.at >= afterMs) break;
    if (killedAt !== null && now() - killedAt > 60_000) throw new Error('no push succeeded within 60 s of the kill');
    seq += 1;
    const volume = 100 * (1 + (seq % 7));
    const price = ldcp + (seq % 2 === 0 ? 1 : -1) * Math.max(1, Math.round(ldcp * 0.01));
    const body = JSON.stringify({
      feed: 'scaleout-failover',
      trades: [{ seq, symbol: SYMBOL, price: rupees(price), volume, time: new Date().toISOString() }],
    });
    // The same body again until it is acknowledged.
    for (;;) {
      const sentAt = now();
      const answer = await post(agent, `${pushOrigin}/api/v1/market/trades`, token, body);
      const at = now();
      if (answer.status === 200) {
        const outcome = JSON.parse(answer.text);
        if (outcome.accepted + outcome.duplicates !== 1) throw new Error(`trade ${seq} refused: ${answer.text}`);
        acks.push({ seq, volume, sentAt, at });
        if (killedAt !== null && sentAt >= killedAt && firstAckAfterKill === null) firstAckAfterKill = { at, sentAt };
        break;
      }
      if (answer.status === 503) refusals.status503 += 1;
      else if (answer.status === 0) refusals.errors += 1;
      else {
        refusals.otherStatus += 1;
        log(`failover: push answered ${answer.status}: ${answer.text.slice(0, 200)}`);
      }
      await sleep(Math.max(0, 50 - (at - sentAt)));
    }
  }
  agent.destroy();
  if (isRunning(engine.started)) throw new Error('the killed engine is still running');
  await sleep(2000);
  const acknowledgedVolume = acks.reduce((sum, ack) => sum + ack.volume, 0);
  const expected = volumeBefore[0] + acknowledgedVolume;
  const volumesAfter = await Promise.all(webs.map((web) => volumeOf(web.origin)));
  let longestGapMs = 0;
  for (let i = 1; i < acks.length; i++) longestGapMs = Math.max(longestGapMs, acks[i].at - acks[i - 1].at);
  const standbyLeads = await engineHolder(standby);
  return {
    leaseMs: engineLeaseMs,
    feedRate,
    failoverMs: firstAckAfterKill.at - killedAt,
    longestGapMs,
    acknowledged: acks.length,
    refusals,
    expected,
    volumesAfter,
    lost: volumesAfter.map((volume) => expected - volume),
    standbyLeads,
    load: `${loadBefore.toFixed(1)}→${loadAverage().toFixed(1)}`,
  };
}

/** Whether the standby now answers the push API as the engine (an engine that is not leading answers 503). */
async function engineHolder(standby) {
  const ready = await getRaw(`${standby.origin}/readyz`).catch(() => null);
  return ready === null ? 'no answer' : `${ready.status} ${ready.body.toString('utf8').slice(0, 200)}`;
}

function post(agent, url, token, body) {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 10_000,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => resolve({ status: 0, text: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, text: error.message }));
    req.end(body);
  });
}

// ---- shared helpers ----

async function ldcpOf(origin) {
  const quote = await quoteOf(origin);
  return rupeesToPaisa(quote.ldcp);
}

async function volumeOf(origin) {
  return Number((await quoteOf(origin)).volume);
}

async function quoteOf(origin) {
  const response = await getRaw(`${origin}/api/v1/market/quotes`);
  if (response.status !== 200) throw new Error(`${origin} quotes answered ${response.status}`);
  const quote = JSON.parse(response.body.toString('utf8')).quotes.find((q) => q.symbol === SYMBOL);
  if (!quote) throw new Error(`${SYMBOL} is not listed`);
  return quote;
}

/** Pushes until one is accepted: a web node answers 503 until it knows the engine. */
async function untilPushed(pusher) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await pusher.push();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(300);
    }
  }
}

async function createFeedToken(databaseUrl) {
  const { stdout } = await runToEnd(
    'tokens create',
    process.execPath,
    [DEFAULT_CLI, 'tokens', 'create', '--role', 'market-feed', '--name', 'bench', '--database-url', databaseUrl],
    { env: benchEnvironment(), cwd: REPO_ROOT },
  );
  const token = stdout.trim();
  if (!/^\S{20,}$/.test(token)) throw new Error(`tokens create printed no token: ${stdout}`);
  return token;
}

async function sql(text) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** GET over http or https (nginx's self-signed certificate is not checked: it is ours, on loopback). */
async function getRawAny(url, headers) {
  if (url.startsWith('http:')) return getRaw(url, headers);
  const { request: httpsRequest } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { headers, rejectUnauthorized: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Raises this process's soft open-file limit to the hard one (children inherit it); returns both. */
function raiseOpenFileLimit() {
  const read = () => {
    const text = execFileSync(
      'prlimit',
      ['--pid', String(process.pid), '--nofile', '--raw', '--noheadings', '--output=SOFT,HARD'],
      {
        encoding: 'utf8',
      },
    );
    const [soft, hard] = text.trim().split(/\s+/);
    return { soft: Number(soft), hard: Number(hard) };
  };
  const before = read();
  if (before.soft < before.hard) {
    execFileSync('prlimit', ['--pid', String(process.pid), `--nofile=${before.hard}:${before.hard}`]);
  }
  return read();
}

async function openFileLimit(pid) {
  const limits = await readFile(`/proc/${pid}/limits`, 'utf8');
  const match = /^Max open files\s+(\d+)/m.exec(limits);
  if (!match) throw new Error(`no open-file limit in /proc/${pid}/limits`);
  return Number(match[1]);
}

/**
 * The longest event-loop delay of the serving processes (not their stream workers) since the last call:
 * prom-client's nodejs_eventloop_lag_max_seconds, which each scrape starts again. In ms; NaN without metrics.
 */
async function serverLoopLateMs(servers) {
  const lags = await Promise.all(
    servers.map(async (server) => {
      if (!server.metricsOrigin) return Number.NaN;
      const response = await getRaw(`${server.metricsOrigin}/metrics`).catch(() => null);
      if (response === null || response.status !== 200) return Number.NaN;
      const match = /^broadsheet_nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(
        response.body.toString('utf8'),
      );
      return match ? Number(match[1]) * 1000 : Number.NaN;
    }),
  );
  return Math.max(...lags);
}

function rssOf(pids) {
  return pids.flatMap((pid) => processTree(pid)).reduce((sum, pid) => sum + (readRssBytes(pid) ?? 0), 0);
}

function splitOf(pids) {
  return pids
    .flatMap((pid) => processTree(pid))
    .map((pid) => processCpuSplit(pid) ?? { user: 0, system: 0 })
    .reduce((sum, part) => ({ user: sum.user + part.user, system: sum.system + part.system }), {
      user: 0,
      system: 0,
    });
}

/** Waits (up to --quiet-wait seconds) for the 1-minute load average to drop under --quiet-load; records it either way. */
async function waitForQuiet(what) {
  const deadline = Date.now() + quietWaitSec * 1000;
  while (loadAverage() > quietLoad && Date.now() < deadline) {
    log(`${what}: load average ${loadAverage().toFixed(2)} > ${quietLoad}; waiting…`);
    await sleep(15_000);
  }
  log(`${what}: load average ${loadAverage().toFixed(2)}`);
}

// ---- output ----

function tables(report) {
  const pageHeader = ['layout', 'page', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req', 'CPU µs/req by process', 'load'];
  const pageRows = report.pages.map((run) => [
    run.layout,
    run.path === '/markets' ? '/markets' : 'article',
    run.result.requestsPerSec.toFixed(0),
    run.result.p50Ms.toFixed(2),
    run.result.p99Ms.toFixed(2),
    run.totalUs.toFixed(1),
    run.perProcessUs.map((each) => `${each.name} ${each.us.toFixed(1)}`).join(', '),
    run.load,
  ]);
  const streamHeader = [
    'layout',
    'clients',
    'open in',
    'p50 ms',
    'p99 ms',
    'max ms',
    'pushes reached',
    'update events (merged)',
    'all in after last push',
    'last pass ms',
    'clients loop late ms open / push',
    'nodes loop late ms open / push',
    'clients by node',
    'node RSS',
    'node bytes/client',
    'node µs/event user+sys',
    'nginx RSS',
    'nginx bytes/client',
    'nginx µs/event user+sys',
    'nginx errors',
    'clients µs/event',
    'dropped',
    'lagging',
    'load',
  ];
  const streamRows = report.stream.map((r) => [
    r.layout,
    `${r.held.toLocaleString('en-US')}${r.held < r.requested ? ` (asked ${r.requested.toLocaleString('en-US')}${r.failed > 0 ? `; ${r.failed.toLocaleString('en-US')} refused: ${firstLine(r.firstError)}` : ''})` : ''}`,
    `${r.openSeconds.toFixed(1)} s`,
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.maxMs.toFixed(1),
    `${r.reached}/${r.expected}`,
    `${r.updateEvents} (${r.merged})`,
    r.allInMs === null ? `not in ${graceSec} s` : `${(r.allInMs / 1000).toFixed(1)} s`,
    r.passMs.toFixed(0),
    `${r.openLoopDelayMs} / ${r.measureLoopDelayMs}`,
    `${r.openServerLateMs.toFixed(0)} / ${r.pushServerLateMs.toFixed(0)}`,
    r.perNode ?? '',
    mb(r.rss),
    r.bytesPerClient.toFixed(0),
    `${r.serverUserUs.toFixed(1)} + ${r.serverSystemUs.toFixed(1)}`,
    r.proxy ? mb(r.proxyRss) : '–',
    r.proxy ? r.proxyBytesPerClient.toFixed(0) : '–',
    r.proxy ? `${r.proxyUserUs.toFixed(1)} + ${r.proxySystemUs.toFixed(1)}` : '–',
    r.nginxComplaints ?? '–',
    r.generatorUs.toFixed(1),
    String(r.dropped),
    String(r.lagging),
    r.load,
  ]);
  const failoverHeader = [
    'engine lease',
    'feed',
    'kill → first ack after it',
    'longest gap between acks',
    'refused 503 / errors / other',
    'trades acknowledged',
    'volume expected',
    'volume on web-1, web-2',
    'lost',
    'load',
  ];
  const failoverRows = report.failover.map((f) => [
    `${f.leaseMs} ms`,
    `${f.feedRate} trades/s`,
    `${(f.failoverMs / 1000).toFixed(2)} s`,
    `${(f.longestGapMs / 1000).toFixed(2)} s`,
    `${f.refusals.status503} / ${f.refusals.errors} / ${f.refusals.otherStatus}`,
    String(f.acknowledged),
    String(f.expected),
    f.volumesAfter.join(', '),
    f.lost.join(', '),
    f.load,
  ]);
  return { pageHeader, pageRows, streamHeader, streamRows, failoverHeader, failoverRows };
}

function verdicts(report) {
  const lines = [];
  for (const layout of [...new Set(report.stream.map((r) => r.layout))]) {
    const complete = report.stream.filter((r) => r.layout === layout && r.lost === 0 && r.dropped === 0);
    const best = complete.reduce((top, r) => (top === null || r.held > top.held ? r : top), null);
    lines.push(
      best === null
        ? `**missed**: ${layout}: no stream step brought every push to every client`
        : `${best.held >= STREAM_TARGET ? 'met' : '**missed**'}: ${layout}: ${best.held.toLocaleString('en-US')} stream clients held, every push reached every client, none dropped (target ≥ ${STREAM_TARGET.toLocaleString('en-US')}), p99 ${best.p99Ms.toFixed(1)} ms, max ${best.maxMs.toFixed(1)} ms (${best.merged} of ${best.expected} pushes arrived merged into a later update)`,
    );
  }
  for (const f of report.failover) {
    const lost = Math.max(...f.lost);
    lines.push(
      `${lost === 0 ? 'met' : '**missed**'}: acknowledged trades lost over a kill -9 of the engine: ${lost === 0 ? 'none' : f.lost.join(', ')} (volume checked on both web nodes); pushes succeeded again ${(f.failoverMs / 1000).toFixed(2)} s after the kill`,
    );
  }
  return lines;
}

function notes(files) {
  return [
    `Nodes: \`dist/cli.js serve\` on one PostgreSQL schema (throwaway, \`${POSTGRES_URL.replace(/\/\/[^@/]*@/, '//')}\`) and one Redis (own key prefix), demo content, \`--trust-proxy 127.0.0.1,${UPSTREAM_SOURCE_NET} --engine-lease ${engineLeaseMs}\`; the one-node runs use \`--role all\`, the scaled-out runs \`--role engine\` and two \`--role web\`. Pages are measured with the simulator on (the market pages re-render as it trades), streams and failover with it off (only the benchmark's trades change anything).`,
    `Pages: \`wrk -t2 -c${shape.connections} -d${shape.durationSec}s --latency -H 'Accept-Encoding: gzip'\` after a ${warmup.durationSec} s warm-up; direct over HTTP/1.1, through nginx over TLS (HTTP/1.1: wrk speaks no HTTP/2) with deploy/nginx/broadsheet.conf rendered by test/deploy/nginxSite.ts, one nginx worker per core. "Page cache on" is the config as shipped (pages say s-maxage=5, so nearly every request is a cache hit); "page cache off" is the same config with \`proxy_cache off\` in \`location /\`, so every request reaches a web node. CPU µs/req is each process's CPU time (utime + stime from /proc, stream workers and nginx workers included) over the requests served; wrk's own CPU is not counted.`,
    `Streams: load-generator processes (bench/lib/sseClients.mjs, one per ${CLIENTS_PER_GENERATOR.toLocaleString('en-US')} clients) from 127.10.0.1… (8 source addresses each), one HTTP/1.1 connection per client (a browser over HTTP/2 would carry its stream on the connection of its pages; nginx still holds one upstream connection per stream). One node: the clients connect to it directly. Scaled out: they connect to nginx over TLS (TLS 1.3, self-signed certificate; after the first, each connection of a generator offers the TLS session of the one before for resumption, as returning browsers do), the body arrives chunked and is unframed before it is searched; nginx runs deploy/nginx/broadsheet.conf with what docs/deploy.md ("Many stream readers") adds for 50,000 readers: \`worker_processes ${nginxWorkers}\`, \`worker_rlimit_nofile ${files.hard}\`, \`worker_connections ${files.hard - 1000}\`, \`reuseport\` on the TLS listener, and \`proxy_bind\` over ${UPSTREAM_SOURCES.length} local addresses (${UPSTREAM_SOURCES[0]}–${UPSTREAM_SOURCES.at(-1)}, split_clients) for the streams' upstream connections; for the benchmark only, the stream location also adds \`${UPSTREAM_HEADER}: $upstream_addr\`, so each client is followed by its own node's versions ("clients by node" is each node's stream/stats count). ${rounds} trades in ${SYMBOL} pushed ${pushIntervalMs === 1000 ? 'one a second' : `one every ${pushIntervalMs / 1000} s`} through \`POST /api/v1/market/trades\` (in the scaled-out layout on web-1, which forwards to the engine, which replicates over Redis to both web nodes and their stream workers); each push is followed to every client by version: the version at which the client's node first shows the push (its quotes API, polled after the acknowledgement) against the \`id:\` of the client's \`update\` events; the push has reached a client with the first update whose id is at least that version — its own event, or a later one it was merged into when the stream conflated changes that came while a send was still going out or the client was backed up ("merged"). Latency is from just before the push is written to that event's arrival. After the last push the run waits (up to ${graceSec} s, \`--grace\`) until every client has it ("all in"); "pushes reached" counts (client, push) pairs, and any pair short of held × pushes is lost. "last pass ms" is the slowest stream worker's last write of one update to all its clients (\`lastSendPassMs\`). "clients loop late" is the longest any load generator's own event loop ran late (monitorEventLoopDelay) while opening / while the pushes were measured: a late generator writes its requests and stamps arrivals late, and that time is in the figures; "nodes loop late" is the same for the serving processes that take the streams (\`broadsheet_nodejs_eventloop_lag_max_seconds\` from each node's \`--metrics-port\`; the stream workers are not included). CPU per event divides by the update events the clients received. Node RSS and CPU are every Broadsheet process's with its stream workers (the engine included); nginx's are its master's and workers'. bytes/client = (RSS with N clients − idle RSS) ÷ N. Open-file limit: soft ${files.soft}, hard ${files.hard} per process (raising the hard limit needs CAP_SYS_RESOURCE), so each process holds at most ~${(files.hard - FD_HEADROOM).toLocaleString('en-US')} streams and ${streamWorkers} stream workers at most ~${(streamWorkers * (files.hard - FD_HEADROOM)).toLocaleString('en-US')}.`,
    `Failover: engine-1 and a standby engine-2 (\`--role engine\`, started second), two web nodes; a feed sends one trade at a time, ${feedRate} a second, through web-1; after 5 s engine-1 gets SIGKILL. A refused (503 with Retry-After) or cut-off push is sent again unchanged 50 ms later (the log takes a (feed, seq) once), so every trade ends acknowledged; the run goes on 5 s past the first acknowledged push sent after the kill. "lost" = volume before + volume of every acknowledged trade − the ${SYMBOL} volume each web node shows 2 s after.`,
    'Two cores: the load generators, nginx, three or four Node processes and their stream workers share 2 CPUs, so the scaled-out layout cannot show more throughput than one node here; it shows what the extra hops cost (CPU per request and per delivery) and that the work spreads over processes that could be on other machines.',
  ];
}

function print(report, files, loadStart, loadEnd) {
  const t = tables(report);
  const out = [];
  if (t.pageRows.length > 0) out.push(textTable(t.pageHeader, t.pageRows), '');
  if (t.streamRows.length > 0) out.push(textTable(t.streamHeader, t.streamRows), '');
  if (t.failoverRows.length > 0) out.push(textTable(t.failoverHeader, t.failoverRows), '');
  out.push(
    ...report.notes,
    ...notes(files),
    `load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`,
  );
  out.push(...verdicts(report).map((v) => v.replace(/\*/g, '')));
  for (const f of report.failover) out.push(`standby /readyz after the failover: ${f.standbyLeads}`);
  process.stdout.write(`\n${out.join('\n')}\n`);
}

async function record(report, machine, files, loadStart, loadEnd) {
  const t = tables(report);
  const sections = [
    `## Scale-out: one node vs nginx, two web nodes and an engine — ${machine.date}`,
    '',
    `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}; ${toolVersion('/usr/sbin/nginx', ['-v'])}; ${toolVersion(WRK, ['-v'])}. Command: \`node bench/scaleout.mjs --steps ${flags.steps} --rounds ${rounds} --stream-workers ${streamWorkers} --nginx-workers ${nginxWorkers} --push-interval ${pushIntervalMs} --feed-rate ${feedRate} --engine-lease ${engineLeaseMs} --only ${flags.only}\`.`,
    `Machine load: load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end; each row gives it before→after its measurement.`,
    '',
  ];
  if (t.pageRows.length > 0) sections.push(markdownTable(t.pageHeader, t.pageRows), '');
  if (t.streamRows.length > 0) sections.push(markdownTable(t.streamHeader, t.streamRows), '');
  if (t.failoverRows.length > 0) sections.push(markdownTable(t.failoverHeader, t.failoverRows), '');
  sections.push(...[...report.notes, ...notes(files)].map((note) => `${note}\n`), 'Targets:', '');
  sections.push(...verdicts(report).map((v) => `- ${v}`));
  await appendResults(sections.join('\n'));
  log('recorded in bench/RESULTS.md');
}

function firstLine(text) {
  return String(text ?? '').split(/\r?\n/)[0];
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function whole(name, text, min, max) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be a whole number, ${min}..${max}`);
  return value;
}

function log(message) {
  process.stderr.write(`[scaleout] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`scaleout.mjs: ${message}\n`);
  process.exit(2);
}
