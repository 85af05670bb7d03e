import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseRupees } from '../../src/market/money/money.js';
import { type RunningSite, startSite } from './siteFixture.js';

interface QuotesBody {
  asOf: string;
  version: number;
  quotes: {
    symbol: string;
    name: string;
    last: string;
    ldcp: string;
    change: string;
    changePercent: number;
    direction: string;
    open: string | null;
    high: string | null;
    low: string | null;
    volume: number;
    time: string;
    ticker: string;
  }[];
}

interface IndicesBody {
  version: number;
  indices: {
    code: string;
    value: string;
    previousClose: string;
    change: string;
    changePercent: number;
    ticker: string;
  }[];
}

const DECIMAL = /^-?\d+\.\d{2}$/;

describe('market JSON API', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site.close();
  });

  test('quotes carry exact decimal strings, and change = last − LDCP', async () => {
    const response = await site.fetch('/api/v1/market/quotes');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=1');
    const body = (await response.json()) as QuotesBody;
    assert.equal(body.version, site.market.snapshot().version);
    assert.ok(!Number.isNaN(Date.parse(body.asOf)));
    assert.equal(body.quotes.length, 30);
    const avn = body.quotes.find((quote) => quote.symbol === 'AVN');
    assert.deepEqual(
      {
        last: avn?.last,
        ldcp: avn?.ldcp,
        change: avn?.change,
        changePercent: avn?.changePercent,
        direction: avn?.direction,
      },
      { last: '64.80', ldcp: '64.17', change: '0.63', changePercent: 0.98, direction: 'up' },
    );
    assert.equal(avn?.ticker, 'AVN 64.80 Increased By ▲ 0.63 (0.98%)');
    for (const quote of body.quotes) {
      for (const field of [quote.last, quote.ldcp, quote.change]) assert.match(field, DECIMAL, quote.symbol);
      assert.equal(parseRupees(quote.last) - parseRupees(quote.ldcp), parseRupees(quote.change), quote.symbol);
      const expectedDirection = quote.change.startsWith('-') ? 'down' : quote.change === '0.00' ? 'unchanged' : 'up';
      assert.equal(quote.direction, expectedDirection, quote.symbol);
      assert.ok(quote.ticker.startsWith(`${quote.symbol} ${quote.last} `));
      assert.ok(Number.isInteger(quote.volume));
    }
  });

  test('indices carry value, previous close and change in points, consistent with each other', async () => {
    const body = (await (await site.fetch('/api/v1/market/indices')).json()) as IndicesBody;
    assert.deepEqual(
      body.indices.map((index) => index.code),
      ['BR100', 'BR30', 'KSE100', 'KSE30'],
    );
    for (const index of body.indices) {
      for (const field of [index.value, index.previousClose, index.change]) assert.match(field, DECIMAL, index.code);
      assert.equal(parseRupees(index.value) - parseRupees(index.previousClose), parseRupees(index.change), index.code);
      assert.match(index.ticker, new RegExp(`^${index.code} [\\d,]+ (Increased By|Decreased By|No Change) `));
    }
  });

  test('fx and ticker payloads', async () => {
    const fx = (await (await site.fetch('/api/v1/market/fx')).json()) as {
      rates: { pair: string; market: string; buying: string; previousBuying: string; buyingChange: string }[];
    };
    const usd = fx.rates.filter((rate) => rate.pair === 'USD/PKR').map((rate) => rate.market);
    assert.deepEqual(usd.sort(), ['interbank', 'open']);
    for (const rate of fx.rates) {
      assert.equal(parseRupees(rate.buying) - parseRupees(rate.previousBuying), parseRupees(rate.buyingChange));
    }
    const ticker = (await (await site.fetch('/api/v1/market/ticker')).json()) as {
      items: { key: string; ticker: string }[];
    };
    assert.equal(ticker.items.length, 34);
    assert.equal(ticker.items[0]?.key, 's:AVN');
    assert.equal(ticker.items.at(-1)?.key, 'i:KSE30');
  });

  test('ETag is the snapshot version: 304 until the market moves', async () => {
    const first = await site.fetch('/api/v1/market/quotes');
    const etag = first.headers.get('etag');
    assert.equal(etag, `"m${site.market.snapshot().version}"`);
    const again = await site.fetch('/api/v1/market/quotes', { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(again.status, 304);
    const outcome = site.market.applyTrade({
      symbol: 'AVN',
      price: parseRupees('64.90'),
      volume: 500,
      time: new Date('2023-01-31T13:04:00Z'),
    });
    assert.ok(outcome.ok);
    const moved = await site.fetch('/api/v1/market/quotes', { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(moved.status, 200);
    const body = (await moved.json()) as QuotesBody;
    assert.equal(body.quotes.find((quote) => quote.symbol === 'AVN')?.last, '64.90');
  });

  test('unknown API routes answer JSON 404', async () => {
    const response = await site.fetch('/api/v1/nothing');
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = (await response.json()) as { error: string; message: string };
    assert.equal(body.error, 'Not Found');
  });
  test('?symbols= keeps only those quotes, case-insensitively; ?codes= does the same for indices', async () => {
    const quotes = (await (await site.fetch('/api/v1/market/quotes?symbols=ogdc,HUBC')).json()) as QuotesBody;
    assert.deepEqual(
      quotes.quotes.map((quote) => quote.symbol),
      ['HUBC', 'OGDC'],
    );
    const indices = (await (await site.fetch('/api/v1/market/indices?codes=KSE100')).json()) as IndicesBody;
    assert.deepEqual(
      indices.indices.map((index) => index.code),
      ['KSE100'],
    );
  });

  test('an unknown symbol is a 400 naming it; a schema error lists the field', async () => {
    const unknown = await site.fetch('/api/v1/market/quotes?symbols=OGDC,NOPE');
    assert.equal(unknown.status, 400);
    const body = (await unknown.json()) as { message: string; details: { field: string; message: string }[] };
    assert.match(body.message, /NOPE/);
    assert.deepEqual(body.details, [{ field: 'symbols', message: 'NOPE is not listed' }]);

    const missing = await site.fetch('/api/v1/articles/1/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'A' }),
    });
    assert.equal(missing.status, 400);
    const schemaError = (await missing.json()) as { details?: { field: string }[] };
    assert.ok(
      schemaError.details?.some((detail) => detail.field === 'email'),
      JSON.stringify(schemaError),
    );
  });
});
