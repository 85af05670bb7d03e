import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Market, type MarketSetup } from '../book/market.js';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import type { Trade } from '../quotes/trade.js';
import { CLOCK_SKEW_MS, TimelyWindow, untimelyTrade } from './timeliness.js';
import { dateOfDay, dayNumber, instantOf, PSX_CALENDAR } from './tradingCalendar.js';

// Tuesday 31 Jan 2023, 11:00 in Karachi.
const NOW = instantOf('2023-01-31', '11:00');
const day = { calendar: PSX_CALENDAR, lastClosed: '2023-01-30', now: NOW };
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('untimelyTrade', () => {
  test('today, up to the clock skew ahead, is on time', () => {
    assert.equal(untimelyTrade(instantOf('2023-01-31', '09:30'), day), null);
    assert.equal(untimelyTrade(later(CLOCK_SKEW_MS), day), null);
  });

  test('ahead of the clock beyond the skew is future, however far', () => {
    for (const time of [later(CLOCK_SKEW_MS + 1), later(3_600_000), new Date('9999-06-01T00:00:00Z')]) {
      const rejection = untimelyTrade(time, day);
      assert.equal(rejection?.code, 'future', time.toISOString());
      assert.match(rejection?.reason ?? '', /ahead of the server's clock/);
    }
  });

  test('an earlier Karachi date is stale, even where UTC says today', () => {
    for (const time of [
      new Date('1970-01-01T00:00:00Z'),
      instantOf('2023-01-30', '15:00'),
      // 18:59 UTC on the 30th is 23:59 in Karachi; 19:00 UTC is already the 31st.
      new Date('2023-01-30T18:59:59Z'),
    ]) {
      assert.equal(untimelyTrade(time, { ...day, lastClosed: null })?.code, 'stale', time.toISOString());
    }
    assert.equal(untimelyTrade(new Date('2023-01-30T19:00:00Z'), day), null);
    assert.match(
      untimelyTrade(instantOf('2023-01-30', '15:00'), { ...day, lastClosed: null })?.reason ?? '',
      /before today's trading day 2023-01-31/,
    );
  });

  test('a closed day is stale without a clock too (a replay judges it the same)', () => {
    const replay = { calendar: PSX_CALENDAR, lastClosed: '2023-01-31' };
    assert.equal(untimelyTrade(instantOf('2023-01-31', '15:00'), replay)?.code, 'stale');
    assert.equal(untimelyTrade(instantOf('2023-02-01', '10:00'), replay), null);
  });

  test('a time the calendar cannot date is malformed, not an exception', () => {
    const replay = { calendar: PSX_CALENDAR, lastClosed: null };
    for (const text of ['9999-12-31T23:59:59Z', '0001-01-01T00:00:00Z', '0099-06-01T00:00:00Z']) {
      assert.equal(untimelyTrade(new Date(text), replay)?.code, 'malformed', text);
    }
  });
});

describe('TimelyWindow', () => {
  const DAY = 86_400_000;
  const lastClosed = fc.option(
    fc.integer({ min: Date.UTC(1000, 0, 1) / DAY, max: Date.UTC(9999, 11, 31) / DAY }).map(dateOfDay),
  );
  const calendar = fc.integer({ min: -14 * 60, max: 14 * 60 }).map((utcOffsetMinutes) => ({
    ...PSX_CALENDAR,
    utcOffsetMinutes,
  }));
  // Near the edges that matter (the closed day's end, the clock, the datable years) and anywhere.
  const instant = fc.oneof(
    fc.integer({ min: -8.64e15, max: 8.64e15 }),
    fc.integer({ min: Date.UTC(999, 11, 30), max: Date.UTC(1000, 0, 3) }),
    fc.integer({ min: Date.UTC(9999, 11, 29), max: Date.UTC(9999, 11, 31) }),
    fc.integer({ min: Date.UTC(2023, 0, 29), max: Date.UTC(2023, 1, 2) }),
  );

  test('passes exactly the trades untimelyTrade finds on time, however its figures change', () => {
    const window = new TimelyWindow();
    fc.assert(
      fc.property(
        calendar,
        lastClosed,
        fc.option(instant, { nil: undefined }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.array(fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -2 * DAY, max: 2 * DAY }), instant), {
          minLength: 1,
          maxLength: 8,
        }),
        (calendar, lastClosed, nowMs, skewMs, offsets) => {
          const now = nowMs === undefined ? undefined : new Date(nowMs);
          // Each offset from the edges: the local start of the day after the closed one, the clock plus the
          // skew, the local start of the clock's day; and as an instant itself.
          const local = calendar.utcOffsetMinutes * 60_000;
          const edges = [
            lastClosed === null ? 0 : (dayNumber(lastClosed) + 1) * DAY - local,
            nowMs === undefined ? 0 : nowMs + skewMs,
            nowMs === undefined ? 0 : Math.floor((nowMs + local) / DAY) * DAY - local,
          ];
          for (const offset of offsets) {
            for (const ms of [offset, ...edges.map((edge) => edge + offset)]) {
              const time = new Date(ms);
              if (Number.isNaN(time.getTime())) continue;
              const day = { calendar, lastClosed, skewMs, ...(now === undefined ? {} : { now }) };
              assert.equal(
                window.passes(ms, calendar, lastClosed, now, skewMs),
                untimelyTrade(time, day) === null,
                `${time.toISOString()} ${JSON.stringify(day)}`,
              );
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('a market with a clock', () => {
  const setup: MarketSetup = {
    listings: [
      {
        instrument: defineInstrument({
          symbol: 'AVN',
          name: 'AVN Limited',
          sector: 'Test',
          sharesOutstanding: 1000,
          freeFloat: 10_000,
        }),
        ldcp: paisa(6417),
      },
    ],
    indices: [],
    fx: [],
    ldcpTime: instantOf('2023-01-31', '09:00'),
    calendar: PSX_CALENDAR,
    enforceSessions: false,
  };
  const trade = (time: Date, seq: number): Trade => ({ symbol: 'AVN', price: paisa(6480), volume: 100, time, seq });

  test('an untimely trade changes nothing; a timely one in the same stream prints', () => {
    const market = new Market(setup);
    const before = { version: market.version, quote: market.quote('AVN'), snapshot: market.snapshot() };
    for (const [i, time] of [
      new Date('9999-12-31T23:59:59Z'),
      new Date('9999-01-01T00:00:00Z'),
      new Date('1970-01-01T00:00:00Z'),
      instantOf('2023-01-30', '11:00'),
      later(3_600_000),
    ].entries()) {
      const receipt = market.submitTrade(trade(time, i), NOW);
      assert.equal(receipt.ok, false, time.toISOString());
    }
    assert.equal(market.version, before.version);
    assert.deepEqual(market.quote('AVN'), before.quote);
    assert.deepEqual(market.snapshot(), before.snapshot);
    assert.deepEqual(market.submitTrade(trade(NOW, 10), NOW), { ok: true, duplicate: false, outOfOrder: false });
    assert.deepEqual([market.quote('AVN')?.volume, market.quote('AVN')?.time], [100, NOW]);
  });

  test("the quote's time never moves back: a first trade before the LDCP's time keeps it", () => {
    const market = new Market({ ...setup, ldcpTime: instantOf('2023-01-31', '10:30') });
    assert.ok(market.submitTrade(trade(instantOf('2023-01-31', '10:00'), 1), NOW).ok);
    assert.deepEqual(market.quote('AVN')?.time, instantOf('2023-01-31', '10:30'));
    assert.equal(market.quote('AVN')?.last, 6480);
  });

  test('an FX rate ahead of the clock is refused and leaves the live rate alone', () => {
    const market = new Market(setup);
    const rate = { pair: 'USD/PKR', market: 'interbank' as const, buying: paisa(26810), selling: paisa(26810) };
    const ahead = market.setFxRate({ ...rate, time: new Date('9999-12-31T23:59:59Z') }, NOW);
    assert.equal(ahead.ok, false);
    assert.equal(market.setFxRate({ ...rate, time: later(3_600_000) }, NOW).ok, false);
    assert.equal(market.fxRates().length, 0);
    assert.deepEqual(market.setFxRate({ ...rate, time: NOW }, NOW), { ok: true });
    // Without a clock (a replay) a time the calendar cannot date is still refused, not thrown.
    assert.equal(market.setFxRate({ ...rate, time: new Date('9999-12-31T23:59:59Z') }).ok, false);
  });
});
