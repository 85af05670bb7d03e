import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { visibleText } from '../site/htmlText.js';
import { testServeConfig } from '../support/serveConfig.js';
import { createToken, type Finished, run } from './cliProcess.js';

// Issue 11: a whole exchange day on a `--no-demo` site, from an empty market to
// the next day's closing file, every figure worked out by hand below.
//
// A real site enforces PSX sessions by the server's clock, and `broadsheet
// serve` has no clock to set, so the site runs in this process with its own
// clock (`createApp(config, { now })`, as test/market/realSiteSessions.test.ts);
// the desk's work goes through the real `broadsheet` command (`--server`) and
// the HTTP APIs, the reader's through the pages.
//
// BRX, the house index, holds four members with index shares × free float:
//   OGDC 1,000,000 × 50 % = 500,000    PPL 2,000,000 × 25 % = 500,000
//   HUBC   400,000 × 100 % = 400,000   MCB 1,000,000 × 15 % = 150,000
// At the listing's LDCPs (120, 100, 150, 200) that is Rs 60M + 50M + 60M + 30M
// = Rs 200,000,000; started at 10,000.00 points, the divisor is Rs 20,000 a
// point, so a member's Rs 1 move is 25.00 points (OGDC, PPL), 20.00 (HUBC) or
// 7.50 (MCB). KSE30 holds LUCK alone (so the market-wide halt can be driven by
// one stock), started at 10,000.00 at LUCK's 800.00: Rs 8 is 100.00 points.

const MONDAY = '2024-08-05';
const TUESDAY = '2024-08-06';
const WEDNESDAY = '2024-08-07';
/** `HH:MM` Karachi (UTC+5) on `date`. */
const karachi = (date: string, time: string) => new Date(`${date}T${time}:00+05:00`);

const LISTING = [
  'Symbol,Name,Sector,Shares outstanding,Free float %,LDCP',
  'OGDC,Oil & Gas Development Company Limited,Oil & Gas Exploration Companies,4300928400,15,120.00',
  'PPL,Pakistan Petroleum Limited,Oil & Gas Exploration Companies,2720927000,25,100.00',
  'HUBC,The Hub Power Company Limited,Power Generation & Distribution,1297154400,75,150.00',
  'MCB,MCB Bank Limited,Commercial Banks,1185060000,40,200.00',
  'LUCK,Lucky Cement Limited,Cement,292997000,40,800.00',
  'ENGRO,Engro Corporation Limited,Fertilizer,533996000,60,300.00',
].join('\n');

const BRX_MEMBERS = [
  'Symbol,Shares,Free float %',
  'OGDC,1000000,50',
  'PPL,2000000,25',
  'HUBC,400000,100',
  'MCB,1000000,15',
].join('\n');

const KSE30_MEMBERS = ['Symbol,Shares,Free float %', 'LUCK,1000,100'].join('\n');

// The exchange's published KSE-100 closes: 5 Aug 77,965.86 against 78,427.44 on 2 Aug.
const KSE100_HISTORY = [
  '"Date","Price","Open","High","Low","Vol.","Change %"',
  '"05-Aug-24","77,965.86","78,427.44","78,508.37","77,050.38","350.45K","-0.59%"',
  '"02-Aug-24","78,427.44","78,596.71","79,060.15","78,314.29","1.2M","-0.21%"',
  '"01-Aug-24","78,596.71","77,978.43","78,715.48","77,881.86","410K","0.79%"',
].join('\n');

/**
 * Monday's closing file, as the exchange sends it (latin-1, CRLF, trailing
 * pipes): OGDC an ordinary day; PPL with OPEN 0 and an LDCP (102.00) that is
 * not the listing's; HUBC untraded; MCB closing outside its day's range (kept:
 * the exchange's closing-price rule); LUCK under an abbreviated upper-case
 * name; and a future, which is skipped.
 */
const MONDAY_FILE = [
  '05AUG2024|OGDC|0820|OIL & GAS DEV.|120.50|123.00|119.80|122.40|1500000|120.00|||',
  '05AUG2024|PPL|0820|PAK PETROLEUM|0.00|104.00|101.50|103.00|800000|102.00|||',
  '05AUG2024|HUBC|0816|HUB POWER CO.|0.00|0.00|0.00|150.00|0|150.00|||',
  '05AUG2024|MCB|0807|MCB BANK|200.00|203.00|199.00|203.50|200000|200.00|||',
  '05AUG2024|LUCK|0804|LUCKY CEMENT|800.00|812.00|798.00|810.00|50000|800.00|||',
  '05AUG2024|ENGRO|0813|ENGRO CORP.|300.00|301.00|297.00|299.00|120000|300.00|||',
  '05AUG2024|OGDC-AUG|40|OIL & GAS DEV. AUG|121.00|123.50|120.00|122.90|40000|120.50|||',
].join('\r\n');

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-real-day-'));
const db = join(dir, 'site.sqlite');
let clock = karachi(MONDAY, '17:00');
let app: App;
let address: string;
const tokens = { feed: '', desk: '' };

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'latin1');
  return path;
}

before(async () => {
  app = await createApp(testServeConfig(db, { demo: 'false' }), {
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
  address = await app.start();
  // `broadsheet tokens create` on the site's own database, as an operator would.
  tokens.desk = await createToken(db, 'market-desk');
  tokens.feed = await createToken(db, 'market-feed');
});

after(async () => {
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `broadsheet market …` against the running site's desk API. */
async function desk(args: readonly string[]): Promise<Finished> {
  const result = await run(['market', ...args, '--server', address, '--token', tokens.desk]);
  assert.equal(result.code, 0, `broadsheet market ${args.join(' ')}: ${result.stderr}`);
  return result;
}

async function json<T>(path: string): Promise<T> {
  const response = await fetch(`${address}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return (await response.json()) as T;
}

async function page(path: string): Promise<string> {
  const response = await fetch(`${address}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return visibleText(await response.text());
}

async function text(path: string): Promise<string> {
  const response = await fetch(`${address}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.text();
}

async function postDesk(path: string, body: string | Buffer, json = false): Promise<Response> {
  return fetch(`${address}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokens.desk}`,
      'content-type': json ? 'application/json' : 'application/octet-stream',
    },
    body,
  });
}

interface TradeAnswer {
  readonly accepted: number;
  readonly results: readonly { readonly seq: number; readonly status: string; readonly code?: string }[];
}

let seq = 0;
/** One trade through the push API, stamped `time` with the clock there. */
async function trade(symbol: string, price: string, volume: number, time: Date): Promise<TradeAnswer['results'][0]> {
  clock = time;
  seq += 1;
  const response = await fetch(`${address}/api/v1/market/trades`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.feed}` },
    body: JSON.stringify({ feed: 'psx-e2e', trades: [{ seq, symbol, price, volume, time: time.toISOString() }] }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const answer = (await response.json()) as TradeAnswer;
  const result = answer.results[0];
  assert.ok(result);
  return result;
}

interface IndexJson {
  readonly code: string;
  readonly name: string;
  readonly value: string;
  readonly previousClose: string;
  readonly change: string;
  readonly changePercent: number;
}

interface QuoteJson {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  readonly last: string;
  readonly ldcp: string;
  readonly change: string;
  readonly open: string | null;
  readonly high: string | null;
  readonly low: string | null;
  readonly volume: number;
  readonly date: string;
}

async function indices(): Promise<Record<string, IndexJson>> {
  const body = await json<{ indices: IndexJson[] }>('/api/v1/market/indices');
  return Object.fromEntries(body.indices.map((index) => [index.code, index]));
}

async function quotes(): Promise<Record<string, QuoteJson>> {
  const body = await json<{ quotes: QuoteJson[] }>('/api/v1/market/quotes');
  return Object.fromEntries(body.quotes.map((quote) => [quote.symbol, quote]));
}

/** [value, previous close, change, % change] of an index in the API. */
function figures(index: IndexJson | undefined): [string, string, string, number] | undefined {
  return index && [index.value, index.previousClose, index.change, index.changePercent];
}

/** A quote's [last, ldcp, change, open, high, low, volume]. */
function quoteFigures(quote: QuoteJson | undefined) {
  return quote && [quote.last, quote.ldcp, quote.change, quote.open, quote.high, quote.low, quote.volume];
}

/** The rows of a CSV download, header first. */
function csvRows(body: string): string[] {
  return body.split('\r\n').filter((line) => line !== '');
}

describe('a --no-demo site through a real exchange day', () => {
  test('it starts with an empty market and takes the listing file through the command', async () => {
    assert.deepEqual(Object.keys(await quotes()), []);
    assert.match(await page('/markets'), /No index is defined yet/);
    const listed = await desk(['listing', file('listing.csv', LISTING), '--json']);
    const report = JSON.parse(listed.stdout) as { accepted: number; listed: number; rejectedCount: number };
    assert.deepEqual([report.accepted, report.listed, report.rejectedCount], [6, 6, 0]);
    const listing = await quotes();
    assert.deepEqual(Object.keys(listing).sort(), ['ENGRO', 'HUBC', 'LUCK', 'MCB', 'OGDC', 'PPL']);
    assert.deepEqual(quoteFigures(listing.PPL), ['100.00', '100.00', '0.00', null, null, null, 0]);
    assert.equal(listing.LUCK?.name, 'Lucky Cement Limited');
  });

  test('KSE100 is published only, with its history; BRX and KSE30 are computed from their members', async () => {
    await desk(['index', 'create', 'KSE100', '--name', 'KSE-100 Index', '--base-value', '1000', '--base-date', '1991-11-01']);
    await desk(['index', 'import', 'KSE100', file('KSE100.csv', KSE100_HISTORY)]);
    await desk([
      'index',
      'create',
      'BRX',
      '--name',
      'Broadsheet Blue Chips',
      '--base-value',
      '1000',
      '--level',
      '10000',
      '--constituents',
      file('brx.csv', BRX_MEMBERS),
    ]);
    await desk([
      'index',
      'create',
      'KSE30',
      '--name',
      'KSE-30 Index',
      '--base-value',
      '1000',
      '--level',
      '10000',
      '--constituents',
      file('kse30.csv', KSE30_MEMBERS),
    ]);
    const listed = await desk(['index', 'list', '--json']);
    const definitions = JSON.parse(listed.stdout) as { code: string; computed: boolean; members: number }[];
    assert.deepEqual(
      definitions.map((item) => [item.code, item.computed, item.members]).sort(),
      [
        ['BRX', true, 4],
        ['KSE100', false, 0],
        ['KSE30', true, 1],
      ],
    );

    const api = await indices();
    assert.deepEqual(figures(api.BRX), ['10000.00', '10000.00', '0.00', 0]);
    assert.deepEqual(figures(api.KSE30), ['10000.00', '10000.00', '0.00', 0]);

    const markets = await page('/markets');
    assert.match(markets, /BRX Broadsheet Blue Chips 10,000\.00 10,000\.00 0\.00 0\.00% Broadsheet calculation, live/);
    // 77,965.86 − 78,427.44 = −461.58, −0.5885…% → −0.59%.
    assert.match(markets, /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59% Exchange, official close of 5 Aug/);

    const kse100 = await page('/markets/indices/KSE100');
    assert.match(kse100, /Official close/);
    assert.match(kse100, /77,965\.86/);
    assert.match(kse100, /05 Aug 2024|5 Aug 2024/);
    assert.match(kse100, /Exchange \(official\)/);
    const brx = await page('/markets/indices/BRX');
    assert.match(brx, /Index value \(Broadsheet calculation\)/);
    assert.match(brx, /10,000\.00/);
  });

  test("Monday's closing file: the listing's names stay, and BRX moves by its members' day", async () => {
    const response = await postDesk('/api/v1/admin/market/imports?name=closing11.lis', Buffer.from(MONDAY_FILE, 'latin1'));
    const report = (await response.json()) as {
      date: string;
      accepted: number;
      skippedCount: number;
      rejectedCount: number;
      warningCount: number;
    };
    assert.equal(response.status, 200, JSON.stringify(report));
    // HUBC untraded and the future are skipped; PPL (OPEN 0) and MCB (close outside the range) warned.
    assert.deepEqual(
      [report.date, report.accepted, report.skippedCount, report.rejectedCount, report.warningCount],
      [MONDAY, 5, 2, 0, 2],
    );

    const day = await quotes();
    assert.deepEqual(Object.keys(day).sort(), ['ENGRO', 'HUBC', 'LUCK', 'MCB', 'OGDC', 'PPL'], 'no future listed');
    assert.deepEqual(quoteFigures(day.OGDC), ['122.40', '120.00', '2.40', '120.50', '123.00', '119.80', 1_500_000]);
    // OPEN 0: the LDCP, within the day's 101.50–104.00.
    assert.deepEqual(quoteFigures(day.PPL), ['103.00', '102.00', '1.00', '102.00', '104.00', '101.50', 800_000]);
    assert.deepEqual(quoteFigures(day.HUBC), ['150.00', '150.00', '0.00', null, null, null, 0]);
    // The exchange's close stands outside the day's range.
    assert.deepEqual(quoteFigures(day.MCB), ['203.50', '200.00', '3.50', '200.00', '203.00', '199.00', 200_000]);
    assert.equal(day.LUCK?.name, 'Lucky Cement Limited');
    assert.equal(day.OGDC?.name, 'Oil & Gas Development Company Limited');
    assert.equal(day.LUCK?.sector, 'Cement');
    assert.equal(day.OGDC?.date, MONDAY);

    // BRX's previous close at the file's LDCPs: PPL's 102.00 is 2 × 25 = 50.00 over the listing's → 10,050.00.
    // Its day: OGDC +2.40 × 25 = 60.00, PPL +1.00 × 25 = 25.00, MCB +3.50 × 7.5 = 26.25 → +111.25, 10,161.25;
    // 111.25 ÷ 10,050 = 1.1069…% → 1.11 %.
    // KSE30: LUCK 800 → 810 is +125.00 on 10,000.00, 1.25 %.
    const api = await indices();
    assert.deepEqual(figures(api.BRX), ['10161.25', '10050.00', '111.25', 1.11]);
    assert.deepEqual(figures(api.KSE30), ['10125.00', '10000.00', '125.00', 1.25]);
    const markets = await page('/markets');
    assert.match(markets, /BRX Broadsheet Blue Chips 10,161\.25 10,050\.00 \+111\.25 \+1\.11%/);
    assert.match(markets, /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59%/);
    const stock = await page('/markets/stocks/LUCK');
    assert.match(stock, /Lucky Cement Limited/);
    assert.doesNotMatch(stock, /LUCKY CEMENT/);
  });
});
