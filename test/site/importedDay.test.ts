import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { tradingDateOf } from '../../src/market/sessions/tradingCalendar.js';
import { run, serve } from '../support/cliProcess.js';
import { visibleText } from './htmlText.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-imported-day-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const closing = new URL('../market/fixtures/closing11.lis', import.meta.url).pathname;

interface QuoteJson {
  readonly symbol: string;
  readonly volume: number;
  readonly turnover: string | null;
  readonly vwap: string | null;
  readonly date: string;
  readonly time: string;
}

interface ChartJson {
  readonly kind?: string;
  readonly bars?: [string, ...number[]][];
}

function chartData(html: string, kind: string): ChartJson {
  for (const match of html.matchAll(/<script type="application\/json"[^>]*>(.*?)<\/script>/gs)) {
    const data = JSON.parse(match[1] ?? '{}') as ChartJson;
    if (data.kind === kind) return data;
  }
  throw new Error(`no ${kind} chart on the page`);
}

test('a --no-demo site fed an old closing file dates every figure by its trading day and shows unknown as unknown', async () => {
  const db = join(dir, 'site.sqlite');
  const imported = await run(['market', 'import', closing, '--db', db, '--no-demo']);
  assert.equal(imported.code, 0, imported.stderr);
  const site = await serve(['--db', db, '--no-demo']);
  try {
    const get = (path: string) => fetch(`${site.address}${path}`);
    const today = tradingDateOf(new Date());
    assert.notEqual(today, '2021-12-31');

    const body = (await (await get('/api/v1/market/quotes')).json()) as { asOf: string; quotes: QuoteJson[] };
    // The figures are the file's day, 15:30 Karachi: not the import's or the server's time.
    assert.equal(body.asOf, '2021-12-31T10:30:00.000Z');
    const ogdc = body.quotes.find((quote) => quote.symbol === 'OGDC');
    assert.deepEqual(ogdc && [ogdc.volume, ogdc.turnover, ogdc.vwap, ogdc.date, ogdc.time], [
      3_368_560,
      null,
      null,
      '2021-12-31',
      '2021-12-31T10:30:00.000Z',
    ]);

    const markets = visibleText(await (await get('/markets')).text());
    assert.match(markets, /Prices as of 31 Dec, 2021 03:30pm/);
    assert.match(markets, /Value traded \(Rs million\)\s?— /);
    assert.match(markets, /value traded is not known for 3 stocks/);
    assert.match(markets, /No stock is down on 31 Dec 2021\./);
    assert.doesNotMatch(markets, /Rs 0\.00|today/);

    const html = await (await get('/markets/stocks/OGDC')).text();
    const page = visibleText(html);
    assert.match(page, /As of 31 Dec, 2021 03:30pm/);
    assert.match(page, /52-week range\s?84\.15 – 87\.30/);
    assert.match(
      page,
      /Volume \(shares\)\s?3,368,560\s?Value traded \(Rs\)\s?—\s?VWAP \(Rs\)\s?—\s?Market cap\s?—\s?Shares outstanding\s?—\s?Free float\s?—/,
    );
    assert.match(page, /Value traded and VWAP are not known/);
    assert.match(page, /Shares outstanding are not on record for OGDC/);
    assert.match(page, /OGDC on 31 Dec 2021/);
    assert.match(page, /31 Dec 2021 84\.20 87\.30 84\.15 86\.20/);
    assert.doesNotMatch(page, /No daily history is on record yet|Rs 0\.00|Market cap\s?Rs|Shares outstanding\s?1\b/);
    // The daily chart holds the file's day alone: no bar is invented for the server's today.
    for (const range of ['', '?range=max']) {
      const bars = chartData(await (await get(`/markets/stocks/OGDC${range}`)).text(), 'daily').bars ?? [];
      assert.deepEqual(
        bars.map(([date]) => date),
        ['2021-12-31'],
        range,
      );
    }
  } finally {
    site.child.kill();
    await site.exited;
  }
});
