import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { testServeConfig } from '../support/serveConfig.js';
import { type OpenMarketDb, openMarketDb } from './marketBackends.js';

// Tuesday 31 Jan 2023, 11:00 in Karachi: inside the regular 09:30–15:30 session.
const TUESDAY_OPEN = new Date('2023-01-31T06:00:00Z');
// Saturday 4 Feb 2023, 03:10 in Karachi.
const SATURDAY_NIGHT = new Date('2023-02-03T22:10:00Z');
// Monday 6 Feb 2023, 11:00 in Karachi, a weekday the desk declares a holiday.
const MONDAY_HOLIDAY = new Date('2023-02-06T06:00:00Z');

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-real-sessions-'));
let clock = TUESDAY_OPEN;
let app: App;
let address: string;
let side: OpenMarketDb;
const tokens = { feed: '', desk: '' };

before(async () => {
  const path = join(dir, 'site.sqlite');
  app = await createApp(testServeConfig(path, { demo: 'false', feedClockSkew: '1000' }), {
    logger: pino({ level: 'silent' }),
    now: () => clock,
  });
  address = await app.start();
  side = await openMarketDb({ kind: 'sqlite', path });
  tokens.feed = (await createApiToken(side.db, { name: 'PSX feed', role: 'market-feed', now: clock })).token;
  tokens.desk = (await createApiToken(side.db, { name: 'Desk', role: 'market-desk', now: clock })).token;
  const listed = await post(
    '/api/v1/admin/market/instruments',
    {
      symbol: 'OGDC',
      name: 'Oil & Gas Development Company',
      sector: 'Oil & Gas Exploration Companies',
      sharesOutstanding: 4_300_000_000,
      freeFloat: 1500,
      ldcp: '88.00',
    },
    tokens.desk,
  );
  assert.equal(listed.status, 201, await listed.text());
});

after(async () => {
  await side.close();
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: unknown, token: string) {
  return fetch(`${address}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

interface TradeAnswer {
  readonly accepted: number;
  readonly results: readonly { readonly status: string; readonly code?: string; readonly reason?: string }[];
}

async function pushTrade(seq: number, price: string, time: Date): Promise<TradeAnswer> {
  const answer = await post(
    '/api/v1/market/trades',
    { feed: 'psx', trades: [{ seq, symbol: 'OGDC', price, volume: 100, time: time.toISOString() }] },
    tokens.feed,
  );
  assert.equal(answer.status, 200);
  return (await answer.json()) as TradeAnswer;
}

/** The status line of `/markets` as a reader sees it, once the market clock has caught up with `clock`. */
async function pageStatus(expected: RegExp): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const html = await (await fetch(`${address}/markets`)).text();
    text = /<p class="market-status">([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    if (expected.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return text;
}

describe('a site without the demo keeps the exchange calendar', () => {
  test('its market runs by PSX hours with sessions, the price band and the index halt', () => {
    assert.equal(app.market.enforceSessions, true);
    assert.ok(app.market.calendar, 'a calendar from the start');
    assert.equal(app.market.haltRule?.indexCode, 'KSE30');
    assert.equal(app.services.includes('simulator'), false);
  });

  test('in session a trade prints, and the page says the market is open, not simulated', async () => {
    const answer = await pushTrade(1, '88.50', new Date(TUESDAY_OPEN.getTime() + 1000));
    assert.deepEqual(answer.results[0]?.status, 'accepted');
    assert.equal(app.market.quote('OGDC')?.last, 8850);
    const outside = await pushTrade(2, '120.00', new Date(TUESDAY_OPEN.getTime() + 1000));
    assert.equal(outside.results[0]?.code, 'outside band');
    const status = await pageStatus(/Market open/);
    assert.match(status, /^Market open until/);
    assert.doesNotMatch(status, /simulated/i);
  });

  test('the configured clock skew (1 s here) decides what is too far ahead', async () => {
    const within = await pushTrade(10, '88.40', new Date(clock.getTime() + 1000));
    assert.equal(within.results[0]?.status, 'accepted');
    const ahead = await pushTrade(11, '88.30', new Date(clock.getTime() + 1001));
    assert.equal(ahead.results[0]?.code, 'future');
    assert.match(ahead.results[0]?.reason ?? '', /by more than 1 s/);
    assert.equal(app.market.quote('OGDC')?.last, 8840);
  });

  test('Saturday 03:10 in Karachi: the trade is refused as outside session and the page says closed', async () => {
    clock = SATURDAY_NIGHT;
    const answer = await pushTrade(12, '88.60', SATURDAY_NIGHT);
    assert.equal(answer.accepted, 0);
    assert.equal(answer.results[0]?.status, 'rejected');
    assert.equal(answer.results[0]?.code, 'outside session');
    assert.equal(app.market.quote('OGDC')?.last, 8840);
    const status = await pageStatus(/Market closed/);
    assert.match(status, /^Market closed until/);
    assert.equal(app.market.snapshot().status?.phase, 'closed');
  });

  test('a holiday the desk declares refuses trades in what would be the session, and the page says so', async () => {
    clock = MONDAY_HOLIDAY;
    const before = await pushTrade(20, '88.70', MONDAY_HOLIDAY);
    assert.equal(before.results[0]?.status, 'accepted', 'an ordinary Monday trades');
    const declared = await post('/api/v1/admin/market/calendar/holidays', { date: '2023-02-06' }, tokens.desk);
    assert.equal(declared.status, 201, await declared.text());
    const answer = await pushTrade(21, '88.80', new Date(MONDAY_HOLIDAY.getTime() + 1000));
    assert.equal(answer.results[0]?.code, 'outside session');
    assert.equal(app.market.quote('OGDC')?.last, 8870);
    const status = await pageStatus(/holiday/);
    assert.match(status, /^Market closed for a holiday until/);
  });
});
