import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStream } from '../site/sseClient.js';
import {
  type ScaleOutDatabase,
  type SiteNode,
  scaleOutDatabase,
  serveNode,
  siteToken,
  skipWithoutPostgresAndRedis,
  untilEngine,
} from './scaleOutSite.js';

// One site, several real processes on one PostgreSQL and one Redis (docs/adr/0006-market-authority.md):
// web nodes forward market writes to the one engine that holds the lease and follow its batches.

const skip = await skipWithoutPostgresAndRedis();

interface Quote {
  readonly symbol: string;
  readonly last: string;
  readonly ldcp: string;
  readonly volume: number;
}

async function quotes(node: SiteNode): Promise<Quote[]> {
  const response = await fetch(`${node.address}/api/v1/market/quotes`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { quotes: Quote[] }).quotes;
}

const totalVolume = (list: readonly Quote[]) => list.reduce((sum, quote) => sum + quote.volume, 0);
const cents = (text: string) => Math.round(Number(text) * 100);
const rupees = (paisa: number) => `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;

/** Reads until `check` holds or `ms` pass; returns the last reading. */
async function within<T>(ms: number, read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function push(node: SiteNode, token: string, feed: string, trades: readonly object[]): Promise<Response> {
  return fetch(`${node.address}/api/v1/market/trades`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ feed, trades }),
  });
}

describe('one market authority across processes', { skip }, () => {
  let database: ScaleOutDatabase;
  let feedToken: string;
  let deskToken: string;
  let webA: SiteNode;
  let webB: SiteNode;
  let engine: SiteNode;
  const nodes: SiteNode[] = [];

  before(async () => {
    database = await scaleOutDatabase();
    // The first start seeds the demo and takes the lease; a clean stop lets the lease go at once.
    const seeding = await serveNode(database, 'all');
    await untilEngine(database, seeding);
    await seeding.stop();
    feedToken = await siteToken(database, 'market-feed');
    deskToken = await siteToken(database, 'market-desk');
    webA = await serveNode(database, 'web');
    nodes.push(webA);
    webB = await serveNode(database, 'web');
    nodes.push(webB);
  });
  after(async () => {
    for (const node of nodes) await node.kill();
    await database?.drop();
  });

  test('with no engine, a market write to a web node is a 503 with Retry-After and changes nothing', async () => {
    const before = await quotes(webA);
    const stock = before[0] as Quote;
    const trade = await push(webA, feedToken, 'no-engine', [
      { seq: 1, symbol: stock.symbol, price: stock.ldcp, volume: 100, time: new Date().toISOString() },
    ]);
    assert.equal(trade.status, 503);
    assert.match(trade.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(((await trade.json()) as { message: string }).message, /No market engine/);

    const desk = await fetch(`${webB.address}/api/v1/admin/market/close-day`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deskToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(desk.status, 503);
    assert.match(desk.headers.get('retry-after') ?? '', /^\d+$/);
    assert.deepEqual(await quotes(webA), before);
    const logged = await database.query<{ count: string }>(
      "select count(*) as count from market_events where feed = 'no-engine' or kind = 'dayClose'",
    );
    assert.equal(Number(logged[0]?.count), 0);
  });

  test("a trade pushed through web node A shows in B's quotes, ticker HTML, stock page and stream", async () => {
    engine = await serveNode(database, 'engine');
    nodes.push(engine);
    await untilEngine(database, engine);
    // The engine serves no pages.
    assert.equal((await fetch(`${engine.address}/`)).status, 404);

    const listed = await quotes(webB);
    const stock = listed.find((quote) => quote.symbol === 'AVN') ?? (listed[0] as Quote);
    const price = rupees(cents(stock.ldcp) + 7);
    const stream = await openStream(webB.address, `/api/v1/market/stream?symbols=${stock.symbol}`);
    try {
      assert.equal(stream.status, 200);
      await stream.next();
      // A web node learns of the new engine at its next look at the lease; until then it answers 503.
      const answer = await within(
        15_000,
        () =>
          push(webA, feedToken, 'a-to-b', [
            { seq: 1, symbol: stock.symbol, price, volume: 1234, time: new Date().toISOString() },
          ]),
        (response) => response.status === 200,
      );
      assert.equal(answer.status, 200, await answer.clone().text());
      assert.equal(((await answer.json()) as { accepted: number }).accepted, 1);
      // A answers after its own copy has the trade.
      assert.equal((await quotes(webA)).find((quote) => quote.symbol === stock.symbol)?.last, price);

      const onB = await within(
        1000,
        () => quotes(webB),
        (list) => list.find((quote) => quote.symbol === stock.symbol)?.last === price,
      );
      assert.equal(onB.find((quote) => quote.symbol === stock.symbol)?.last, price, "B's quotes within 1 s");
      const home = await within(
        1000,
        async () => (await fetch(`${webB.address}/`)).text(),
        (html) => tickerPrice(html, stock.symbol) === price,
      );
      assert.equal(tickerPrice(home, stock.symbol), price, "B's ticker HTML within 1 s");
      const page = await (await fetch(`${webB.address}/markets/stocks/${stock.symbol}`)).text();
      assert.match(page, new RegExp(price.replace('.', '\\.')));

      let streamed: string | undefined;
      const deadline = Date.now() + 1000;
      while (streamed !== price && Date.now() < deadline) {
        const event = await stream.next(Math.max(1, deadline - Date.now())).catch(() => null);
        if (event === null) break;
        const body = JSON.parse(event.data) as { quotes: { symbol: string; last: string }[] };
        streamed = body.quotes.find((quote) => quote.symbol === stock.symbol)?.last ?? streamed;
      }
      assert.equal(streamed, price, "B's stream within 1 s");
    } finally {
      stream.close();
    }
  });

  test('kill -9 of the engine while trades are pushed: a standby takes over and every acknowledged trade counts', async () => {
    const standby = await serveNode(database, 'engine');
    nodes.push(standby);
    const listed = await quotes(webA);
    const volumeBefore = totalVolume(listed);
    const stocks = listed.slice(0, 10);
    let seq = 0;
    let acknowledgedVolume = 0;
    let acknowledgedAfterKill = 0;
    let refusals = 0;
    let killed = false;
    const pushed = async () => {
      const trades = Array.from({ length: 20 }, (_, i) => {
        seq += 1;
        const stock = stocks[(seq + i) % stocks.length] as Quote;
        return {
          seq,
          symbol: stock.symbol,
          price: stock.ldcp,
          volume: 100 + (seq % 5),
          time: new Date().toISOString(),
        };
      });
      // The same batch until it is acknowledged: a (feed, seq) is taken once, so a resend never counts twice.
      for (;;) {
        const response = await push(webA, feedToken, 'failover', trades).catch(() => null);
        if (response?.status === 200) {
          const body = (await response.json()) as { accepted: number; duplicates: number; rejected: number };
          assert.equal(body.rejected, 0);
          acknowledgedVolume += trades.reduce((sum, trade) => sum + trade.volume, 0);
          if (killed) acknowledgedAfterKill += 1;
          return;
        }
        if (response !== null) {
          assert.equal(response.status, 503, await response.text());
          assert.match(response.headers.get('retry-after') ?? '', /^\d+$/);
        }
        refusals += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    for (let i = 0; i < 10; i++) await pushed();
    const inFlight = Promise.all([pushed(), pushed(), pushed()]);
    await engine.kill();
    killed = true;
    await inFlight;
    const epoch = await untilEngine(database, standby);
    assert.ok(epoch >= 2, 'the standby holds a later epoch');
    for (let i = 0; i < 5; i++) await pushed();
    assert.ok(acknowledgedAfterKill >= 5);
    assert.ok(refusals > 0, 'some pushes met no engine while the lease lapsed');

    for (const node of [webA, webB]) {
      const after = await within(
        3000,
        () => quotes(node),
        (list) => totalVolume(list) === volumeBefore + acknowledgedVolume,
      );
      assert.equal(
        totalVolume(after),
        volumeBefore + acknowledgedVolume,
        `${node.address} has every acknowledged trade`,
      );
    }
    const quotesA = await quotes(webA);
    assert.deepEqual(await quotes(webB), quotesA, 'every node shows the same market');
  });

  test('a day is closed once, whichever node is asked', async () => {
    const close = (node: SiteNode) =>
      fetch(`${node.address}/api/v1/admin/market/close-day`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deskToken}`, 'content-type': 'application/json' },
        body: '{}',
      });
    const first = await close(webA);
    assert.equal(first.status, 200, await first.clone().text());
    const { date } = (await first.json()) as { date: string };
    const again = await close(webB);
    assert.equal(again.status, 422, await again.clone().text());
    const closes = await database.query<{ body_json: string }>(
      "select body_json from market_events where kind = 'dayClose'",
    );
    const dates = closes.map((row) => (JSON.parse(row.body_json) as { date: string }).date);
    assert.equal(dates.filter((closed) => closed === date).length, 1);
    assert.equal(new Set(dates).size, dates.length, 'no date closed twice');
  });
});

/** The price in the ticker row of `symbol` on a page (`<li data-key="s:SYM">… 123.45 …`). */
function tickerPrice(html: string, symbol: string): string | undefined {
  const row = new RegExp(`data-key="s:${symbol}"[^>]*>([\\s\\S]*?)</li>`).exec(html)?.[1];
  return row?.replace(/<[^>]+>/g, ' ').match(/\d+\.\d{2}/)?.[0];
}
