import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Bus } from '../../src/bus/bus.js';
import { createInProcessBus } from '../../src/bus/inProcessBus.js';
import { createDemoMarket } from '../../src/demo/market/demoMarket.js';
import type { Market } from '../../src/market/book/market.js';
import { formatRupees, paisa } from '../../src/market/money/money.js';
import { startServices, stopServices } from '../../src/shared/service.js';
import { buildSite } from '../../src/site/server.js';
import type { MarketStreamStats, StreamLimits } from '../../src/site/stream/marketStreamHub.js';
import { type OpenedStore, openStore } from '../../src/store/openStore.js';
import { type RunningSite, startSite, TEST_NOW } from './siteFixture.js';
import { body, openStream, type StreamEvent } from './sseClient.js';

const STREAM = '/api/v1/market/stream';

/** Prints one trade a tick away from the last price and announces it as the simulator would. */
function trade(market: Market, bus: Bus, symbol: string, ticks = 1): void {
  const quote = market.quote(symbol);
  const rules = market.tradingRules(symbol);
  assert.ok(quote && rules, `no quote for ${symbol}`);
  const outcome = market.applyTrade({
    symbol,
    price: paisa(quote.last + ticks * rules.tickSize),
    volume: rules.lotSize * 100,
    time: TEST_NOW,
  });
  assert.ok(outcome.ok, `trade refused: ${outcome.ok ? '' : outcome.reason}`);
  bus.publish('market.changed', { version: market.version });
}

async function stats(baseUrl: string): Promise<MarketStreamStats> {
  const response = await fetch(`${baseUrl}${STREAM}/stats`);
  assert.equal(response.status, 200);
  return (await response.json()) as MarketStreamStats;
}

/** Waits until the stream has taken in the market's current version (its timer runs every ~250 ms). */
async function streamCaughtUp(baseUrl: string, market: Market): Promise<void> {
  const deadline = Date.now() + 3000;
  while ((await stats(baseUrl)).version !== market.version) {
    if (Date.now() > deadline) throw new Error('the stream never reached the market version');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The client count once it stops changing (closed connections are noticed a moment later), or once it is `target`. */
async function settledClients(baseUrl: string, target: number | null): Promise<number> {
  let last = (await stats(baseUrl)).clients;
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = (await stats(baseUrl)).clients;
    if (now === target || (target === null && now === last)) return now;
    last = now;
  }
  return last;
}

function eventId(event: StreamEvent): number {
  assert.match(event.id ?? '', /^\d+$/, 'every event carries id: <version>');
  return Number(event.id);
}

describe('market event stream', () => {
  let site: RunningSite;
  let bus: Bus;
  before(async () => {
    site = await startSite();
    // The fixture keeps the app's bus private; trades are announced on a bus of our own, which the
    // stream does not need: it reads the market's version on its own timer.
    bus = createInProcessBus();
  });
  after(async () => {
    await site.close();
  });

  test('opens with a retry hint and a full snapshot whose id is its version', async () => {
    const stream = await openStream(site.baseUrl, STREAM);
    try {
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.equal(stream.headers['cache-control'], 'no-store');
      assert.ok(stream.headers['content-security-policy'], 'security headers survive the hijacked reply');
      const first = await stream.next();
      assert.equal(first.event, 'snapshot');
      assert.ok((stream.retry() ?? 0) > 0, 'retry: hint before the first event');
      const snapshot = body(first);
      assert.equal(eventId(first), snapshot.version);
      assert.equal(snapshot.quotes.length, 30);
      assert.equal(snapshot.indices.length, 4);
      const avn = snapshot.quotes.find((quote) => quote.symbol === 'AVN');
      assert.equal(avn?.ticker, 'AVN 64.80 Increased By ▲ 0.63 (0.98%)');
    } finally {
      stream.close();
    }
  });

  test('after a trade, an update carries only what changed, conflated to the latest price', async () => {
    const stream = await openStream(site.baseUrl, STREAM);
    try {
      const snapshot = body(await stream.next());
      // Several versions between two sends: the client must get AVN once, at its last price.
      trade(site.market, bus, 'AVN', 1);
      trade(site.market, bus, 'AVN', 1);
      trade(site.market, bus, 'AVN', 1);
      const event = await stream.next();
      assert.equal(event.event, 'update');
      const update = body(event);
      assert.equal(eventId(event), update.version);
      assert.ok(update.version > snapshot.version);
      assert.deepEqual(
        update.quotes.map((quote) => quote.symbol),
        ['AVN'],
      );
      assert.equal(update.quotes[0]?.last, formatRupees(paisa(site.market.quote('AVN')?.last ?? 0)));
      // Indices holding AVN moved with it; any index sent must differ from what the snapshot showed.
      for (const index of update.indices) {
        const before = snapshot.indices.find((entry) => entry.code === index.code);
        assert.notDeepEqual(index, before, `${index.code} sent though unchanged`);
      }
    } finally {
      stream.close();
    }
  });

  test('?symbols= and ?indices= narrow the stream; unknown names are a 400 naming them', async () => {
    const stream = await openStream(site.baseUrl, `${STREAM}?symbols=hubc,OGDC&indices=`);
    try {
      const snapshot = body(await stream.next());
      assert.deepEqual(
        snapshot.quotes.map((quote) => quote.symbol),
        ['HUBC', 'OGDC'],
      );
      assert.deepEqual(snapshot.indices, []);
      // A change outside the filter sends nothing; the next one inside it arrives alone.
      trade(site.market, bus, 'AVN', -1);
      await streamCaughtUp(site.baseUrl, site.market);
      trade(site.market, bus, 'OGDC', 1);
      const update = body(await stream.next());
      assert.deepEqual(
        update.quotes.map((quote) => quote.symbol),
        ['OGDC'],
      );
      assert.deepEqual(update.indices, []);
    } finally {
      stream.close();
    }

    const indexOnly = await openStream(site.baseUrl, `${STREAM}?symbols=&indices=KSE100`);
    try {
      const snapshot = body(await indexOnly.next());
      assert.deepEqual(snapshot.quotes, []);
      assert.deepEqual(
        snapshot.indices.map((index) => index.code),
        ['KSE100'],
      );
    } finally {
      indexOnly.close();
    }

    const refused = await openStream(site.baseUrl, `${STREAM}?symbols=OGDC,NOPE,ZZZ&indices=KSE999`);
    assert.equal(refused.status, 400);
    const error = JSON.parse(refused.errorBody) as { message: string; details: { field: string; message: string }[] };
    assert.match(error.message, /NOPE, ZZZ, KSE999/);
    assert.deepEqual(
      error.details.map((detail) => detail.field),
      ['symbols', 'symbols', 'indices'],
    );
    const malformed = await openStream(site.baseUrl, `${STREAM}?symbols=${encodeURIComponent('<script>')}`);
    assert.equal(malformed.status, 400);
  });

  test('a client resuming with Last-Event-ID gets one update with only the changes since', async () => {
    const first = await openStream(site.baseUrl, STREAM);
    const seen = eventId(await first.next());
    first.close();
    trade(site.market, bus, 'HUBC', 1);
    await streamCaughtUp(site.baseUrl, site.market);
    trade(site.market, bus, 'PPL', 1);
    await streamCaughtUp(site.baseUrl, site.market);

    const resumed = await openStream(site.baseUrl, STREAM, { 'last-event-id': String(seen) });
    try {
      const event = await resumed.next();
      assert.equal(event.event, 'update');
      assert.equal(eventId(event), site.market.version);
      assert.deepEqual(
        body(event)
          .quotes.map((quote) => quote.symbol)
          .sort(),
        ['HUBC', 'PPL'],
      );
    } finally {
      resumed.close();
    }

    // Already up to date: the resume is confirmed with an empty update, not a snapshot.
    const current = await openStream(site.baseUrl, STREAM, { 'last-event-id': String(site.market.version) });
    try {
      const event = await current.next();
      assert.equal(event.event, 'update');
      assert.deepEqual(body(event).quotes, []);
    } finally {
      current.close();
    }
  });

  test('a stale, future or garbled Last-Event-ID gets a full snapshot', async () => {
    for (const lastEventId of ['0', '99999999999', 'abc', '-5', '12.5', '']) {
      const stream = await openStream(site.baseUrl, STREAM, { 'last-event-id': lastEventId });
      try {
        assert.equal(stream.status, 200, lastEventId);
        const event = await stream.next();
        assert.equal(event.event, 'snapshot', `Last-Event-ID: ${lastEventId}`);
        assert.equal(body(event).quotes.length, 30);
      } finally {
        stream.close();
      }
    }
  });

  test('stats count connected clients', async () => {
    const baseline = await settledClients(site.baseUrl, null);
    const stream = await openStream(site.baseUrl, STREAM);
    try {
      await stream.next();
      assert.equal((await stats(site.baseUrl)).clients, baseline + 1);
    } finally {
      stream.close();
    }
    assert.equal(await settledClients(site.baseUrl, baseline), baseline);
  });
});

/** A server with a fast, tight stream, on the demo market, that the test trades on directly. */
async function startTightServer(): Promise<{
  server: FastifyInstance;
  market: Market;
  baseUrl: string;
  stop(): Promise<void>;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-stream-'));
  const opened: OpenedStore = await openStore({ kind: 'sqlite', path: path.join(dir, 'news.sqlite') });
  const market = createDemoMarket(TEST_NOW);
  const { server, services } = await buildSite(
    {
      store: opened.store,
      market,
      bus: createInProcessBus(),
      logger: pino({ level: 'silent' }),
      commentRateLimitPerMinute: 0,
      now: () => TEST_NOW,
    },
    {
      stream: {
        // Fast enough to fill the loopback's socket buffers (megabytes) within seconds.
        tickMs: 5,
        heartbeatMs: 100,
        softPendingBytes: 16 * 1024,
        hardPendingBytes: 256 * 1024,
        maxBlockedMs: 1000,
      },
    },
  );
  await startServices(services);
  const baseUrl = (await server.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  return {
    server,
    market,
    baseUrl,
    async stop() {
      await server.close();
      await stopServices(services);
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('market event stream under load and at shutdown', () => {
  test('sends heartbeats; a client that never reads is bounded, then dropped; others keep flowing', async () => {
    const tight = await startTightServer();
    const bus = createInProcessBus();
    let step = 1;
    // Every stock moves every few milliseconds, so every tick has a full update to send.
    const trader = setInterval(() => {
      step = -step;
      for (const symbol of tight.market.symbols()) trade(tight.market, bus, symbol, step);
    }, 2);
    const reader = await openStream(tight.baseUrl, STREAM);
    const stuck = net.connect({ host: '127.0.0.1', port: Number(new URL(tight.baseUrl).port) });
    try {
      await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
      // Asks for the stream and never reads a byte of the answer.
      stuck.pause();
      stuck.write(`GET ${STREAM} HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n`);
      stuck.on('error', () => undefined);

      const peaks: number[] = [];
      let dropped = 0;
      const deadline = Date.now() + 30_000;
      while (dropped === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const now = await stats(tight.baseUrl);
        peaks.push(now.maxPendingBytes);
        dropped = now.dropped.blocked + now.dropped.overflow;
      }
      assert.ok(dropped >= 1, 'the reader that never reads was never dropped');
      const final = await stats(tight.baseUrl);
      assert.ok(
        final.peakPendingBytes <= final.limits.hardPendingBytes,
        `a client's unsent bytes reached ${final.peakPendingBytes}, over the cap`,
      );
      assert.ok(Math.max(...peaks) <= final.limits.hardPendingBytes);
      assert.equal(final.clients, 1, 'only the reading client is left');
      // Read what the kernel still holds; the server has ended the connection behind it.
      const stuckClosed = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
      stuck.resume();
      await stuckClosed;

      // The reader kept getting updates throughout; once the market is still, heartbeats keep its line open.
      let updates = 0;
      while (updates < 5) if ((await reader.next()).event === 'update') updates += 1;
      clearInterval(trader);
      await new Promise((resolve) => setTimeout(resolve, final.limits.heartbeatMs * 3));
      assert.ok(reader.comments().includes('heartbeat'), 'no heartbeat on a quiet stream');
    } finally {
      clearInterval(trader);
      stuck.destroy();
      reader.close();
      await tight.stop();
    }
  });

  test('closing the server ends open streams at once, backed-up ones included', async () => {
    const site = await startSite();
    const streams = await Promise.all([1, 2, 3].map(() => openStream(site.baseUrl, STREAM)));
    for (const stream of streams) await stream.next();
    const stuck = net.connect({ host: '127.0.0.1', port: Number(new URL(site.baseUrl).port) });
    await new Promise<void>((resolve) => stuck.once('connect', () => resolve()));
    stuck.pause();
    stuck.on('error', () => undefined);
    stuck.write(`GET ${STREAM} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      const started = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hung = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('server.close() hung with streams open')), 3000);
      });
      await Promise.race([site.close(), hung]).finally(() => clearTimeout(timer));
      const took = Date.now() - started;
      assert.ok(took < 1000, `close took ${took} ms`);
      await Promise.all(streams.map((stream) => stream.ended));
    } finally {
      stuck.destroy();
      for (const stream of streams) stream.close();
    }
  });
});

/** A server whose bus the test holds, so its trades are announced as the recorder and the simulator announce theirs. */
async function startAnnouncingServer(stream: Partial<StreamLimits>): Promise<{
  market: Market;
  bus: Bus;
  baseUrl: string;
  stop(): Promise<void>;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-stream-'));
  const opened = await openStore({ kind: 'sqlite', path: path.join(dir, 'news.sqlite') });
  const market = createDemoMarket(TEST_NOW);
  const bus = createInProcessBus();
  const { server, services } = await buildSite(
    {
      store: opened.store,
      market,
      bus,
      logger: pino({ level: 'silent' }),
      commentRateLimitPerMinute: 0,
      now: () => TEST_NOW,
    },
    { stream },
  );
  await startServices(services);
  const baseUrl = (await server.listen({ host: '127.0.0.1', port: 0 })).replace(/\/$/, '');
  return {
    market,
    bus,
    baseUrl,
    async stop() {
      await server.close();
      await stopServices(services);
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('market event stream driven by market.changed', () => {
  // The fallback check is far away: anything that arrives sooner was sent because of the announcement.
  const FALLBACK_MS = 10_000;

  test('a change announced on the bus is sent at once, not at the fallback check', async () => {
    const site = await startAnnouncingServer({ tickMs: FALLBACK_MS, minIntervalMs: 100 });
    const stream = await openStream(site.baseUrl, STREAM);
    try {
      await stream.next();
      const announcedAt = performance.now();
      trade(site.market, site.bus, 'OGDC', 1);
      const event = await stream.next(FALLBACK_MS / 2);
      const tookMs = performance.now() - announcedAt;
      assert.equal(event.event, 'update');
      assert.equal(body(event).version, site.market.version);
      // On an idle loopback this is a few milliseconds; the bound only has to sit well inside the fallback.
      assert.ok(tookMs < 2000, `the update took ${tookMs.toFixed(1)} ms`);
      const counts = await stats(site.baseUrl);
      assert.deepEqual(counts.sends, { announced: 1, fallback: 0 });
      assert.equal(counts.limits.minIntervalMs, 100);
    } finally {
      stream.close();
      await site.stop();
    }
  });

  test('changes announced inside the minimum interval wait for its end and go out as one update', async () => {
    const minIntervalMs = 300;
    const site = await startAnnouncingServer({ tickMs: FALLBACK_MS, minIntervalMs });
    const stream = await openStream(site.baseUrl, STREAM);
    try {
      await stream.next();
      trade(site.market, site.bus, 'HUBC', 1);
      const first = body(await stream.next(FALLBACK_MS / 2));
      const firstAt = performance.now();
      assert.deepEqual(
        first.quotes.map((quote) => quote.symbol),
        ['HUBC'],
      );
      // Two changes, apart from each other, both inside the interval that the first send opened.
      trade(site.market, site.bus, 'PPL', 1);
      await new Promise((resolve) => setTimeout(resolve, 60));
      trade(site.market, site.bus, 'TRG', 1);
      const second = await stream.next(FALLBACK_MS / 2);
      const gapMs = performance.now() - firstAt;
      assert.equal(second.event, 'update');
      assert.deepEqual(
        body(second)
          .quotes.map((quote) => quote.symbol)
          .sort(),
        ['PPL', 'TRG'],
      );
      assert.equal(body(second).version, site.market.version);
      // Timers may fire a millisecond or two early; the send must not come much before the interval's end.
      assert.ok(gapMs >= minIntervalMs - 50, `second update ${gapMs.toFixed(1)} ms after the first`);
      assert.ok(gapMs < FALLBACK_MS / 2, 'the second update waited for the fallback check');
      assert.deepEqual((await stats(site.baseUrl)).sends, { announced: 2, fallback: 0 });
    } finally {
      stream.close();
      await site.stop();
    }
  });
});
