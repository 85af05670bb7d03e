#!/usr/bin/env node
// Concurrent market-stream (SSE) clients held by one Broadsheet process, and the latency from a trade
// pushed through the API to its arrival at every client.
// Usage: npm run build && node bench/stream.mjs [--record] [--steps 1000,10000,25000,50000] [--rounds 8]
//        [--filter all|one] [--cpu-prof DIR] [--pin] [--stream-workers N]
// --pin: the server runs on CPU 0 alone and the load generators on the others (taskset), as if they were
// other machines; without it they all share every CPU.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFeedToken, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, isRunning, runWithCleanup, stopChild } from './lib/children.mjs';
import { processCpuSplit, processTree, processTreeCpuSeconds } from './lib/cpuTime.mjs';
import { getRaw } from './lib/loopback.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { readRssBytes } from './lib/rss.mjs';
import {
  CLIENTS_PER_GENERATOR,
  collectLatencies,
  createPusher,
  openClients,
  percentile,
  rupeesToPaisa,
  startGenerator,
  versionShowing,
} from './lib/sseFleet.mjs';

const TARGETS = { clients: 50_000, p99Ms: 200, bytesPerClient: 10 * 1024 };
/** Headroom under the server's open-file limit for its database, log and listening sockets. */
const FD_HEADROOM = 200;
const SYMBOL = 'OGDC';
/** Shares per push: the symbol's volume rises by this much, which is how each push's version is found. */
const PUSH_VOLUME = 100;

const { values: flags } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    steps: { type: 'string', default: '1000,10000,25000,50000' },
    rounds: { type: 'string', default: '8' },
    filter: { type: 'string', default: 'all' },
    'cpu-prof': { type: 'string' },
    pin: { type: 'boolean', default: false },
    'stream-workers': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(
    'node bench/stream.mjs [--record] [--steps 1000,10000,25000,50000] [--rounds 8] [--filter all|one] [--cpu-prof DIR] [--pin] [--stream-workers N]\n',
  );
  process.exit(0);
}
const steps = flags.steps.split(',').map((text) => Number(text));
if (steps.some((n) => !Number.isInteger(n) || n < 1 || n > 200_000)) fail('--steps must be whole numbers, 1..200000');
const rounds = Number(flags.rounds);
const streamWorkers = Number(flags['stream-workers']);
if (!Number.isInteger(streamWorkers) || streamWorkers < 0 || streamWorkers > 32) fail('--stream-workers must be 0..32');
if (!Number.isInteger(rounds) || rounds < 2 || rounds > 60) fail('--rounds must be 2..60');
if (flags.filter !== 'all' && flags.filter !== 'one') fail('--filter must be all or one');
// The site's ticker follows the whole stream; `one` is a client of a single stock without indices.
const streamPath =
  flags.filter === 'all' ? '/api/v1/market/stream' : `/api/v1/market/stream?symbols=${SYMBOL}&indices=`;

await runWithCleanup(main);

async function main() {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; load average ${loadBefore.toFixed(2)}`);
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-stream-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));
  const { token } = await createFeedToken(dir);
  const nodeArgs = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']] : [];
  const pinned = flags.pin && availableParallelism() >= 2;
  if (flags.pin && !pinned) log('--pin needs 2 CPUs or more; running unpinned');
  const generatorCpus = pinned ? `1-${availableParallelism() - 1}` : undefined;
  const server = await startBroadsheet({
    dir,
    simulator: false,
    nodeArgs,
    serveArgs: ['--stream-workers', String(streamWorkers)],
    ...(pinned ? { cpus: '0' } : {}),
  });
  const port = Number(new URL(server.origin).port);
  const fdLimit = await openFileLimit(server.pid);
  const ownLimit = await openFileLimit(process.pid);
  // With stream workers each worker process holds its share of the sockets under its own open-file limit.
  const maxClients = fdLimit === null ? Infinity : Math.max(1, streamWorkers) * (fdLimit - FD_HEADROOM);
  log(
    `server pid ${server.pid} at ${server.origin}; its open-file limit ${fdLimit ?? 'unknown'} (hard limit here ${ownLimit})`,
  );

  const quotes = JSON.parse((await getRaw(`${server.origin}/api/v1/market/quotes`)).body.toString('utf8'));
  const quote = quotes.quotes.find((q) => q.symbol === SYMBOL);
  if (!quote) throw new Error(`${SYMBOL} is not listed`);
  const ldcp = rupeesToPaisa(quote.ldcp);
  const pusher = createPusher(server.origin, token, ldcp, { symbol: SYMBOL, volume: PUSH_VOLUME });
  await pusher.push(); // the first push warms the feed route, the recorder and the stream
  await sleep(1000);
  const idleRss = treeRss(server.pid);
  log(`idle RSS ${mb(idleRss)}`);

  const plannedMax = Math.min(Math.max(...steps), maxClients);
  const generatorCount = Math.max(2, Math.ceil(plannedMax / CLIENTS_PER_GENERATOR));
  const generators = Array.from({ length: generatorCount }, (_, i) => startGenerator(i, generatorCpus));
  const results = [];
  let stopReason = null;
  let held = 0;
  for (const requested of steps) {
    const target = Math.min(requested, maxClients);
    const capped = target < requested;
    if (target <= held) {
      stopReason = `the next step (${requested}) is beyond the server's open-file limit (${fdLimit}); it cannot hold more here`;
      break;
    }
    log(
      `step ${target.toLocaleString('en-US')} clients${capped ? ` (asked ${requested}; capped by the open-file limit ${fdLimit})` : ''}: opening…`,
    );
    const opening = Date.now();
    const opened = await openClients(generators, target - held, () => port, streamPath);
    const openSeconds = (Date.now() - opening) / 1000;
    held = opened.clients;
    if (opened.failed > 0) log(`  ${opened.failed} connections failed (first: ${opened.firstError})`);
    await sleep(2000);
    const rss = treeRss(server.pid);
    log(`  ${held} clients open in ${openSeconds.toFixed(1)} s; RSS ${mb(rss)}; ${rounds} pushes at ~1/s…`);

    const cpuBefore = processTreeCpuSeconds(server.pid) ?? 0;
    const splitBefore = treeCpuSplit(server.pid);
    const generatorsBefore = generators.reduce((sum, g) => sum + (processTreeCpuSeconds(g.child.pid) ?? 0), 0);
    const windowStart = Date.now();
    const volumeBefore = Number(
      JSON.parse((await getRaw(`${server.origin}/api/v1/market/quotes`)).body.toString('utf8')).quotes.find(
        (q) => q.symbol === SYMBOL,
      ).volume,
    );
    // Per push, the version it made: the id of the update that carries it (see sseClients.mjs `collect`).
    const versions = [];
    for (const generator of generators) generator.child.send({ type: 'mark' });
    await sleep(200);
    const sendsMs = [];
    // The server's own time to write each update to every client (its stats), apart from the clients' side.
    const passesMs = [];
    for (let round = 0; round < rounds; round++) {
      // A random offset inside each second: the stream sends at most once per 100 ms, and pushes always at the
      // same phase of that interval would measure one point of the wait instead of its spread.
      await sleep(Math.random() * 250);
      const sentAt = await pusher.push();
      sendsMs.push(sentAt);
      versions.push(await versionShowing(server.origin, SYMBOL, volumeBefore + PUSH_VOLUME * (round + 1)));
      await sleep(sentAt + 1000 - 125 - Number(process.hrtime.bigint()) / 1e6);
      passesMs.push(
        JSON.parse((await getRaw(`${server.origin}/api/v1/market/stream/stats`)).body.toString('utf8')).lastSendPassMs,
      );
    }
    await sleep(1500);
    const cpuSeconds = (processTreeCpuSeconds(server.pid) ?? 0) - cpuBefore;
    const splitAfter = treeCpuSplit(server.pid);
    const generatorSeconds =
      generators.reduce((sum, g) => sum + (processTreeCpuSeconds(g.child.pid) ?? 0), 0) - generatorsBefore;
    const windowSeconds = (Date.now() - windowStart) / 1000;
    const collected = await collectLatencies(generators, sendsMs, () => versions);
    const stats = JSON.parse((await getRaw(`${server.origin}/api/v1/market/stream/stats`)).body.toString('utf8'));
    const step = summarize({
      requested,
      capped,
      held,
      failed: opened.failed,
      openSeconds,
      rss,
      idleRss,
      collected,
      stats,
      cpuShare: cpuSeconds / windowSeconds,
      passMs: passesMs.sort((a, b) => a - b)[Math.floor(passesMs.length / 2)] ?? Number.NaN,
      serverUserSeconds: splitBefore && splitAfter ? splitAfter.user - splitBefore.user : Number.NaN,
      serverSystemSeconds: splitBefore && splitAfter ? splitAfter.system - splitBefore.system : Number.NaN,
      generatorSeconds,
    });
    results.push(step);
    log(
      `  p50 ${step.p50Ms.toFixed(1)} ms, p99 ${step.p99Ms.toFixed(1)} ms, delivered ${step.delivered}/${step.expected}, ${step.bytesPerClient.toFixed(0)} B/client, dropped ${step.dropped}, server CPU ${(100 * step.cpuShare).toFixed(0)} %`,
    );
    if (!isRunning(server.started)) {
      stopReason = 'the server died';
      break;
    }
    if (opened.failed > target * 0.01) {
      stopReason = `${opened.failed} of the step's connections failed (first: ${opened.firstError})`;
      break;
    }
    if (step.p99Ms > 5000 || step.dropped > 0 || step.delivered < step.expected) {
      stopReason = 'the server no longer kept up (p99 over 5 s, drops, or a push that did not reach every client)';
      break;
    }
    if (capped) {
      stopReason = `capped by the server's open-file limit (${fdLimit}, not raisable without privileges here)`;
      break;
    }
  }
  for (const generator of generators) generator.child.send({ type: 'close' });
  await Promise.all(generators.map((generator) => stopChild(generator)));
  await server.stop();
  const loadAfter = loadAverage();

  const header = [
    'clients',
    'open in',
    'p50 ms',
    'p99 ms',
    'max ms',
    'fan-out p50 ms',
    'server pass p50 ms',
    'delivered',
    'server RSS',
    'bytes/client',
    'server CPU',
    'server µs/delivery user+sys',
    'clients µs/delivery',
    'dropped',
    'lagging',
  ];
  const rows = results.map((r) => [
    `${r.held.toLocaleString('en-US')}${r.capped ? ` (asked ${r.requested.toLocaleString('en-US')})` : ''}`,
    `${r.openSeconds.toFixed(1)} s`,
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.maxMs.toFixed(1),
    r.fanOutMs.toFixed(1),
    r.passMs.toFixed(1),
    `${r.delivered}/${r.expected}`,
    mb(r.rss),
    r.bytesPerClient.toFixed(0),
    `${(100 * r.cpuShare).toFixed(0)} %`,
    `${r.serverUserUs.toFixed(1)} + ${r.serverSystemUs.toFixed(1)}`,
    r.generatorUs.toFixed(1),
    String(r.dropped),
    String(r.lagging),
  ]);
  const last = results.at(-1);
  const verdicts = last
    ? [
        `${last.held >= TARGETS.clients ? 'met' : '**missed**'}: held ${last.held.toLocaleString('en-US')} clients at one update/s (target ≥ ${TARGETS.clients.toLocaleString('en-US')})${stopReason ? `; stopped: ${stopReason}` : ''}`,
        `${last.p99Ms < TARGETS.p99Ms ? 'met' : '**missed**'}: p99 ${last.p99Ms.toFixed(1)} ms from push to client at ${last.held.toLocaleString('en-US')} clients (target < ${TARGETS.p99Ms} ms)`,
        `${last.bytesPerClient < TARGETS.bytesPerClient ? 'met' : '**missed**'}: ${last.bytesPerClient.toFixed(0)} bytes of server RSS per client (target < ${TARGETS.bytesPerClient / 1024} KB)`,
      ]
    : ['**missed**: no step completed'];
  const notes = [
    `Server: \`dist/cli.js serve --simulator off${streamWorkers > 0 ? ` --stream-workers ${streamWorkers}` : ''}\` (demo market, stream sends on change, at most every 100 ms)${streamWorkers > 0 ? `; the streams are held by ${streamWorkers} worker processes, and RSS and CPU are the server's and its workers' together` : ''}, idle RSS ${mb(idleRss)}, open-file limit ${fdLimit ?? 'unknown'} per process (this shell's hard limit is ${ownLimit} and raising it needs CAP_SYS_RESOURCE, which this container does not grant, so ${streamWorkers > 0 ? `${streamWorkers} workers hold` : 'one process holds'} at most ~${Number.isFinite(maxClients) ? maxClients.toLocaleString('en-US') : '?'} streams here).`,
    `${pinned ? `CPUs: the server pinned to CPU 0 alone, the load generators to CPUs ${generatorCpus} (taskset), as if on other machines; the kernel's work of delivering to a loopback socket is still charged to the sending server. ` : ''}Clients: ${generators.length} load-generator processes (bench/lib/sseClients.mjs), raw \`net\` sockets from 127.10.0.1… (8 source addresses each), each searching the bytes for \`event: update\` only; stream \`${streamPath}\` (${flags.filter === 'all' ? 'the whole market, as the site ticker follows it' : 'one stock, no indices'}).`,
    `Updates: one trade in ${SYMBOL} pushed per round through \`POST /api/v1/market/trades\` (durable before the answer) at a random offset within each second, ${rounds} rounds per step; each push is followed to every client by version: the push has reached a client with the first \`update\` whose \`id:\` is at least the version the push made (read from the quotes API after the acknowledgement) — its own event or a later one the stream merged it into; "delivered" counts (client, push) pairs that arrived within 1.5 s of the last push, and latency is from just before the request is written to that event's arrival (CLOCK_MONOTONIC, shared by all processes). Fan-out is the spread between the first and the last client's arrival of one update; server pass is the server's own time to write it to every socket (\`lastSendPassMs\` of the stream stats). CPU per delivery: the server's user and system time, and the load generators' time, over the updates delivered. bytes/client = (RSS with N clients − idle RSS) ÷ N.`,
  ];
  const busy = `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`;
  process.stdout.write(`\n${textTable(header, rows)}\n\n${notes.join('\n')}\n${busy}\n`);
  process.stdout.write(`${verdicts.map((v) => v.replace(/\*/g, '')).join('\n')}\n`);

  if (flags.record) {
    await appendResults(
      [
        `## Market stream fan-out — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}. Command: \`node bench/stream.mjs --steps ${flags.steps} --rounds ${rounds} --filter ${flags.filter}${pinned ? ' --pin' : ''}\`.`,
        `Machine load: ${busy}.`,
        '',
        markdownTable(header, rows),
        '',
        ...notes.map((note) => `${note}\n`),
        'Targets:',
        '',
        ...verdicts.map((verdict) => `- ${verdict}`),
      ].join('\n'),
    );
    log('recorded in bench/RESULTS.md');
  }
  return 0;
}

function summarize({
  requested,
  capped,
  held,
  failed,
  openSeconds,
  rss,
  idleRss,
  collected,
  stats,
  cpuShare,
  passMs,
  serverUserSeconds,
  serverSystemSeconds,
  generatorSeconds,
}) {
  const sorted = collected.latenciesMs;
  const at = (p) => percentile(sorted, p);
  const fanOuts = collected.perRound
    .filter((round) => round.count > 0)
    .map((round) => round.last - round.first)
    .sort((a, b) => a - b);
  return {
    requested,
    capped,
    held,
    failed,
    openSeconds,
    rss,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    fanOutMs: fanOuts[Math.floor(fanOuts.length / 2)] ?? Number.NaN,
    delivered: sorted.length,
    expected: held * collected.perRound.length,
    bytesPerClient: held > 0 ? (rss - idleRss) / held : 0,
    dropped: stats.dropped.overflow + stats.dropped.blocked + collected.closed,
    lagging: stats.lagging,
    cpuShare,
    passMs,
    // Per update delivered to one client: the server's JavaScript (user) and kernel (system) time, and the
    // load generators' time to take it in, which shares the same cores.
    serverUserUs: (1e6 * serverUserSeconds) / Math.max(1, sorted.length),
    serverSystemUs: (1e6 * serverSystemSeconds) / Math.max(1, sorted.length),
    generatorUs: (1e6 * generatorSeconds) / Math.max(1, sorted.length),
  };
}

async function openFileLimit(pid) {
  try {
    const limits = await readFile(`/proc/${pid}/limits`, 'utf8');
    const match = /^Max open files\s+(\d+)\s+(\d+)/m.exec(limits);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** RSS of the server and its stream workers. */
function treeRss(pid) {
  return processTree(pid).reduce((sum, each) => sum + (readRssBytes(each) ?? 0), 0);
}

/** User and system CPU of the server and its stream workers. */
function treeCpuSplit(pid) {
  const parts = processTree(pid).map((each) => processCpuSplit(each));
  if (parts.some((part) => part === null)) return null;
  return parts.reduce((sum, part) => ({ user: sum.user + part.user, system: sum.system + part.system }), {
    user: 0,
    system: 0,
  });
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function log(message) {
  process.stderr.write(`[stream] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`stream.mjs: ${message}\n`);
  process.exit(2);
}
