#!/usr/bin/env node
// Article search at archive scale: builds an archive of generated stories (100,000 by default) on a temp
// SQLite file (and with --postgres in a throwaway PostgreSQL schema), times the inserts while the
// index triggers keep the full-text index in step, then times queries of several kinds at the store
// and through a running server's /search page. Run `npm run build` first: it imports `dist/`.
//
//   node bench/search.mjs [--articles 100000] [--postgres [URL]] [--rounds 200] [--page-seconds 15] [--record]
//   node bench/search.mjs --pages-only [--cpu-prof DIR]   # only the article pages, to iterate on a cold render
//   node bench/search.mjs --pages-only [--postgres] --workers 2   # the server as `serve --workers 2` (one per core)
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, runWithCleanup } from './lib/children.mjs';
import { processTreeCpuSeconds } from './lib/cpuTime.mjs';
import { runLoad } from './lib/load.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { canRequestAtRandom, loadRandomPaths } from './lib/randomPages.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { DEFAULT_DIST, importDist } from './lib/universe.mjs';

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';
const { values: flags } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    budget: { type: 'string', default: '20' },
    'articles-per-transaction': { type: 'string', default: '2000' },
    postgres: { type: 'boolean', default: false },
    'no-sqlite': { type: 'boolean', default: false },
    'postgres-url': { type: 'string' },
    /** Leave the PostgreSQL schema behind (its name is printed), to look at plans with EXPLAIN afterwards. */
    'keep-postgres': { type: 'boolean', default: false },
    record: { type: 'boolean', default: false },
    /** Seconds of article-page load per run (random articles, then one cached article); 0: none. */
    'page-seconds': { type: 'string', default: '15' },
    'page-connections': { type: 'string', default: '32' },
    /** `serve --workers N`: N processes share the port; CPU time is then the whole process tree's. */
    workers: { type: 'string', default: '1' },
    /** Skip the search queries (store and page): only the archive and the article pages. */
    'pages-only': { type: 'boolean', default: false },
    /** Profile the server (node --cpu-prof) through its whole run; the .cpuprofile lands in DIR. */
    'cpu-prof': { type: 'string' },
    dist: { type: 'string', default: DEFAULT_DIST },
  },
});
const settings = {
  articles: Number(flags.articles),
  rounds: Number(flags.rounds),
  warmup: Number(flags.warmup),
  budget: Number(flags.budget),
  perTransaction: Number(flags['articles-per-transaction']),
  postgres: flags.postgres ? (flags['postgres-url'] ?? process.env.DATABASE_URL ?? DEFAULT_POSTGRES) : null,
  dist: flags.dist,
  pageSeconds: Number(flags['page-seconds']),
  pageConnections: Number(flags['page-connections']),
  pagesOnly: flags['pages-only'],
  workers: Number(flags.workers),
};
for (const [name, value] of Object.entries({
  articles: settings.articles,
  rounds: settings.rounds,
  warmup: settings.warmup,
  budget: settings.budget,
  perTransaction: settings.perTransaction,
  'page-connections': settings.pageConnections,
  workers: settings.workers,
})) {
  if (!Number.isSafeInteger(value) || value < 1) fail(`--${name} must be a whole number ≥ 1, got ${value}`);
}

if (!Number.isSafeInteger(settings.pageSeconds) || settings.pageSeconds < 0)
  fail(`--page-seconds must be a whole number ≥ 0, got ${flags['page-seconds']}`);
if (settings.pagesOnly && settings.pageSeconds === 0) fail('--pages-only with --page-seconds 0 would measure nothing');
if (settings.pageSeconds > 0 && !canRequestAtRandom())
  fail('article pages at random need wrk (apt-get install -y wrk); or pass --page-seconds 0');

/** The issue's targets: p95 of every query kind at the store, and of the whole page, on SQLite. */
const STORE_P95_TARGET_MS = 20;
const PAGE_P95_TARGET_MS = 50;
const ARCHIVE_DAYS_PER_GENERATION = 35;
const DAY_MS = 86_400_000;
const KARACHI_OFFSET_MS = 5 * 3_600_000;
/** The archive ends at a fixed instant, so the date filters and archive are the same from run to run. */
const ARCHIVE_END = new Date('2026-12-01T12:00:00Z');

await runWithCleanup(main);

async function main() {
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const uptimeBefore = uptimeLine();
  log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; ${uptimeBefore}`);
  const modules = await loadModules();
  log(`generating ${settings.articles.toLocaleString('en-US')} articles with the demo news desks…`);
  const generated = generateArchive(modules, settings.articles);
  log(
    `generated in ${(generated.ms / 1000).toFixed(1)} s; rare word "${generated.rareWord}" (in ${generated.rareCount} headlines or summaries)`,
  );
  const queries = queryKinds(generated.rareWord);

  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-search-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));

  const runs = [];
  if (!flags['no-sqlite']) {
    runs.push(
      await measureEngine(modules, generated, queries, {
        name: 'SQLite',
        target: { kind: 'sqlite', path: join(dir, 'broadsheet-bench.sqlite') },
        serve: { dir },
      }),
    );
  }
  let postgresNote = 'PostgreSQL: not run (without --postgres).';
  if (settings.postgres) {
    const schema = `bench_search_${process.pid}`;
    const url = new URL(settings.postgres);
    const dropSchema = async () => {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: settings.postgres });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    };
    if (flags['keep-postgres']) log(`PostgreSQL: keeping schema "${schema}" (drop it by hand when done)`);
    else afterChildrenStopped(dropSchema);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      runs.push(
        await measureEngine(modules, generated, queries, {
          name: 'PostgreSQL',
          target: { kind: 'postgres', url: settings.postgres, schema },
          serve: { dir, databaseUrl: url.toString() },
        }),
      );
      postgresNote = `PostgreSQL: ${redact(settings.postgres)}, throwaway schema \`${schema}\`, dropped afterwards.`;
    } catch (error) {
      postgresNote = `PostgreSQL: not measured (${error instanceof Error ? error.message : String(error)}).`;
      log(postgresNote);
    }
  }
  const loadAfter = loadAverage();
  const uptimeAfter = uptimeLine();

  const indexHeader = ['store', 'articles', 'insert + index s', 'articles/s', 'per transaction'];
  const indexRows = runs.map((run) => [
    run.name,
    run.indexing.articles.toLocaleString('en-US'),
    (run.indexing.ms / 1000).toFixed(1),
    Math.round(run.indexing.perSecond).toLocaleString('en-US'),
    settings.perTransaction.toLocaleString('en-US'),
  ]);
  const queryHeader = [
    'store',
    'query',
    'matches',
    'runs store/page',
    'store p50',
    'store p95',
    'store p99',
    'page TTFB p50',
    'TTFB p95',
    'page total p50',
    'total p95',
    'total p99',
  ];
  const queryRows = runs.flatMap((run) =>
    run.queries.map((q) => [
      run.name,
      q.label,
      q.matches.toLocaleString('en-US'),
      `${q.store.runs}/${q.page.total.runs}`,
      ms(q.store.p50),
      ms(q.store.p95),
      ms(q.store.p99),
      ms(q.page.ttfb.p50),
      ms(q.page.ttfb.p95),
      ms(q.page.total.p50),
      ms(q.page.total.p95),
      ms(q.page.total.p99),
    ]),
  );
  const pageHeader = [
    'store',
    'article pages',
    'req/s',
    'p50 ms',
    'p90 ms',
    'p99 ms',
    'CPU µs/req',
    'non-2xx',
    'socket errors',
    'bytes',
  ];
  const pageRows = runs.flatMap((run) =>
    run.pages === null
      ? []
      : [
          [run.name, `at random of ${run.pages.stories.toLocaleString('en-US')} (cache mostly cold)`, run.pages.cold],
          [run.name, 'one article (cached)', run.pages.cached],
        ].map(([store, label, r]) => [
          store,
          label,
          Math.round(r.requestsPerSec).toLocaleString('en-US'),
          ms(r.p50Ms),
          ms(r.p90Ms),
          ms(r.p99Ms),
          Number.isFinite(r.cpuUsPerRequest) ? Math.round(r.cpuUsPerRequest).toLocaleString('en-US') : '–',
          String(r.non2xx),
          String(r.socketErrors),
          Math.round(r.bytesPerResponse).toLocaleString('en-US'),
        ]),
  );
  const targets = [...targetLines(runs), ...pageTargetLines(runs)];
  process.stdout.write(`\n${textTable(indexHeader, indexRows)}\n\n`);
  if (queryRows.length > 0) process.stdout.write(`${textTable(queryHeader, queryRows)}\n\n`);
  if (pageRows.length > 0) process.stdout.write(`${textTable(pageHeader, pageRows)}\n\n`);
  process.stdout.write(`${targets.join('\n')}\n`);

  if (flags.record) {
    await appendResults(
      [
        `## Article search: ${settings.articles.toLocaleString('en-US')} articles — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}. Command: \`node bench/search.mjs --record${settings.pagesOnly ? ' --pages-only' : ''}${settings.postgres ? ' --postgres' : ''}${flags['no-sqlite'] ? ' --no-sqlite' : ''} --rounds ${settings.rounds} --warmup ${settings.warmup} --budget ${settings.budget} --page-seconds ${settings.pageSeconds} --page-connections ${settings.pageConnections}${settings.workers > 1 ? ` --workers ${settings.workers}` : ''}\` (imports \`dist/\`).`,
        `Machine load (\`uptime\`): before \`${uptimeBefore}\`; after \`${uptimeAfter}\` (1-minute ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}).`,
        `Archive: the demo news desks' generator run ${generated.generations} times (${ARCHIVE_DAYS_PER_GENERATION} days each, going back from ${ARCHIVE_END.toISOString().slice(0, 10)}), stored with the store's own insert functions, ${settings.perTransaction.toLocaleString('en-US')} articles per transaction; the index triggers of migration 0011 index each one as it lands. ${postgresNote}`,
        settings.pagesOnly
          ? 'Queries: not run (`--pages-only`).'
          : `Queries: ${settings.warmup} warm-up then ${settings.rounds} timed runs of each, one at a time, stopped early after ${settings.budget} s on one kind (runs column); "store" is \`store.searchArticles\` (20 results, as the page asks) in this process; "page" is \`GET /search?…\` on \`dist/cli.js serve --simulator off\` over one keep-alive connection (TTFB = response headers received, total = last byte). Times in ms.`,
        '',
        markdownTable(indexHeader, indexRows),
        '',
        ...(queryRows.length === 0 ? [] : [markdownTable(queryHeader, queryRows), '']),
        ...(pageRows.length === 0
          ? []
          : [
              `Article pages: \`wrk -t2 -c${settings.pageConnections} -d${settings.pageSeconds}s --latency\` with \`Accept-Encoding: gzip\` on the same server after the queries, after 3 s of warm-up each: first each request for an article drawn at random from every published story (a Lua script; the page cache keeps at most 5,000 pages, each only from its second render, so nearly all are rendered from the store), then one article over and over (served from the page cache). CPU µs/req: the server's user + system CPU time over the run (from /proc; with \`--workers\`, the primary's and every worker's) divided by the requests served.`,
              '',
              markdownTable(pageHeader, pageRows),
              '',
            ]),
        ...(targets.length === 0
          ? ['Targets (SQLite): not run in this record (`--no-sqlite`).']
          : ['Targets:', '', ...targets.map((line) => `- ${line}`)]),
      ].join('\n'),
    );
    log('appended to bench/RESULTS.md');
  }
  return 0;
}

// ---- the archive ----

async function loadModules() {
  const [
    { openStore },
    { generateDemoNews, DEFAULT_DEMO_SEED },
    { DEMO_SECTIONS },
    { parseSearchQuery },
    tags,
    writes,
  ] = await Promise.all([
    importDist('store/openStore.js', settings.dist),
    importDist('demo/news/generateDemoNews.js', settings.dist),
    importDist('demo/news/sectionDesks.js', settings.dist),
    importDist('news/searchQuery.js', settings.dist),
    importDist('news/tag.js', settings.dist),
    importDist('store/articles/articleWrites.js', settings.dist),
  ]);
  return {
    openStore,
    generateDemoNews,
    DEFAULT_DEMO_SEED,
    DEMO_SECTIONS,
    parseSearchQuery,
    canonicalTags: tags.canonicalTags,
    ensureTags: writes.ensureTags,
    insertArticleRow: writes.insertArticleRow,
  };
}

/**
 * Runs the demo desks' generator over successive five-week spans going back in time until there are
 * `count` articles; also finds a word that is rare in headlines and summaries, for the rare-word query.
 */
function generateArchive(modules, count) {
  const started = performance.now();
  const articles = [];
  let generations = 0;
  while (articles.length < count) {
    const now = new Date(ARCHIVE_END.getTime() - generations * ARCHIVE_DAYS_PER_GENERATION * DAY_MS);
    const news = modules.generateDemoNews({ now, seed: modules.DEFAULT_DEMO_SEED + generations });
    generations += 1;
    for (const draft of news.articles) {
      if (articles.length === count) break;
      articles.push(draft);
    }
  }
  // Oldest first, as an archive grows.
  articles.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const documentsOfWord = new Map();
  for (const draft of articles) {
    for (const word of new Set(`${draft.headline} ${draft.summary}`.toLowerCase().match(/\p{L}{7,}/gu) ?? [])) {
      documentsOfWord.set(word, (documentsOfWord.get(word) ?? 0) + 1);
    }
  }
  // The least common word seen at least 3 times (ties by alphabet, so the choice is stable).
  let rareWord = 'takeover';
  let rareCount = Number.POSITIVE_INFINITY;
  for (const [word, n] of documentsOfWord) {
    if (n >= 3 && (n < rareCount || (n === rareCount && word < rareWord))) {
      rareWord = word;
      rareCount = n;
    }
  }
  return { articles, generations, rareWord, rareCount, ms: performance.now() - started };
}

async function insertArchive(modules, opened, articles) {
  const { db } = opened;
  await db
    .insertInto('sections')
    .values(modules.DEMO_SECTIONS.map((s) => ({ slug: s.slug, name: s.name, position: s.position })))
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .execute();
  const started = performance.now();
  for (let start = 0; start < articles.length; start += settings.perTransaction) {
    const batch = articles.slice(start, start + settings.perTransaction);
    const tagsOf = batch.map((draft) => modules.canonicalTags(draft.tags));
    await db.transaction().execute(async (trx) => {
      const tagIds = await modules.ensureTags(trx, distinctTags(tagsOf.flat()));
      for (const [i, draft] of batch.entries()) await modules.insertArticleRow(trx, draft, tagsOf[i] ?? [], tagIds);
    });
    const done = start + batch.length;
    if (done % 20_000 < settings.perTransaction || done === articles.length) {
      const seconds = (performance.now() - started) / 1000;
      log(`  ${done.toLocaleString('en-US')} articles in ${seconds.toFixed(1)} s`);
    }
  }
  const ms = performance.now() - started;
  const [{ indexed }] = await countIndexed(opened);
  if (Number(indexed) !== articles.length)
    throw new Error(`the index holds ${indexed} stories where ${articles.length} were published`);
  return { articles: articles.length, ms, perSecond: articles.length / (ms / 1000) };
}

async function countIndexed(opened) {
  const { sql } = await import('kysely');
  const result = await sql`select count(*) as indexed from article_search`.execute(opened.db);
  return result.rows;
}

function distinctTags(tags) {
  const bySlug = new Map();
  for (const tag of tags) if (!bySlug.has(tag.slug)) bySlug.set(tag.slug, tag);
  return [...bySlug.values()];
}

// ---- the queries ----

function queryKinds(rareWord) {
  const to = karachiDate(ARCHIVE_END);
  const from = karachiDate(new Date(ARCHIVE_END.getTime() - 365 * DAY_MS));
  return [
    { label: 'common word: Pakistan', q: 'Pakistan' },
    { label: 'common word: market', q: 'market' },
    { label: 'common word: rupee', q: 'rupee' },
    { label: `rare word: ${rareWord}`, q: rareWord },
    { label: 'phrase: "State Bank"', q: '"State Bank"' },
    { label: 'two words: interest rate', q: 'interest rate' },
    { label: 'Urdu: پاکستان', q: 'پاکستان' },
    {
      label: `filters: market, section markets, ${from}…${to}`,
      q: 'market',
      section: 'markets',
      from,
      to,
    },
    { label: 'sort newest: Pakistan', q: 'Pakistan', sort: 'newest' },
  ];
}

function storeQuery(modules, kind) {
  return {
    terms: modules.parseSearchQuery(kind.q),
    sort: kind.sort ?? 'relevance',
    limit: 20,
    offset: 0,
    ...(kind.section === undefined ? {} : { sectionSlug: kind.section }),
    // The page reads `to` as the whole Karachi day: published before the next day's midnight.
    ...(kind.from === undefined ? {} : { from: karachiMidnight(kind.from) }),
    ...(kind.to === undefined ? {} : { until: new Date(karachiMidnight(kind.to).getTime() + DAY_MS) }),
  };
}

function pagePath(kind) {
  const params = new URLSearchParams({ q: kind.q });
  if (kind.section !== undefined) params.set('section', kind.section);
  if (kind.from !== undefined) params.set('from', kind.from);
  if (kind.to !== undefined) params.set('to', kind.to);
  if (kind.sort !== undefined) params.set('sort', kind.sort);
  return `/search?${params}`;
}

async function measureEngine(modules, generated, queries, { name, target, serve }) {
  log(`${name}: storing the archive…`);
  const opened = await modules.openStore(target);
  let indexing;
  let articlePaths = [];
  let pages = null;
  const results = [];
  try {
    indexing = await insertArchive(modules, opened, generated.articles);
    log(
      `${name}: ${indexing.articles.toLocaleString('en-US')} articles stored and indexed in ${(indexing.ms / 1000).toFixed(1)} s (${Math.round(indexing.perSecond)}/s)`,
    );
    if (name === 'SQLite') {
      const { sql } = await import('kysely');
      await sql`pragma wal_checkpoint(truncate)`.execute(opened.db);
    } else {
      const { sql } = await import('kysely');
      await sql`analyze`.execute(opened.db);
    }
    articlePaths = await publishedPaths(opened);
    for (const kind of settings.pagesOnly ? [] : queries) {
      const query = storeQuery(modules, kind);
      const firstStarted = performance.now();
      const first = await opened.store.searchArticles(query);
      const store = await timeRepeatedly(performance.now() - firstStarted, async () => {
        const t = performance.now();
        await opened.store.searchArticles(query);
        return performance.now() - t;
      });
      results.push({ label: kind.label, kind, matches: first.total, store });
      log(`${name} store: ${kind.label}: ${first.total} matches, p95 ${ms(store.p95)} ms (${store.runs} runs)`);
    }
  } finally {
    await opened.close();
  }

  log(`${name}: starting the server on the archive…`);
  const server = await startBroadsheet({
    ...serve,
    simulator: false,
    name: `broadsheet (${name})`,
    startTimeoutMs: 180_000,
    ...(settings.workers > 1 ? { serveArgs: ['--workers', String(settings.workers)] } : {}),
    ...(flags['cpu-prof'] === undefined
      ? {}
      : { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', resolve(flags['cpu-prof'], name.toLowerCase())] }),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const result of results) {
      const url = `${server.origin}${pagePath(result.kind)}`;
      const firstStarted = performance.now();
      const first = await timedGet(url, agent);
      if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}`);
      if (result.matches > 0 && !first.body.includes('<mark>'))
        throw new Error(`GET ${url} found nothing highlighted where the store found ${result.matches} stories`);
      const ttfb = [];
      const total = await timeRepeatedly(performance.now() - firstStarted, async () => {
        const timed = await timedGet(url, agent);
        if (timed.status !== 200) throw new Error(`GET ${url} answered ${timed.status}`);
        ttfb.push(timed.ttfbMs);
        return timed.totalMs;
      });
      // timeRepeatedly's warm-up calls pushed a TTFB too: keep only the timed runs' (the last ones).
      result.page = { ttfb: percentiles(ttfb.slice(-total.runs)), total };
      log(`${name} page: ${result.label}: total p95 ${ms(result.page.total.p95)} ms`);
    }
    if (settings.pageSeconds > 0) pages = await measureArticlePages(name, server, articlePaths, serve.dir);
  } finally {
    agent.destroy();
    await server.stop();
  }
  return { name, indexing, queries: results, pages };
}

async function publishedPaths(opened) {
  const { sql } = await import('kysely');
  const { rows } = await sql`select id, slug from articles where status = 'published'`.execute(opened.db);
  return rows.map((row) => `/news/${row.id}/${row.slug}`);
}

/**
 * Article pages under load on the running server: first at random over the whole archive (the page cache holds
 * at most 5,000 pages, each from its second render, so nearly every request reads the store and renders), then one
 * article over and over (the cached figure). wrk, --page-connections connections on 2 threads, gzip accepted as
 * crawlers do.
 */
async function measureArticlePages(name, server, paths, dir) {
  const { origin } = server;
  const shape = { threads: 2, connections: settings.pageConnections, durationSec: settings.pageSeconds };
  const headers = { 'Accept-Encoding': 'gzip' };
  const first = await timedGet(`${origin}${encodeURI(paths[paths.length - 1])}`, new Agent());
  if (first.status !== 200) throw new Error(`GET ${paths[paths.length - 1]} answered ${first.status}`);
  // One at a time first: what a single cold article costs, alone on the server.
  const alone = [];
  for (let i = 0; i < 20; i++) {
    const path = paths[Math.floor(Math.random() * paths.length)];
    alone.push((await timedGet(`${origin}${encodeURI(path)}`, new Agent())).totalMs);
  }
  log(`${name}: 20 random articles one at a time: ${alone.map((t) => t.toFixed(0)).join(', ')} ms`);
  log(`${name}: article pages at random over ${paths.length.toLocaleString('en-US')} stories…`);
  await loadRandomPaths({ origin, paths, dir, shape: { ...shape, durationSec: 3 }, headers });
  const cold = await withCpu(server.pid, () => loadRandomPaths({ origin, paths, dir, shape, headers }));
  if (cold.requests < 10 || cold.non2xx > 0)
    throw new Error(`random articles: ${cold.requests} requests, ${cold.non2xx} not 2xx: wrk or its script failed`);
  log(
    `${name}: random articles ${Math.round(cold.requestsPerSec)} req/s, p99 ${ms(cold.p99Ms)} ms, ${Math.round(cold.cpuUsPerRequest)} µs CPU/request`,
  );
  const one = `${origin}${encodeURI(paths[paths.length - 1])}`;
  await runLoad('wrk', one, { ...shape, durationSec: 3 }, headers);
  const cached = await withCpu(server.pid, () => runLoad('wrk', one, shape, headers));
  log(
    `${name}: one cached article ${Math.round(cached.requestsPerSec)} req/s, p99 ${ms(cached.p99Ms)} ms, ${Math.round(cached.cpuUsPerRequest)} µs CPU/request`,
  );
  return { cold, cached, stories: paths.length };
}

/**
 * A load run with the server's CPU time over it (user + system, from /proc): CPU µs per request holds on a
 * busy machine, where requests/s depends on how much of the CPU the server was given.
 */
async function withCpu(pid, run) {
  // The whole process tree: with --workers the requests are served by the primary's children.
  const before = processTreeCpuSeconds(pid);
  const result = await run();
  const after = processTreeCpuSeconds(pid);
  const cpuSeconds = before === null || after === null ? Number.NaN : after - before;
  return { ...result, cpuUsPerRequest: (cpuSeconds * 1e6) / result.requests };
}

/**
 * `--warmup` untimed then `--rounds` timed calls of `once` (which returns its own time), stopping early
 * once `--budget` seconds have gone on this kind with at least three timed: a query that takes seconds
 * would otherwise hold the run for hours. A first call slower than a second stands as the warm-up.
 */
async function timeRepeatedly(firstMs, once) {
  const started = performance.now();
  const warmup = firstMs > 1000 ? 0 : settings.warmup;
  const times = [];
  for (let i = 0; i < warmup + settings.rounds; i++) {
    const took = await once();
    if (i >= warmup) times.push(took);
    if (times.length >= 3 && performance.now() - started > settings.budget * 1000) break;
  }
  return { ...percentiles(times), runs: times.length };
}

function timedGet(url, agent) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, headers: { 'accept-encoding': 'identity' } }, (res) => {
      const ttfbMs = performance.now() - started;
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ttfbMs,
          totalMs: performance.now() - started,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// ---- figures ----

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** The issue's article-page target: at random over the archive, at least 3,000 req/s with p99 under 50 ms. */
function pageTargetLines(runs) {
  return runs
    .filter((run) => run.pages !== null)
    .map((run) => {
      const { requestsPerSec, p99Ms } = run.pages.cold;
      const met = requestsPerSec >= 3000 && p99Ms < 50;
      return `${met ? 'met' : '**missed**'}: ${run.name} article pages at random ≥ 3,000 req/s with p99 < 50 ms (${Math.round(requestsPerSec).toLocaleString('en-US')} req/s, p99 ${ms(p99Ms)} ms)`;
    });
}

function targetLines(runs) {
  const sqlite = runs.find((run) => run.name === 'SQLite');
  if (sqlite === undefined || sqlite.queries.length === 0) return [];
  const lines = [];
  const slowStore = sqlite.queries.filter((q) => !(q.store.p95 < STORE_P95_TARGET_MS));
  lines.push(
    slowStore.length === 0
      ? `met: store p95 < ${STORE_P95_TARGET_MS} ms for every query kind (worst ${ms(Math.max(...sqlite.queries.map((q) => q.store.p95)))} ms)`
      : `**missed**: store p95 < ${STORE_P95_TARGET_MS} ms: ${slowStore.map((q) => `${q.label} ${ms(q.store.p95)} ms`).join('; ')}`,
  );
  const slowPage = sqlite.queries.filter((q) => !(q.page.total.p95 < PAGE_P95_TARGET_MS));
  lines.push(
    slowPage.length === 0
      ? `met: page p95 (last byte) < ${PAGE_P95_TARGET_MS} ms for every query kind (worst ${ms(Math.max(...sqlite.queries.map((q) => q.page.total.p95)))} ms)`
      : `**missed**: page p95 (last byte) < ${PAGE_P95_TARGET_MS} ms: ${slowPage.map((q) => `${q.label} ${ms(q.page.total.p95)} ms`).join('; ')}`,
  );
  return lines;
}

function ms(value) {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}

function karachiDate(instant) {
  return new Date(instant.getTime() + KARACHI_OFFSET_MS).toISOString().slice(0, 10);
}

function karachiMidnight(date) {
  return new Date(Date.parse(`${date}T00:00:00Z`) - KARACHI_OFFSET_MS);
}

function uptimeLine() {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim().replace(/\s+/g, ' ');
  } catch {
    return `load average ${loadAverage().toFixed(2)}`;
  }
}

function redact(url) {
  return url.replace(/\/\/[^@/]*@/, '//');
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
