import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fiftyTwoWeekRange } from '../../market/quotes/barRange.js';
import { isTradingDay, PSX_CALENDAR, type TradingCalendar } from '../../market/sessions/tradingCalendar.js';
import { generateDemoHistory, previousTradingDate } from './demoHistory.js';
import { DEMO_INDICES, DEMO_LISTINGS } from './demoMarket.js';

const CALENDAR: TradingCalendar = { ...PSX_CALENDAR, holidays: ['2023-01-05', '2022-12-26'] };
const history = generateDemoHistory({
  listings: DEMO_LISTINGS,
  indices: DEMO_INDICES,
  lastDate: '2023-01-30',
  calendar: CALENDAR,
});

test('every demo stock and index has about a year of trading days, ending at the last date', () => {
  assert.equal(history.instruments.size, DEMO_LISTINGS.length);
  assert.equal(history.indices.size, DEMO_INDICES.length);
  for (const bars of [...history.instruments.values(), ...history.indices.values()]) {
    assert.ok(bars.length >= 250 && bars.length <= 262, `${bars.length} bars`);
    assert.equal(bars.at(-1)?.date, '2023-01-30');
    assert.ok((bars[0]?.date ?? '') >= '2022-01-31');
    for (const [i, bar] of bars.entries()) {
      assert.ok(isTradingDay(bar.date, CALENDAR), `${bar.date} is not a trading day`);
      if (i > 0) assert.ok(bar.date > (bars[i - 1]?.date ?? ''), 'dates ascend');
    }
    assert.ok(!bars.some((bar) => bar.date === '2023-01-05' || bar.date === '2022-12-26'), 'no holiday bars');
  }
});

test('bars are consistent: low ≤ open, close ≤ high, positive whole numbers, volume and turnover ≥ 0', () => {
  for (const [code, bars] of [...history.instruments, ...history.indices]) {
    for (const bar of bars) {
      const where = `${code} ${bar.date}`;
      for (const figure of [bar.open, bar.high, bar.low, bar.close, bar.volume, bar.turnover]) {
        assert.ok(Number.isSafeInteger(figure), where);
      }
      assert.ok(bar.low > 0, where);
      assert.ok(bar.low <= Math.min(bar.open, bar.close), where);
      assert.ok(bar.high >= Math.max(bar.open, bar.close), where);
      assert.ok(bar.volume >= 0 && bar.turnover !== null && bar.turnover >= 0, where);
    }
  }
});

test('the last close is the LDCP for stocks and the previous close for indices', () => {
  for (const listing of DEMO_LISTINGS) {
    assert.equal(history.instruments.get(listing.instrument.symbol)?.at(-1)?.close, listing.ldcp);
  }
  for (const index of DEMO_INDICES) assert.equal(history.indices.get(index.code)?.at(-1)?.close, index.baseValue);
});

test('daily moves are plausible: within the price band, and the walk actually moves', () => {
  for (const [symbol, bars] of history.instruments) {
    let moved = 0;
    for (let i = 1; i < bars.length; i += 1) {
      const previous = bars[i - 1]?.close ?? 0;
      const close = bars[i]?.close ?? 0;
      if (close !== previous) moved += 1;
      // Rounding to the paisa can add a paisa on the cheapest stocks.
      assert.ok(Math.abs(close - previous) <= previous * 0.08 + 1, `${symbol} ${bars[i]?.date}`);
    }
    assert.ok(moved > bars.length / 3, `${symbol} hardly moves`);
  }
});

test('the same input gives the same history', () => {
  const again = generateDemoHistory({
    listings: DEMO_LISTINGS,
    indices: DEMO_INDICES,
    lastDate: '2023-01-30',
    calendar: CALENDAR,
  });
  assert.deepEqual(again.instruments.get('OGDC'), history.instruments.get('OGDC'));
  assert.deepEqual(again.indices.get('KSE100'), history.indices.get('KSE100'));
});

test('previous trading date skips weekends and holidays', () => {
  assert.equal(previousTradingDate('2023-01-31', CALENDAR), '2023-01-30');
  assert.equal(previousTradingDate('2023-01-30', CALENDAR), '2023-01-27');
  assert.equal(previousTradingDate('2023-01-06', CALENDAR), '2023-01-04');
});

test('52-week range covers the last 52 weeks and today', () => {
  const bars = history.instruments.get('HUBC') ?? [];
  const range = fiftyTwoWeekRange(bars, '2023-01-31');
  assert.ok(range);
  assert.equal(range.high, Math.max(...bars.map((bar) => bar.high)));
  assert.equal(range.low, Math.min(...bars.map((bar) => bar.low)));
  const widened = fiftyTwoWeekRange(bars, '2023-01-31', { high: range.high + 5, low: range.low });
  assert.equal(widened?.high, range.high + 5);
  const old = [{ date: '2021-01-04', high: 999_999, low: 1 }, ...bars];
  assert.deepEqual(fiftyTwoWeekRange(old, '2023-01-31'), range, 'bars over a year old do not count');
  assert.equal(fiftyTwoWeekRange([], '2023-01-31'), null);
});
