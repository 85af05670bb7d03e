#!/usr/bin/env node
// Article-page throughput of Broadsheet side by side with nginx and a bare Node server serving the same bytes.
// Usage: npm run build && node bench/pages.mjs [--record] [--duration 15] [--connections 64] [--threads 2]
//        [--warmup 3] [--tool wrk|autocannon] [--simulator on|off] [--cpu-prof DIR] [--cli dist/cli.js]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { startBareNode } from './lib/bareNode.mjs';
import { pickArticlePath, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, isRunning, runWithCleanup } from './lib/children.mjs';
import { processTreeCpuSeconds } from './lib/cpuTime.mjs';
import { pickLoadTool, runLoad } from './lib/load.mjs';
import { getRaw } from './lib/loopback.mjs';
import { describeMachine, loadAverage, toolVersion } from './lib/machine.mjs';
import { NGINX, nginxInstalled, startNginx } from './lib/nginx.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { readRssBytes, sampleRss } from './lib/rss.mjs';
import { checkTargets, TARGETS } from './lib/targets.mjs';

const { values: flags } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '64' },
    threads: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    tool: { type: 'string' },
    simulator: { type: 'string', default: 'on' },
    page: { type: 'string', default: 'article' },
    'cpu-prof': { type: 'string' },
    cli: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  process.stdout.write(
    'node bench/pages.mjs [--record] [--duration 15] [--connections 64] [--threads 2] [--warmup 3]\n' +
      '                     [--tool wrk|autocannon] [--simulator on|off] [--cpu-prof DIR] [--cli PATH]\n' +
      '                     [--page article|markets|stock]\n',
  );
  process.exit(0);
}

const shape = {
  threads: wholeNumber('threads', flags.threads, 1, 64),
  connections: wholeNumber('connections', flags.connections, 1, 10_000),
  durationSec: wholeNumber('duration', flags.duration, 1, 60),
};
const warmup = { ...shape, durationSec: wholeNumber('warmup', flags.warmup, 0, 30) };
if (flags.simulator !== 'on' && flags.simulator !== 'off') fail('--simulator must be on or off');
/** The pages the budget is checked on; the article is the default, the market pages ride the same cache. */
const PAGES = {
  article: 'Article page',
  markets: 'Markets overview (/markets)',
  stock: 'Stock page (/markets/stocks/OGDC)',
};
if (!Object.hasOwn(PAGES, flags.page)) fail(`--page must be one of ${Object.keys(PAGES).join(', ')}`);

/** The two codings every server is measured with; wrk sends no Accept-Encoding unless told. */
const CODINGS = [
  { name: 'identity', headers: {} },
  { name: 'gzip', headers: { 'Accept-Encoding': 'gzip' } },
];

await runWithCleanup(async () => {
  if (!nginxInstalled()) fail(`${NGINX} is missing: apt-get install -y nginx-light`);
  const tool = pickLoadTool(flags.tool);
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bench-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));
  return benchmark(dir, tool);
});

async function benchmark(dir, tool) {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  log(
    `machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; load tool: ${tool}; load average ${loadBefore.toFixed(2)}`,
  );
  if (loadBefore > Number(machine.nproc) / 2) {
    log('warning: the machine is already busy; other work competes with the servers and skews the numbers');
  }
  const nodeArgs = flags['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', flags['cpu-prof']] : [];
  const broadsheet = await startBroadsheet({
    dir,
    simulator: flags.simulator === 'on',
    nodeArgs,
    ...(flags.cli ? { cli: resolve(flags.cli) } : {}),
  });
  const idleRss = readRssBytes(broadsheet.pid) ?? 0;
  const path =
    flags.page === 'article'
      ? await pickArticlePath(broadsheet.origin)
      : flags.page === 'markets'
        ? '/markets'
        : '/markets/stocks/OGDC';
  log(`Broadsheet (pid ${broadsheet.pid}) at ${broadsheet.origin}; ${flags.page} ${path}; idle RSS ${mb(idleRss)}`);

  const page = await fetchMatchingPair(`${broadsheet.origin}${path}`);
  const identityFile = join(dir, 'page.html');
  const gzipFile = join(dir, 'page.html.gz');
  await writeFile(identityFile, page.identity);
  await writeFile(gzipFile, page.gzip);
  log(
    `page bytes: ${page.identity.length} uncompressed, ${page.gzip.length} gzip${page.matched ? '' : ' (see warning)'}`,
  );

  const nginx = await startNginx({ dir, path, identity: page.identity, gzip: page.gzip });
  const bare = await startBareNode({ path, identityFile, gzipFile });
  await assertSameBytes('nginx', `${nginx.origin}${path}`, page);
  await assertSameBytes('bare node', `${bare.origin}${path}`, page);

  const servers = [
    { name: 'nginx', url: `${nginx.origin}${path}`, pid: nginx.started.child.pid, sampleRss: false },
    { name: 'bare node http', url: `${bare.origin}${path}`, pid: bare.started.child.pid, sampleRss: false },
    { name: 'Broadsheet', url: `${broadsheet.origin}${path}`, pid: broadsheet.pid, sampleRss: true },
  ];
  /**
   * @type {{ server: string, coding: string, result: import('./lib/load.mjs').LoadResult, peakRss: number | null,
   *   cpuUsPerRequest: number | null }[]}
   */
  const runs = [];
  for (const coding of CODINGS) {
    for (const server of servers) {
      log(`${server.name}, ${coding.name}: warm-up ${warmup.durationSec}s, then ${shape.durationSec}s…`);
      const sampler = server.sampleRss && server.pid !== undefined ? sampleRss(server.pid) : null;
      if (warmup.durationSec > 0) await runLoad(tool, server.url, warmup, coding.headers);
      const cpuBefore = server.pid === undefined ? null : processTreeCpuSeconds(server.pid);
      const result = await runLoad(tool, server.url, shape, coding.headers);
      const cpuAfter = server.pid === undefined ? null : processTreeCpuSeconds(server.pid);
      const peakRss = sampler ? sampler.stop() : null;
      checkRun(server.name, coding.name, result, page);
      const cpuUsPerRequest =
        cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1e6) / result.requests;
      runs.push({ server: server.name, coding: coding.name, result, peakRss, cpuUsPerRequest });
    }
  }
  if (!isRunning(broadsheet.started)) throw new Error(`Broadsheet died during the load:\n${broadsheet.output()}`);
  const loadAfter = loadAverage();

  const header = [
    'server',
    'coding',
    'req/s',
    'p50 ms',
    'p99 ms',
    '× nginx',
    '× bare',
    'CPU µs/req',
    'bytes/resp',
    'peak RSS',
  ];
  const ratioTo = (run, baseline) => {
    const other = runs.find((candidate) => candidate.server === baseline && candidate.coding === run.coding);
    return other ? `${(run.result.requestsPerSec / other.result.requestsPerSec).toFixed(2)}×` : '—';
  };
  const rows = runs.map((run) => [
    run.server,
    run.coding,
    run.result.requestsPerSec.toFixed(0),
    run.result.p50Ms.toFixed(2),
    run.result.p99Ms.toFixed(2),
    ratioTo(run, 'nginx'),
    ratioTo(run, 'bare node http'),
    run.cpuUsPerRequest === null ? '—' : run.cpuUsPerRequest.toFixed(1),
    run.result.bytesPerResponse.toFixed(0),
    run.peakRss === null ? '—' : mb(run.peakRss),
  ]);
  const verdicts = checkTargets(runs);
  const busy = `load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (the load generator itself adds about 2)`;
  const settings = `${tool} ${tool === 'wrk' ? `-t${shape.threads} -c${shape.connections} -d${shape.durationSec}s --latency` : `-w ${shape.threads} -c ${shape.connections} -d ${shape.durationSec}`}, ${warmup.durationSec}s warm-up per run, simulator ${flags.simulator}`;

  process.stdout.write(`\n${textTable(header, rows)}\n\n`);
  process.stdout.write(`Broadsheet idle RSS ${mb(idleRss)}; ${settings}; ${busy}\n`);
  for (const verdict of verdicts) process.stdout.write(`${verdict.met ? 'MET ' : 'MISS'}  ${verdict.text}\n`);

  if (flags.record) {
    const nginxVersion = toolVersion(NGINX, ['-v']);
    const wrkVersion = tool === 'wrk' ? toolVersion('wrk', ['-v']) : 'autocannon 8';
    await appendResults(
      [
        `## ${PAGES[flags.page]} vs nginx — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}; ${nginxVersion}; ${wrkVersion}.`,
        `Page: \`${path}\`, ${page.identity.length} bytes uncompressed, ${page.gzip.length} bytes gzip. Load: ${settings}. Broadsheet idle RSS ${mb(idleRss)}.`,
        `Machine load: ${busy}.`,
        '',
        markdownTable(header, rows),
        '',
        `Targets (${TARGETS.description}):`,
        '',
        ...verdicts.map((verdict) => `- ${verdict.met ? 'met' : '**missed**'}: ${verdict.text}`),
      ].join('\n'),
    );
    log('recorded in bench/RESULTS.md');
  }
  await broadsheet.stop();
  return 0;
}

/**
 * The page uncompressed and as the site gzips it. The site re-renders pages when the market
 * moves, so the two are fetched again until the gzip body unpacks to the same bytes.
 */
async function fetchMatchingPair(url) {
  let last;
  for (let attempt = 0; attempt < 8; attempt++) {
    const identity = await getRaw(url);
    const gzip = await getRaw(url, { 'Accept-Encoding': 'gzip' });
    if (identity.status !== 200 || gzip.status !== 200) {
      throw new Error(`${url} answered ${identity.status} / ${gzip.status}`);
    }
    if (identity.headers['content-encoding'] !== undefined) {
      throw new Error(`${url} sent ${identity.headers['content-encoding']} to a client that accepts no coding`);
    }
    if (gzip.headers['content-encoding'] !== 'gzip') {
      throw new Error(`${url} did not gzip (content-encoding: ${gzip.headers['content-encoding'] ?? 'none'})`);
    }
    last = { identity: identity.body, gzip: gzip.body, matched: true };
    if (gunzipSync(gzip.body).equals(identity.body)) return last;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  log('warning: the page kept changing between fetches; nginx serves the last uncompressed and gzip bodies as fetched');
  return { ...last, matched: false };
}

async function assertSameBytes(name, url, page) {
  const identity = await getRaw(url);
  const gzip = await getRaw(url, { 'Accept-Encoding': 'gzip' });
  if (!identity.body.equals(page.identity)) throw new Error(`${name} does not serve the page's uncompressed bytes`);
  if (gzip.headers['content-encoding'] !== 'gzip' || !gzip.body.equals(page.gzip)) {
    throw new Error(
      `${name} does not serve the page's gzip bytes (content-encoding: ${gzip.headers['content-encoding']})`,
    );
  }
}

/** A run that got errors or the wrong body size measured something else than the page: stop. */
function checkRun(server, coding, result, page) {
  if (result.requests === 0) throw new Error(`${server} ${coding}: no request completed`);
  if (result.non2xx > 0) throw new Error(`${server} ${coding}: ${result.non2xx} responses were not 2xx/3xx`);
  const body = coding === 'gzip' ? page.gzip.length : page.identity.length;
  // bytes/response includes the headers (a few hundred bytes); a body of the other coding is far off.
  if (result.bytesPerResponse < body * 0.98 || result.bytesPerResponse > body + 2048) {
    throw new Error(
      `${server} ${coding}: ${result.bytesPerResponse.toFixed(0)} bytes per response for a ${body}-byte body — wrong coding or page?`,
    );
  }
  if (result.socketErrors > 0) log(`warning: ${server} ${coding}: ${result.socketErrors} socket errors`);
}

function wholeNumber(name, text, min, max) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function log(message) {
  process.stderr.write(`[pages] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`pages.mjs: ${message}\n`);
  process.exit(2);
}
