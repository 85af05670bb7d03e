// A burst of 10,000 agency items POSTed to /api/v1/wire of a running site while readers ask for an
// article page: how responsive the inbox stays (each POST's answer time, and the inbox list page),
// and the article page's p99 during the burst beside its p99 at rest. Needs `npm run build` first.
//   node bench/wire-burst.mjs [--items 10000] [--concurrency 8]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEnvironment, DEFAULT_CLI, pickArticlePath, startBroadsheet } from './lib/broadsheet.mjs';
import { runToEnd, runWithCleanup } from './lib/children.mjs';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '8' } },
});
const ITEMS = Number(values.items);
const CONCURRENCY = Number(values.concurrency);

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
}

async function timed(url, init) {
  const start = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}`);
  return performance.now() - start;
}

/** Article page requests from `readers` loops until `done()` says stop. */
async function readLoop(url, readers, done) {
  const samples = [];
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (!done()) samples.push(await timed(url));
    }),
  );
  return samples;
}

function item(n) {
  return JSON.stringify({
    uri: `urn:bench:wire:${n}`,
    version: '1',
    provider: { name: n % 3 === 0 ? 'Reuters' : 'AFP' },
    headline: `Bench story ${n}: markets move on rate outlook`,
    byline: 'Bench Desk',
    versioncreated: new Date(Date.UTC(2023, 0, 31) + n * 1000).toISOString(),
    urgency: (n % 8) + 1,
    subject: [{ name: n % 2 === 0 ? 'Economy' : 'Markets' }],
    body_html: '<p>Stocks rose in early trade as investors weighed the central bank outlook.</p>'.repeat(6),
  });
}

await runWithCleanup(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-wire-bench-'));
  try {
    const dbPath = join(dir, 'broadsheet-bench.sqlite');
    // Migrate and make the token before the server starts, as the other benches do.
    const { stdout } = await runToEnd(
      'tokens create',
      process.execPath,
      [DEFAULT_CLI, 'tokens', 'create', '--role', 'wire-feed', '--name', 'bench', '--db', dbPath],
      { env: benchEnvironment(), cwd: dir },
    );
    const token = stdout.trim();
    const site = await startBroadsheet({ dir });
    const article = `${site.origin}${await pickArticlePath(site.origin)}`;

    let restEnd = performance.now() + 10_000;
    const atRest = await readLoop(article, 4, () => performance.now() > restEnd);

    let sent = 0;
    let bursting = true;
    const posts = [];
    const started = performance.now();
    const readers = readLoop(article, 4, () => !bursting);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < ITEMS) {
          const n = sent++;
          posts.push(
            await timed(`${site.origin}/api/v1/wire`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: item(n),
            }),
          );
        }
      }),
    );
    const burstSeconds = (performance.now() - started) / 1000;
    bursting = false;
    const during = await readers;
    restEnd = 0;
    const result = {
      items: ITEMS,
      concurrency: CONCURRENCY,
      burstSeconds: Math.round(burstSeconds * 10) / 10,
      itemsPerSecond: Math.round(ITEMS / burstSeconds),
      postMs: summary(posts),
      articleAtRestMs: summary(atRest),
      articleDuringBurstMs: summary(during),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    await site.stop();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
