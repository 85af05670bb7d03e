#!/usr/bin/env node
// Trades per second acknowledged only once durable: the market recorder (group commit) in this process
// on SQLite (WAL, the embedded default) and PostgreSQL, then end to end through the push API.
// Usage: npm run build && node bench/durability.mjs [--record] [--seconds 8] [--postgres URL | --no-postgres]
//        [--push-only] [--cpu-prof DIR]
//        [--http-seconds 10] [--clients 2] [--connections 4] [--batch 1000] [--dist DIR]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFeedToken, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, isRunning, runToEnd, runWithCleanup } from './lib/children.mjs';
import { processCpuSplit, processTreeCpuSeconds, threadCpuSeconds } from './lib/cpuTime.mjs';
import { getRaw } from './lib/loopback.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { sampleRss } from './lib/rss.mjs';
import { DEFAULT_DIST, generateUniverse, importDist, marketSetup, seededRandom } from './lib/universe.mjs';

const PUSH_LOAD = fileURLToPath(new URL('./lib/pushLoad.mjs', import.meta.url));
const TARGET_PER_SECOND = 100_000;
/** Issue 11: the push API end to end, acknowledged only once durable, on SQLite. */
const PUSH_TARGET_PER_SECOND = 250_000;
/** Events a log row holds: a run of a feed's trades (migration 0024) holds seq to seq_last. */
const EVENTS_IN_ROW = 'case when seq_last is null then 1 else seq_last - seq + 1 end';
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
/**
 * A Wednesday at 10:00 in Karachi (05:00 UTC), inside the regular session (till 15:30): the recorder's
 * trades are stamped from here on by the time the run has taken, so they stay in the session whatever
 * day and hour the bench runs at (no `now` is passed to record(), as a replay passes none).
 */
const SESSION_OPEN_MS = Date.parse('2026-11-25T05:00:00.000Z');

const { values: flags } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '8' },
    postgres: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    'http-seconds': { type: 'string', default: '10' },
    clients: { type: 'string', default: '2' },
    connections: { type: 'string', default: '4' },
    batch: { type: 'string', default: '1000' },
    dist: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'push-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(
    'node bench/durability.mjs [--record] [--seconds 8] [--postgres URL | --no-postgres] [--http-seconds 10]\n' +
      '                          [--clients 2] [--connections 4] [--batch 1000] [--dist DIR] [--push-only] [--cpu-prof DIR]\n',
  );
  process.exit(0);
}

const settings = {
  seconds: number('seconds', flags.seconds, 1, 60),
  httpSeconds: number('http-seconds', flags['http-seconds'], 1, 60),
  clients: number('clients', flags.clients, 1, 16),
  connections: number('connections', flags.connections, 1, 64),
  batch: number('batch', flags.batch, 1, 10_000),
  dist: flags.dist ? resolve(flags.dist) : DEFAULT_DIST,
  postgres: flags['no-postgres'] ? null : (flags.postgres ?? process.env.DATABASE_URL ?? DEFAULT_POSTGRES),
};

/** How the submitters share the work: many single trades (group commit does the batching) or feed-sized batches. */
const SHAPES = [
  { submitters: 1000, batch: 1 },
  { submitters: 16, batch: 1000 },
];

await runWithCleanup(main);

async function main() {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; load average ${loadBefore.toFixed(2)}`);
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-durability-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));

  if (flags['push-only']) {
    // Only the push API (e.g. to profile the server with --cpu-prof); nothing is recorded.
    const http = await httpRun(dir);
    process.stdout.write(
      `push API: ${Math.round(http.perSecond).toLocaleString('en-US')} durable trades/s, request p50 ${http.p50Ms.toFixed(1)} ms, p99 ${http.p99Ms.toFixed(1)} ms, server ${http.cpuUsPerTrade.toFixed(1)} µs CPU/trade (${(100 * http.cpuShare).toFixed(0)} % of a core; ${cpuSplitText(http)}), load average ${loadAverage().toFixed(2)}\n`,
    );
    return 0;
  }
  const recorderRuns = [];
  for (const shape of SHAPES) {
    log(`recorder on SQLite, ${shape.submitters} submitters × ${shape.batch} trades: ${settings.seconds}s…`);
    recorderRuns.push(
      await recorderRun({ kind: 'sqlite', path: join(dir, `recorder-${shape.batch}.sqlite`) }, 'SQLite (WAL)', shape),
    );
  }
  let postgresNote = 'PostgreSQL: not run (--no-postgres).';
  if (settings.postgres) {
    const schema = `bench_durability_${process.pid}`;
    for (const shape of SHAPES) {
      log(`recorder on PostgreSQL (schema ${schema}), ${shape.submitters} × ${shape.batch}: ${settings.seconds}s…`);
      try {
        recorderRuns.push(
          await recorderRun({ kind: 'postgres', url: settings.postgres, schema }, 'PostgreSQL', shape, async (db) => {
            const { sql } = await import('kysely');
            await sql.raw(`drop schema if exists "${schema}" cascade`).execute(db);
          }),
        );
        postgresNote = `PostgreSQL: ${redact(settings.postgres)}, throwaway schema \`${schema}\`, dropped afterwards.`;
      } catch (error) {
        postgresNote = `PostgreSQL: not measured (${error instanceof Error ? error.message : String(error)}).`;
        log(postgresNote);
        break;
      }
    }
  }

  log(
    `push API end to end: ${settings.clients} client processes × ${settings.connections} connections × ${settings.batch} trades per request, 2s warm-up + ${settings.httpSeconds}s…`,
  );
  const http = await httpRun(dir);
  const loadAfter = loadAverage();

  const recorderHeader = [
    'store',
    'submitters × trades',
    'durable trades/s',
    'commits/s',
    'trades/commit',
    'ack p50 ms',
    'ack p99 ms',
    'in append',
    'in knownSeqs',
    'CPU µs/trade',
  ];
  const recorderRows = recorderRuns.map((run) => [
    run.store,
    `${run.submitters} × ${run.batch}`,
    Math.round(run.perSecond).toLocaleString('en-US'),
    run.commitsPerSecond.toFixed(0),
    run.eventsPerCommit.toFixed(0),
    run.p50Ms.toFixed(1),
    run.p99Ms.toFixed(1),
    `${(100 * run.appendShare).toFixed(0)} %`,
    `${(100 * run.knownSeqsShare).toFixed(0)} %`,
    run.cpuUsPerTrade.toFixed(1),
  ]);
  const httpHeader = [
    'path',
    'durable trades/s',
    'requests/s',
    'request p50 ms',
    'request p99 ms',
    'server CPU µs/trade',
    'JS thread / other threads µs',
    'user / system µs',
    'server CPU',
    'server peak RSS',
  ];
  const httpRows = [
    [
      `POST /api/v1/market/trades, ${settings.clients}×${settings.connections} connections × ${settings.batch}`,
      Math.round(http.perSecond).toLocaleString('en-US'),
      http.requestsPerSecond.toFixed(0),
      http.p50Ms.toFixed(1),
      http.p99Ms.toFixed(1),
      http.cpuUsPerTrade.toFixed(1),
      `${http.jsThreadUsPerTrade.toFixed(1)} / ${(http.cpuUsPerTrade - http.jsThreadUsPerTrade).toFixed(1)}`,
      `${http.userUsPerTrade.toFixed(1)} / ${http.systemUsPerTrade.toFixed(1)}`,
      `${(100 * http.cpuShare).toFixed(0)} % of a core`,
      `${(http.peakRss / 1024 / 1024).toFixed(0)} MB`,
    ],
  ];
  const bestSqlite = Math.max(...recorderRuns.filter((r) => r.store.startsWith('SQLite')).map((r) => r.perSecond));
  const verdicts = [
    `${bestSqlite >= TARGET_PER_SECOND ? 'met' : '**missed**'}: recorder on SQLite, best shape ${Math.round(bestSqlite).toLocaleString('en-US')} durable trades/s (target ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')}/s)`,
    `${http.perSecond >= PUSH_TARGET_PER_SECOND ? 'met' : '**missed**'}: push API on SQLite ${Math.round(http.perSecond).toLocaleString('en-US')} durable trades/s (target ≥ ${PUSH_TARGET_PER_SECOND.toLocaleString('en-US')}/s)`,
  ];
  const notes = [
    `Recorder: \`createMarketRecorder\` from dist/ in this process over a ${recorderRuns[0]?.stocks ?? 500}-stock market with four indices, under the real site's rules (PSX sessions enforced, the halt rule; trades stamped inside a regular session); each submitter awaits \`record()\` (the promise resolves after COMMIT) and sends its next batch; every trade carries a fresh (feed, seq), as the push API's do. "in append" and "in knownSeqs" are the shares of the run's wall time spent awaiting MarketLog.append (the INSERT transaction) and MarketLog.knownSeqs (the duplicate check), the rest being the trial market, the live market and the promise bookkeeping. CPU µs/trade is this process's CPU (all threads) over the durable trades. After every run the log's events (a run row's trades one by one) are checked against the trades acknowledged.`,
    `Push API: \`dist/cli.js serve --simulator off\` on a temp SQLite file (demo market, 30 symbols: the demo's rules, sessions not enforced, as a server's clock outside PSX hours would refuse every trade of the real site's), a \`market-feed\` token from \`broadsheet tokens create\`; ${settings.clients} load-generator processes (bench/lib/pushLoad.mjs) share the 2 cores with the server. Server CPU is utime+stime of the server from /proc over the measured window, split into the JavaScript thread's own (/proc/PID/task/PID) and the other threads' (the log's writer thread, V8's GC helpers, libuv's pool), and into user and system time. ${http.rowsChecked}`,
    postgresNote,
  ];
  const busy = `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`;

  process.stdout.write(`\n${textTable(recorderHeader, recorderRows)}\n\n${textTable(httpHeader, httpRows)}\n\n`);
  process.stdout.write(`${notes.join('\n')}\n${busy}\n${verdicts.map((v) => v.replace(/\*/g, '')).join('\n')}\n`);
  if (http.firstRejection) process.stdout.write(`first rejected item: ${http.firstRejection}\n`);

  if (flags.record) {
    await appendResults(
      [
        `## Durable market ingestion — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}. Command: \`node bench/durability.mjs\` (imports \`dist/\`).`,
        `Machine load: ${busy}.`,
        '',
        markdownTable(recorderHeader, recorderRows),
        '',
        markdownTable(httpHeader, httpRows),
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

// ---- the recorder in this process ----

async function recorderRun(target, store, shape, cleanup) {
  const [
    { openStore },
    { createMarketLog },
    { createMarketRecorder },
    { Market },
    { defineInstrument },
    { priceBand },
    { PSX_CALENDAR },
  ] = await Promise.all([
    importDist('store/openStore.js', settings.dist),
    importDist('store/market/marketLog.js', settings.dist),
    importDist('engine/marketRecorder.js', settings.dist),
    importDist('market/book/market.js', settings.dist),
    importDist('market/quotes/instrument.js', settings.dist),
    importDist('market/quotes/priceBand.js', settings.dist),
    importDist('market/sessions/tradingCalendar.js', settings.dist),
  ]);
  const opened = await openStore(target);
  try {
    const { db } = opened;
    const universe = generateUniverse({ stocks: 500 });
    // The real site's rules: PSX's calendar with sessions enforced and the halt rule (the market's defaults
    // with a calendar). Trades are stamped inside a regular session, on the bench's own clock (`tradeSource`).
    const setup = marketSetup(universe, {
      defineInstrument,
      calendar: PSX_CALENDAR,
      ldcpTime: new Date(SESSION_OPEN_MS - 3_600_000),
    });
    const createMarket = () => new Market(setup);
    const market = createMarket();
    const timing = { appendMs: 0, knownSeqsMs: 0, commits: 0, committedEvents: 0 };
    const log = timedLog(createMarketLog(db), timing);
    const errors = [];
    const recorder = createMarketRecorder({ log, market, createMarket, onError: (error) => errors.push(error) });
    const next = tradeSource(universe, priceBand, `bench-${shape.batch}`);

    // A short warm-up so the JIT and the database's caches are past their first batches.
    const warm = await drive(recorder, next, shape, 1);
    Object.assign(timing, { appendMs: 0, knownSeqsMs: 0, commits: 0, committedEvents: 0 });
    const cpuBefore = process.cpuUsage();
    const measured = await drive(recorder, next, shape, settings.seconds);
    const cpu = process.cpuUsage(cpuBefore);
    await recorder.stop();
    if (errors.length > 0) throw new Error(`the recorder failed ${errors.length} batches: ${errors[0]}`);

    const { sql } = await import('kysely');
    const rows = await sql`select sum(${sql.raw(EVENTS_IN_ROW)}) as count from market_events`.execute(db);
    const logged = Number(rows.rows[0]?.count ?? 0);
    const expected = warm.accepted + measured.accepted;
    if (logged !== expected) {
      throw new Error(`${store}: the log holds ${logged} events but ${expected} trades were acknowledged`);
    }
    if (measured.rejected > 0) throw new Error(`${store}: ${measured.rejected} trades were rejected`);
    const seconds = measured.ms / 1000;
    const latencies = measured.latenciesMs.sort((a, b) => a - b);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    return {
      store,
      stocks: universe.listings.length,
      ...shape,
      perSecond: measured.accepted / seconds,
      commitsPerSecond: timing.commits / seconds,
      eventsPerCommit: timing.committedEvents / Math.max(1, timing.commits),
      appendShare: timing.appendMs / measured.ms,
      knownSeqsShare: timing.knownSeqsMs / measured.ms,
      cpuUsPerTrade: (cpu.user + cpu.system) / measured.accepted,
      p50Ms: at(50),
      p99Ms: at(99),
    };
  } finally {
    if (cleanup) await cleanup(opened.db).catch((error) => log(`cleanup failed: ${error}`));
    await opened.close();
  }
}

/** The market log with its two calls timed; the recorder only calls these two. */
function timedLog(inner, timing) {
  return {
    async append(batch) {
      const started = performance.now();
      await inner.append(batch);
      timing.appendMs += performance.now() - started;
      timing.commits += 1;
      timing.committedEvents += batch.events.length;
    },
    async knownSeqs(feed, seqs) {
      const started = performance.now();
      const known = await inner.knownSeqs(feed, seqs);
      timing.knownSeqsMs += performance.now() - started;
      return known;
    },
  };
}

/** Fresh valid trade events, each with the next seq of the feed. */
function tradeSource(universe, priceBand, feed) {
  const random = seededRandom(99);
  const bands = universe.listings.map((listing) => priceBand(listing.ldcp, 1));
  const started = Date.now();
  let seq = 1;
  return (count) => {
    const time = new Date(SESSION_OPEN_MS + (Date.now() - started));
    const events = new Array(count);
    for (let i = 0; i < count; i++) {
      const which = Math.floor(random() * bands.length);
      const band = bands[which];
      events[i] = {
        kind: 'trade',
        trade: {
          symbol: universe.listings[which].symbol,
          price: band.lower + Math.floor(random() * (band.upper - band.lower + 1)),
          volume: 100 * (1 + Math.floor(random() * 50)),
          time,
          seq: seq++,
          feed,
        },
      };
    }
    return events;
  };
}

/** `submitters` loops, each awaiting its batch's acknowledgement before sending the next, for `seconds`. */
async function drive(recorder, next, { submitters, batch }, seconds) {
  const started = performance.now();
  const stopAt = started + seconds * 1000;
  const totals = { accepted: 0, rejected: 0, latenciesMs: [] };
  let lastAck = started;
  const submitter = async () => {
    while (performance.now() < stopAt) {
      const sent = performance.now();
      const outcomes = await recorder.record(next(batch));
      const now = performance.now();
      for (const outcome of outcomes) {
        if (outcome.kind === 'trade' && outcome.receipt.ok && !outcome.receipt.duplicate) totals.accepted += 1;
        else totals.rejected += 1;
      }
      totals.latenciesMs.push(now - sent);
      lastAck = now;
    }
  };
  await Promise.all(Array.from({ length: submitters }, submitter));
  return { ...totals, ms: lastAck - started };
}

// ---- end to end through the push API ----

async function httpRun(dir) {
  // The server of the build under test (--dist), so another build can be measured by the same bench.
  const cli = join(settings.dist, 'cli.js');
  const { token, dbPath } = await createFeedToken(dir, cli);
  const nodeArgs = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']] : [];
  const server = await startBroadsheet({ dir, cli, simulator: false, nodeArgs });
  const quotes = JSON.parse((await getRaw(`${server.origin}/api/v1/market/quotes`)).body.toString('utf8'));
  const ldcps = Object.fromEntries(quotes.quotes.map((quote) => [quote.symbol, rupeesToPaisa(quote.ldcp)]));
  const warmupMs = 2000;
  const durationMs = settings.httpSeconds * 1000;
  const startAt = Date.now() + 1500;
  const clients = Array.from({ length: settings.clients }, (_, i) =>
    runToEnd(
      `push load ${i}`,
      process.execPath,
      [
        PUSH_LOAD,
        JSON.stringify({
          origin: server.origin,
          token,
          feed: `bench-${i}`,
          connections: settings.connections,
          batch: settings.batch,
          startAt,
          warmupMs,
          durationMs,
          ldcps,
        }),
      ],
      { timeoutMs: warmupMs + durationMs + 120_000 },
    ),
  );
  // Server CPU and RSS over the measured window only.
  await sleep(startAt + warmupMs - Date.now());
  const cpuBefore = processTreeCpuSeconds(server.pid) ?? 0;
  const splitBefore = processCpuSplit(server.pid) ?? { user: 0, system: 0 };
  const jsBefore = threadCpuSeconds(server.pid);
  const rss = sampleRss(server.pid);
  await sleep(durationMs);
  const cpuAfter = processTreeCpuSeconds(server.pid) ?? 0;
  const splitAfter = processCpuSplit(server.pid) ?? { user: 0, system: 0 };
  const jsAfter = threadCpuSeconds(server.pid);
  const peakRss = rss.stop();
  const results = (await Promise.all(clients)).map(({ stdout: out }) => JSON.parse(out.trim().split('\n').at(-1)));
  if (!isRunning(server.started)) throw new Error(`the server died during the load:\n${server.output()}`);
  await server.stop();

  const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
  const acceptedAll = results.reduce((sum, r) => sum + r.acceptedAll, 0);
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  const rejected = results.reduce((sum, r) => sum + r.rejected, 0);
  const firstRejection = results.map((r) => r.firstRejection).find((text) => text) ?? null;
  if (requests === 0) throw new Error(`no push request succeeded: ${firstRejection}`);
  if (errors > 0) log(`warning: ${errors} requests failed: ${firstRejection}`);
  if (rejected > 0) log(`warning: ${rejected} trades were rejected: ${firstRejection}`);
  const rowsChecked = await countLoggedTrades(dbPath, acceptedAll);
  const latencies = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const seconds = durationMs / 1000;
  return {
    perSecond: accepted / seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: at(50),
    p99Ms: at(99),
    cpuUsPerTrade: ((cpuAfter - cpuBefore) * 1e6) / Math.max(1, accepted),
    // The JavaScript thread alone; the rest is the log's writer thread, V8's GC helpers and libuv's pool.
    jsThreadUsPerTrade: ((jsAfter - jsBefore) * 1e6) / Math.max(1, accepted),
    userUsPerTrade: ((splitAfter.user - splitBefore.user) * 1e6) / Math.max(1, accepted),
    systemUsPerTrade: ((splitAfter.system - splitBefore.system) * 1e6) / Math.max(1, accepted),
    cpuShare: (cpuAfter - cpuBefore) / seconds,
    peakRss,
    rowsChecked,
    firstRejection: rejected > 0 || errors > 0 ? firstRejection : null,
  };
}

/** After the server stopped: every acknowledged trade must be in the log. */
async function countLoggedTrades(dbPath, acknowledged) {
  const { default: Sqlite } = await import('better-sqlite3');
  const database = new Sqlite(dbPath, { readonly: true });
  try {
    const row = database
      .prepare(`select coalesce(sum(${EVENTS_IN_ROW}), 0) as count from market_events where feed like 'bench-%'`)
      .get();
    if (row.count !== acknowledged) {
      throw new Error(`the log holds ${row.count} pushed trades but ${acknowledged} were acknowledged`);
    }
    return `After the run the log held exactly the ${acknowledged.toLocaleString('en-US')} pushed trades acknowledged (warm-up included).`;
  } finally {
    database.close();
  }
}

function rupeesToPaisa(text) {
  const [whole, fraction = '0'] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function cpuSplitText(http) {
  const others = http.cpuUsPerTrade - http.jsThreadUsPerTrade;
  return `JS thread ${http.jsThreadUsPerTrade.toFixed(1)} µs + other threads ${others.toFixed(1)} µs; user ${http.userUsPerTrade.toFixed(1)} µs + system ${http.systemUsPerTrade.toFixed(1)} µs`;
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function number(name, text, min, max) {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) fail(`--${name} must be a number from ${min} to ${max}`);
  return value;
}

function log(message) {
  process.stderr.write(`[durability] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`durability.mjs: ${message}\n`);
  process.exit(2);
}
