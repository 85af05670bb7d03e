import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { eventually, visibleText } from '../site/htmlText.js';
import { createToken, type Finished, run } from '../support/cliProcess.js';
import { testServeConfig } from '../support/serveConfig.js';

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

/**
 * Wednesday's file: its LDCPs are Tuesday's closes as the site closed them;
 * MCB untraded (CLOSE carries the previous close), ENGRO untraded the way older
 * files have it (CLOSE 0, the LDCP stands).
 */
const WEDNESDAY_FILE = [
  '07AUG2024|OGDC|0820|OIL & GAS DEV.|125.00|126.50|124.50|126.00|900000|125.00|||',
  '07AUG2024|PPL|0820|PAK PETROLEUM|103.00|103.50|100.50|101.00|700000|103.00|||',
  '07AUG2024|HUBC|0816|HUB POWER CO.|150.00|152.00|149.50|151.50|300000|150.00|||',
  '07AUG2024|MCB|0807|MCB BANK|0.00|0.00|0.00|200.00|0|200.00|||',
  '07AUG2024|LUCK|0804|LUCKY CEMENT|818.10|825.00|815.00|820.00|40000|818.10|||',
  '07AUG2024|ENGRO|0813|ENGRO CORP.|0.00|0.00|0.00|0.00|0|299.00|||',
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

async function pageText(path: string): Promise<string> {
  const response = await fetch(`${address}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return visibleText(await response.text());
}

/**
 * The page as a reader sees it once it shows every one of `expected`: pages
 * are cached and re-rendered in the background after a market change, so the
 * first answer after a change may be the earlier render. Fails with the last
 * text when some never shows.
 */
async function page(path: string, ...expected: RegExp[]): Promise<string> {
  let seen = '';
  await eventually(async () => {
    seen = await pageText(path);
    for (const pattern of expected) assert.match(seen, pattern);
  });
  return seen;
}

async function text(path: string): Promise<string> {
  const response = await fetch(`${address}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.text();
}

async function postDesk(path: string, body: string, json = false): Promise<Response> {
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
  readonly figures: 'broadsheet' | 'official';
  readonly date?: string;
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
    await desk([
      'index',
      'create',
      'KSE100',
      '--name',
      'KSE-100 Index',
      '--base-value',
      '1000',
      '--base-date',
      '1991-11-01',
    ]);
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
    assert.deepEqual(definitions.map((item) => [item.code, item.computed, item.members]).sort(), [
      ['BRX', true, 4],
      ['KSE100', false, 0],
      ['KSE30', true, 1],
    ]);

    const api = await indices();
    assert.deepEqual(figures(api.BRX), ['10000.00', '10000.00', '0.00', 0]);
    assert.deepEqual(figures(api.KSE30), ['10000.00', '10000.00', '0.00', 0]);
    assert.equal(api.BRX?.figures, 'broadsheet');
    assert.deepEqual(
      figures(api.KSE100),
      ['77965.86', '78427.44', '-461.58', -0.59],
      'the API lists published indices too',
    );
    assert.equal(api.KSE100?.figures, 'official');
    assert.equal(api.KSE100?.date, '2024-08-05');
    const filtered = await json<{ indices: IndexJson[] }>('/api/v1/market/indices?codes=KSE100,BRX');
    assert.deepEqual(filtered.indices.map((index) => index.code).sort(), ['BRX', 'KSE100']);

    await page(
      '/markets',
      /BRX Broadsheet Blue Chips 10,000\.00 10,000\.00 0\.00 0\.00% Broadsheet calculation, live/,
      /KSE30 KSE-30 Index 10,000\.00 10,000\.00 0\.00 0\.00% Broadsheet calculation, live/,
      // 77,965.86 − 78,427.44 = −461.58, −0.5885…% → −0.59%.
      /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59% Exchange, official close of 5 Aug 2024/,
    );
    const kse100 = await fetch(`${address}/markets/indices/KSE100`);
    assert.equal(kse100.status, 200, 'a published-only index has its page');
    await page(
      '/markets/indices/KSE100',
      /KSE-100 Index \(KSE100\) 77,965\.86 points -461\.58 \(-0\.59%\) against the previous close of 78,427\.44/,
      /Day range\s*77,050\.38 – 78,508\.37/,
      /Broadsheet does not calculate the KSE100: these are the exchange's official closing values/,
      /5 Aug 2024 78,427\.44 78,508\.37 77,050\.38 77,965\.86 -461\.58 350,450 Exchange \(official\)/,
      /2 Aug 2024 78,596\.71 79,060\.15 78,314\.29 78,427\.44 -169\.27 1,200,000 Exchange \(official\)/,
    );
    await page('/markets/indices/BRX', /Broadsheet Blue Chips \(BRX\) 10,000\.00 points 0\.00 \(0\.00%\)/);

    // The README's ticker is led by KSE-100: published only, it leads at its official close, labelled and dated.
    await eventually(async () => {
      const html = await (await fetch(`${address}/`)).text();
      const strip = /<ul class="ticker__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      assert.deepEqual(
        [...strip.matchAll(/data-key="(i:[^"]+)"/g)].map((match) => match[1]),
        ['i:KSE100', 'i:BRX', 'i:KSE30'],
      );
      assert.match(
        visibleText(strip),
        /^\s*KSE100 77,966 \D*-?461\.6 \(-0\.59%\) \(exchange's official close, 5 Aug 2024\)/,
      );
      assert.match(strip, /<time datetime="2024-08-05">5 Aug 2024<\/time>/i);
      const box = /data-markets-box[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
      assert.match(
        visibleText(box),
        /BRX 10,000\.00 0\.00 \(0\.00%\)[\s\S]*KSE100 \(exchange's official close, 5 Aug 2024\) 77,965\.86 -461\.58 \(-0\.59%\)/,
      );
    });
    const ticker = await json<{ items: { key: string; ticker: string; official?: { date: string } }[] }>(
      '/api/v1/market/ticker',
    );
    const lead = ticker.items.find((item) => item.key === 'i:KSE100');
    assert.deepEqual(lead?.official, { date: '2024-08-05' });
    assert.equal(ticker.items.find((item) => item.key === 'i:BRX')?.official, undefined, 'a computed index is live');
  });

  test("Monday's closing file: the listing's names stay, and BRX moves by its members' day", async () => {
    const response = await postDesk('/api/v1/admin/market/imports?name=closing11.lis', MONDAY_FILE);
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
    await page(
      '/markets',
      /BRX Broadsheet Blue Chips 10,161\.25 10,050\.00 \+111\.25 \+1\.11% Broadsheet calculation, live/,
      /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59% Exchange, official close of 5 Aug 2024/,
    );
    const stock = await page('/markets/stocks/LUCK', /Lucky Cement Limited/, /810\.00/);
    assert.doesNotMatch(stock, /LUCKY CEMENT/);

    // The imported day stays as the file left it until the next day's first change closes it (the
    // recorder's roll-over on a site without a simulator): Tuesday's first trade below.
  });

  test('Tuesday: trades move BRX by their exact points, outside the session nothing prints', async () => {
    // 09:00 is before the 09:15 pre-open.
    clock = karachi(TUESDAY, '09:00');
    const early = await trade('OGDC', '123.00', 100, karachi(TUESDAY, '09:00'));
    assert.equal(early.code, 'outside session');
    // That first change of Tuesday closed Monday first: its closes are Tuesday's LDCPs and BRX has
    // Monday's bar: open at the members' opens (OGDC 120.50: +12.50) 10,062.50, close 10,161.25.
    assert.deepEqual(figures((await indices()).BRX), ['10161.25', '10161.25', '0.00', 0]);

    // MCB −3.50 (against Monday's close 203.50) is −26.25 points: 10,135.00.
    assert.equal((await trade('MCB', '200.00', 1000, karachi(TUESDAY, '09:45'))).status, 'accepted');
    const opened = await quotes();
    assert.deepEqual(quoteFigures(opened.MCB), ['200.00', '203.50', '-3.50', '200.00', '200.00', '200.00', 1000]);
    // Untraded Tuesday: at Monday's close, no volume carried over from Monday's file.
    assert.deepEqual(quoteFigures(opened.OGDC), ['122.40', '122.40', '0.00', null, null, null, 0]);
    assert.deepEqual(quoteFigures(opened.PPL), ['103.00', '103.00', '0.00', null, null, null, 0]);
    // −26.25 ÷ 10,161.25 = −0.2583…% → −0.26 %.
    assert.deepEqual(figures((await indices()).BRX), ['10135.00', '10161.25', '-26.25', -0.26]);
  });

  test('Tuesday: KSE30 6 % up for five minutes halts the market for an hour, and five minutes of pre-open', async () => {
    // LUCK 810.00 → 858.60 (+6 %, inside its 7.5 % band) is KSE30 +607.50 at 12.5 points a rupee.
    assert.equal((await trade('LUCK', '858.60', 100, karachi(TUESDAY, '10:00'))).status, 'accepted');
    assert.deepEqual(figures((await indices()).KSE30), ['10732.50', '10125.00', '607.50', 6]);
    // Still in breach at 10:06: the halt began at 10:05.
    const halted = await trade('OGDC', '123.00', 100, karachi(TUESDAY, '10:06'));
    assert.equal(halted.code, 'market halted');
    await page('/markets', /Market halted/);
    assert.equal((await trade('OGDC', '123.00', 100, karachi(TUESDAY, '11:04'))).code, 'market halted');
    // 11:05–11:10 is the pre-open after the halt.
    assert.equal((await trade('OGDC', '123.00', 100, karachi(TUESDAY, '11:07'))).code, 'market halted');
    // Trading again: LUCK back to 818.10 (+1 %), KSE30 10,226.25.
    assert.equal((await trade('LUCK', '818.10', 100, karachi(TUESDAY, '11:12'))).status, 'accepted');
    assert.deepEqual(figures((await indices()).KSE30), ['10226.25', '10125.00', '101.25', 1]);
    const refusedOgdc = (await quotes()).OGDC;
    assert.deepEqual(
      quoteFigures(refusedOgdc),
      ['122.40', '122.40', '0.00', null, null, null, 0],
      'no halted trade printed',
    );
  });

  test('Tuesday: OGDC +2.60 is +65.00 points on BRX; after the session nothing prints', async () => {
    assert.equal((await trade('OGDC', '125.00', 2000, karachi(TUESDAY, '11:15'))).status, 'accepted');
    // 10,135.00 + 65.00 = 10,200.00; +38.75 on 10,161.25 is 0.3813…% → 0.38 %.
    assert.deepEqual(figures((await indices()).BRX), ['10200.00', '10161.25', '38.75', 0.38]);
    await page(
      '/markets',
      /BRX Broadsheet Blue Chips 10,200\.00 10,161\.25 \+38\.75 \+0\.38% Broadsheet calculation, live/,
      /KSE30 KSE-30 Index 10,226\.25 10,125\.00 \+101\.25 \+1(\.00)?%/,
    );
    await page(
      '/markets/indices/BRX',
      /Broadsheet Blue Chips \(BRX\) 10,200\.00 points \+38\.75 \(\+0\.38%\)/,
      // Points: OGDC +2.60 × 25 = +65.00, MCB −3.50 × 7.5 = −26.25. Weights at Rs 204M (10,200.00 × Rs 20,000):
      // OGDC 62.5M = 30.63…%, MCB 30M = 14.70…%, rounded down to basis points.
      /OGDC 125\.00 \+2\.60 \+2\.12% 30\.63% \+65\.00/,
      /MCB 200\.00 -3\.50 -1\.72% 14\.70?% -26\.25/,
    );
    const late = await trade('OGDC', '126.00', 100, karachi(TUESDAY, '16:00'));
    assert.equal(late.code, 'outside session');
    assert.equal((await quotes()).OGDC?.last, '125.00');
  });

  test('the desk closes Tuesday: BRX keeps the day as its own calculation, KSE100 keeps the official days', async () => {
    clock = karachi(TUESDAY, '16:30');
    const response = await postDesk('/api/v1/admin/market/close-day', '{}', true);
    const closed = (await response.json()) as { date: string; nextTradingDate: string; problems: string[] };
    assert.equal(response.status, 200, JSON.stringify(closed));
    assert.deepEqual([closed.date, closed.nextTradingDate, closed.problems], [TUESDAY, WEDNESDAY, []]);

    const api = await indices();
    assert.deepEqual(figures(api.BRX), ['10200.00', '10200.00', '0.00', 0]);
    assert.deepEqual(figures(api.KSE30), ['10226.25', '10226.25', '0.00', 0]);
    const rolled = await quotes();
    assert.deepEqual(quoteFigures(rolled.OGDC), ['125.00', '125.00', '0.00', null, null, null, 0]);
    assert.deepEqual(quoteFigures(rolled.MCB), ['200.00', '200.00', '0.00', null, null, null, 0]);

    // Tuesday's bar: open 10,135.00 (MCB's trade first), high 10,200.00, low 10,135.00, close 10,200.00,
    // volume the members' 1,000 + 2,000.
    const brxCsv = csvRows(await text('/markets/indices/BRX/history.csv'));
    assert.deepEqual(brxCsv, [
      'Date,Open,High,Low,Close,Volume',
      `${MONDAY},10062.50,10161.25,10062.50,10161.25,2500000`,
      `${TUESDAY},10135.00,10200.00,10135.00,10200.00,3000`,
    ]);
    await page(
      '/markets/indices/BRX',
      /6 Aug 2024 10,135\.00 10,200\.00 10,135\.00 10,200\.00 \+38\.75 3,000 Broadsheet calculation/,
      /5 Aug 2024 10,062\.50 10,161\.25 10,062\.50 10,161\.25 – 2,500,000 Broadsheet calculation/,
    );

    const kseCsv = csvRows(await text('/markets/indices/KSE100/history.csv'));
    assert.deepEqual(kseCsv, [
      'Date,Open,High,Low,Close,Volume',
      '2024-08-01,77978.43,78715.48,77881.86,78596.71,410000',
      '2024-08-02,78596.71,79060.15,78314.29,78427.44,1200000',
      '2024-08-05,78427.44,78508.37,77050.38,77965.86,350450',
    ]);
    const kse100 = await page('/markets/indices/KSE100', /KSE-100 Index \(KSE100\) 77,965\.86 points/);
    assert.equal(kse100.match(/Exchange \(official\)/g)?.length, 3);
    assert.doesNotMatch(kse100, /Broadsheet calculation/);
    await page(
      '/markets',
      /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59% Exchange, official close of 5 Aug 2024/,
    );

    // A trade stamped on the closed day is stale from now on.
    assert.equal((await trade('OGDC', '125.50', 100, karachi(TUESDAY, '15:00'))).code, 'stale');
  });

  test("Wednesday's closing file: BRX's change is its members' day, figures dated Wednesday", async () => {
    clock = karachi(WEDNESDAY, '17:00');
    const response = await postDesk('/api/v1/admin/market/imports?name=closing11.lis', WEDNESDAY_FILE);
    const report = (await response.json()) as {
      date: string;
      accepted: number;
      skippedCount: number;
      rejectedCount: number;
    };
    assert.equal(response.status, 200, JSON.stringify(report));
    assert.deepEqual([report.date, report.accepted, report.skippedCount, report.rejectedCount], [WEDNESDAY, 4, 2, 0]);

    const day = await quotes();
    assert.deepEqual(quoteFigures(day.OGDC), ['126.00', '125.00', '1.00', '125.00', '126.50', '124.50', 900_000]);
    assert.deepEqual(quoteFigures(day.PPL), ['101.00', '103.00', '-2.00', '103.00', '103.50', '100.50', 700_000]);
    assert.deepEqual(quoteFigures(day.HUBC), ['151.50', '150.00', '1.50', '150.00', '152.00', '149.50', 300_000]);
    assert.deepEqual(quoteFigures(day.MCB), ['200.00', '200.00', '0.00', null, null, null, 0]);
    assert.deepEqual(quoteFigures(day.ENGRO), ['299.00', '299.00', '0.00', null, null, null, 0]);
    assert.equal(day.OGDC?.date, WEDNESDAY);
    assert.equal(day.LUCK?.name, 'Lucky Cement Limited');

    // OGDC +1.00 × 25 = 25.00, PPL −2.00 × 25 = −50.00, HUBC +1.50 × 20 = 30.00: +5.00 on 10,200.00,
    // 0.049…% → 0.05 %. KSE30: LUCK +1.90 × 12.5 = +23.75 on 10,226.25, 0.2322…% → 0.23 %.
    const api = await indices();
    assert.deepEqual(figures(api.BRX), ['10205.00', '10200.00', '5.00', 0.05]);
    assert.deepEqual(figures(api.KSE30), ['10250.00', '10226.25', '23.75', 0.23]);
    await page(
      '/markets',
      /BRX Broadsheet Blue Chips 10,205\.00 10,200\.00 \+5\.00 \+0\.05% Broadsheet calculation, live/,
      /KSE100 KSE-100 Index 77,965\.86 78,427\.44 -461\.58 -0\.59% Exchange, official close of 5 Aug 2024/,
    );
    await page('/markets/indices/BRX', /Broadsheet Blue Chips \(BRX\) 10,205\.00 points \+5\.00 \(\+0\.05%\)/);
    // The stock's history holds Monday from the file, Tuesday from the close and Wednesday from the file.
    assert.deepEqual(csvRows(await text('/markets/stocks/OGDC/history.csv')), [
      'Date,Open,High,Low,Close,Volume',
      `${MONDAY},120.50,123.00,119.80,122.40,1500000`,
      `${TUESDAY},125.00,125.00,125.00,125.00,2000`,
      `${WEDNESDAY},125.00,126.50,124.50,126.00,900000`,
    ]);
  });
});

describe('the trading day after an imported closing file the desk did not close', () => {
  const otherDb = join(dir, 'unclosed.sqlite');
  let site: App;
  let siteAddress = '';
  let now = karachi(MONDAY, '17:00');
  const keys = { feed: '', desk: '' };

  before(async () => {
    site = await createApp(testServeConfig(otherDb, { demo: 'false' }), {
      logger: pino({ level: 'silent' }),
      now: () => now,
    });
    siteAddress = await site.start();
    keys.desk = await createToken(otherDb, 'market-desk');
    keys.feed = await createToken(otherDb, 'market-feed');
  });

  after(() => site.stop());

  // No desk close between an imported Monday and Tuesday's trading: Tuesday's first trade must still
  // print on a fresh quote (change against Monday's close, no Monday volume or range carried on).
  test("Tuesday's first trade is measured against Monday's close, not Monday's LDCP", async () => {
    const send = (path: string, body: string, token: string, type = 'application/octet-stream') =>
      fetch(`${siteAddress}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
    assert.equal((await send('/api/v1/admin/market/listing', LISTING, keys.desk)).status, 200);
    const imported = await send('/api/v1/admin/market/imports?name=closing11.lis', MONDAY_FILE, keys.desk);
    assert.equal(imported.status, 200, await imported.text());
    now = karachi(TUESDAY, '09:45');
    const traded = await send(
      '/api/v1/market/trades',
      JSON.stringify({
        feed: 'psx',
        trades: [{ seq: 1, symbol: 'MCB', price: '200.00', volume: 1000, time: now.toISOString() }],
      }),
      keys.feed,
      'application/json',
    );
    assert.equal(traded.status, 200);
    const body = (await (await fetch(`${siteAddress}/api/v1/market/quotes?symbols=MCB`)).json()) as {
      quotes: QuoteJson[];
    };
    assert.deepEqual(quoteFigures(body.quotes[0]), ['200.00', '203.50', '-3.50', '200.00', '200.00', '200.00', 1000]);
  });
});
