import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { type OpenMarketDb, openMarketDb } from '../market/marketBackends.js';
import { testServeConfig } from '../support/serveConfig.js';

const NOW = new Date('2023-01-31T06:00:00Z');
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-ops-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A logger whose lines the test can read (the metrics listener names its address in one). */
function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** One metric's value from the text exposition, by its name and labels as written there. */
function metricValue(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

describe('health, readiness and metrics on a running site', () => {
  let app: App;
  let address: string;
  let metricsAddress: string;
  let side: OpenMarketDb;
  let feedToken: string;

  before(async () => {
    const path = join(dir, 'site.sqlite');
    const { logger, lines } = capturingLogger();
    app = await createApp(
      testServeConfig(path, { commentRateLimit: '0', metricsToken: METRICS_TOKEN, metricsPort: '0', logLevel: 'info' }),
      { logger, now: () => NOW },
    );
    address = await app.start();
    const listening = lines.find((line) => line.msg === 'metrics listening');
    metricsAddress = String(listening?.metricsAddress);
    side = await openMarketDb({ kind: 'sqlite', path });
    feedToken = (await createApiToken(side.db, { name: 'PSX feed', role: 'market-feed', now: NOW })).token;
  });
  after(async () => {
    await side?.close();
    await app?.stop();
  });

  test('/healthz answers alive without asking anything, and is never cached', async () => {
    const answer = await fetch(`${address}/healthz`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await answer.json(), { status: 'alive' });
  });

  test('/readyz is 200 with each check; a registered failing check makes it 503 naming it', async () => {
    const ready = await fetch(`${address}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; status: string }> };
    assert.equal(body.status, 'ready');
    assert.deepEqual(
      Object.fromEntries(Object.entries(body.checks).map(([name, check]) => [name, [check.ok, check.status]])),
      // On SQLite this one process is the market engine.
      { database: [true, 'up'], bus: [true, 'in-process'], engine: [true, 'engine'] },
    );

    const remove = app.registerReadinessCheck('engine lease', async () => ({ ok: false, status: 'no engine' }));
    const unready = await fetch(`${address}/readyz`);
    assert.equal(unready.status, 503);
    const failing = (await unready.json()) as {
      status: string;
      failing: string[];
      checks: Record<string, { ok: boolean; status: string }>;
    };
    assert.equal(failing.status, 'unready');
    assert.deepEqual(failing.failing, ['engine lease']);
    assert.deepEqual(
      [failing.checks['engine lease']?.ok, failing.checks['engine lease']?.status],
      [false, 'no engine'],
    );
    remove();
    assert.equal((await fetch(`${address}/readyz`)).status, 200);
  });

  test('/metrics on the public port only with the token', async () => {
    const none = await fetch(`${address}/metrics`);
    assert.equal(none.status, 401);
    const wrong = await fetch(`${address}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all-000' } });
    assert.equal(wrong.status, 401);
    const right = await fetch(`${address}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(right.status, 200);
    assert.match(right.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(await right.text(), /^broadsheet_http_requests_total\{/m);
  });

  test('requests, page-cache hits and misses, trades accepted and refused by reason, recorder lag are counted', async () => {
    const scrape = async () => (await fetch(`${metricsAddress}/metrics`)).text();
    const before = await scrape();
    // The first two visits of a page render it (the cache keeps a page from its second render on); the next ones
    // are hits (the fourth on the fast path).
    for (let i = 0; i < 4; i += 1) assert.equal((await fetch(`${address}/markets`)).status, 200);
    const time = new Date(NOW.getTime() - 60_000).toISOString();
    const pushed = await fetch(`${address}/api/v1/market/trades`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${feedToken}` },
      body: JSON.stringify({
        feed: 'psx',
        trades: [
          { seq: 1, symbol: 'OGDC', price: '88.10', volume: 500, time },
          { seq: 2, symbol: 'NOSUCH', price: '10.00', volume: 500, time },
          { seq: 3, symbol: 'HUBC', price: '64.50', volume: 300, time },
          { seq: 1, symbol: 'OGDC', price: '88.10', volume: 500, time },
        ],
      }),
    });
    assert.equal(pushed.status, 200);
    assert.deepEqual(((await pushed.json()) as { accepted: number; duplicates: number; rejected: number }).accepted, 2);
    const afterwards = await scrape();
    const delta = (series: string) => (metricValue(afterwards, series) ?? 0) - (metricValue(before, series) ?? 0);
    assert.equal(delta('broadsheet_market_trades_accepted_total'), 2);
    assert.equal(delta('broadsheet_market_trades_duplicate_total'), 1);
    assert.equal(delta('broadsheet_market_trades_refused_total{reason="unknown symbol"}'), 1);
    assert.ok(delta('broadsheet_market_recorder_lag_seconds_count') >= 1);
    assert.ok(delta('broadsheet_page_cache_requests_total{outcome="hit"}') >= 2);
    assert.ok(delta('broadsheet_page_cache_requests_total{outcome="miss"}') >= 1);
    assert.ok(delta('broadsheet_http_requests_total{route="/markets",method="GET",status="200"}') >= 1);
    assert.ok(delta('broadsheet_http_requests_total{route="(cached page)",method="GET",status="200"}') >= 1);
    assert.equal(delta('broadsheet_http_requests_total{route="/api/v1/market/trades",method="POST",status="200"}'), 1);
    assert.equal(metricValue(afterwards, 'broadsheet_stream_clients'), 0);
    assert.equal(metricValue(afterwards, 'broadsheet_draining'), 0);
  });

  test('a junk address is counted under one route, not its own', async () => {
    await fetch(`${address}/no/such/page/${Date.now()}`);
    const text = await (await fetch(`${metricsAddress}/metrics`)).text();
    assert.match(text, /broadsheet_http_requests_total\{route="\(unmatched\)",method="GET",status="404"\}/);
    assert.doesNotMatch(text, /no\/such\/page/);
  });

  test('the metrics port serves nothing but /metrics', async () => {
    assert.equal((await fetch(`${metricsAddress}/readyz`)).status, 404);
    assert.match(metricsAddress, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('once draining, /readyz is 503 at once while everything else still serves', async () => {
    app.beginDrain();
    const answer = await fetch(`${address}/readyz`);
    assert.equal(answer.status, 503);
    assert.deepEqual(((await answer.json()) as { failing: string[] }).failing, ['draining']);
    assert.equal((await fetch(`${address}/healthz`)).status, 200);
    assert.equal((await fetch(`${address}/markets`)).status, 200);
  });
});

describe('metrics by default', () => {
  test('are not served on the public port at all', async () => {
    const path = join(dir, 'plain.sqlite');
    const app = await createApp(testServeConfig(path), { logger: pino({ level: 'silent' }) });
    try {
      const address = await app.start();
      const answer = await fetch(`${address}/metrics`);
      assert.equal(answer.status, 404);
      assert.doesNotMatch(await answer.text(), /broadsheet_/);
    } finally {
      await app.stop();
    }
  });
});
