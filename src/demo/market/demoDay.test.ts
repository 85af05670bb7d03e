import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntradayPaths } from '../../market/quotes/intradayPaths.js';
import { PSX_CALENDAR, tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { DEMO_USD_LAST_DAY } from './demoFxHistory.js';
import { createDemoMarket, REFERENCE_LAST_PRICES } from './demoMarket.js';
import { demoPastAt } from './demoPast.js';
import { simulatedDayStart } from './demoSessionBackfill.js';

// Tue 31 Jan 2023, 13:20 Karachi: the session opened at 09:30.
const now = new Date('2023-01-31T08:20:00Z');

test('the USD/PKR history covers the demo year, one rate a trading day, ending at the live previous close', () => {
  const market = createDemoMarket(now);
  for (const side of ['interbank', 'open'] as const) {
    const days = market.fxHistory('USD/PKR', side);
    assert.ok(days.length >= 250 && days.length <= 263, `${side}: ${days.length} days`);
    assert.equal(days.at(-1)?.date, '2023-01-31', 'today, from the live rate');
    assert.ok((days[0]?.date ?? '') <= '2022-02-07', `${side} starts ${days[0]?.date}`);
    const live = market.fxRates().find((rate) => rate.pair === 'USD/PKR' && rate.market === side);
    assert.equal(days.at(-2)?.date, '2023-01-30');
    assert.equal(days.at(-2)?.buying, live?.previousBuying, 'yesterday is the live previous rate');
    assert.equal(days.at(-2)?.selling, live?.previousSelling);
  }
  assert.equal(market.fxHistory('USD/PKR', 'interbank').at(-2)?.buying, DEMO_USD_LAST_DAY.interbank);
});

test('the USD/PKR history moves as a currency does: small daily steps, and the same days as the news', () => {
  const { fx } = demoPastAt(now);
  for (let i = 1; i < fx.length; i += 1) {
    const before = fx[i - 1];
    const day = fx[i];
    assert.ok(before && day);
    assert.ok(Math.abs(day.interbank - before.interbank) <= before.interbank * 0.015, `${day.date} jumps`);
    assert.ok(day.openSelling > day.openBuying, day.date);
    assert.ok(Math.abs(day.openBuying - day.interbank) <= 500, `${day.date}: open market far from interbank`);
  }
  const market = createDemoMarket(now);
  const history = new Map(market.fxHistory('USD/PKR', 'interbank').map((day) => [day.date, day.buying]));
  for (const day of fx) assert.equal(history.get(day.date), day.interbank, day.date);
});

test('the simulated day starts at the open on a trading day, at midnight otherwise', () => {
  assert.equal(simulatedDayStart(now, PSX_CALENDAR).toISOString(), '2023-01-31T04:30:00.000Z');
  // Before the open, and on a Saturday, the round-the-clock demo day starts at Karachi midnight.
  assert.equal(
    simulatedDayStart(new Date('2023-01-31T03:00:00Z'), PSX_CALENDAR).toISOString(),
    '2023-01-30T19:00:00.000Z',
  );
  assert.equal(
    simulatedDayStart(new Date('2023-02-04T08:00:00Z'), PSX_CALENDAR).toISOString(),
    '2023-02-03T19:00:00.000Z',
  );
});

test('a back-filled demo charts the whole session so far, and ends on the reference ticker', () => {
  const intraday = new IntradayPaths();
  const market = createDemoMarket(now, { backfillSession: true, intraday });
  const snapshot = market.snapshot();
  for (const [symbol, price] of REFERENCE_LAST_PRICES) {
    assert.equal(snapshot.quotes.find((quote) => quote.symbol === symbol)?.last, price, symbol);
  }
  for (const key of ['i:KSE100', 's:OGDC', 's:KEL'] as const) {
    const points = intraday.points(key);
    // 09:30 to 13:20 is 230 minutes: a point for each, plus the opening trades' minute.
    assert.ok(points.length >= 225, `${key}: ${points.length} points`);
    assert.equal(points[0]?.time, Date.parse('2023-01-31T04:30:00Z') / 1000, `${key} starts at the open`);
    assert.equal(points.at(-1)?.time, Date.parse('2023-01-31T08:20:00Z') / 1000, `${key} reaches now`);
    // KEL moves by the paisa on a Rs2 price; the others by many ticks.
    const distinct = new Set(points.map((point) => point.value)).size;
    assert.ok(distinct > (key === 's:KEL' ? 2 : 20), `${key} is flat: ${distinct} values`);
  }
  const kse = intraday.points('i:KSE100');
  assert.equal(kse.at(-1)?.value, snapshot.indices.find((index) => index.code === 'KSE100')?.value);
  const ogdc = snapshot.quotes.find((quote) => quote.symbol === 'OGDC');
  assert.ok(ogdc && ogdc.volume > 100_000, 'a session of volume');
  assert.ok(ogdc.high !== null && ogdc.low !== null && ogdc.high > ogdc.low, 'a range, not one print');
  assert.equal(tradingDateOf(snapshot.asOf, PSX_CALENDAR), '2023-01-31');
});

test('without back-fill the demo opens flat, as before', () => {
  const intraday = new IntradayPaths();
  createDemoMarket(now, { intraday });
  assert.equal(intraday.points('i:KSE100').length, 1);
});
