import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { instantOf, PSX_CALENDAR } from '../sessions/tradingCalendar.js';
import { Market, type MarketSetup } from './market.js';

// 3 Feb 2023 was a Friday, 4 and 5 Feb a weekend.
const at = (date: string, time: string) => instantOf(date, time);

function setup(enforceSessions: boolean): MarketSetup {
  return {
    listings: [
      {
        instrument: defineInstrument({
          symbol: 'AVN',
          name: 'Avanceon',
          sector: 'Test',
          sharesOutstanding: 1000,
          freeFloat: 10_000,
        }),
        ldcp: paisa(6417),
      },
    ],
    indices: [],
    fx: [],
    ldcpTime: at('2023-02-02', '16:30'),
    calendar: { ...PSX_CALENDAR, holidays: ['2023-02-06'] },
    enforceSessions,
  };
}

describe('closing a day that had no session', () => {
  test('a weekend or a holiday is refused and changes nothing; the trading day before it closes', () => {
    const market = new Market(setup(true));
    const before = market.exportState();
    for (const date of ['2023-02-04', '2023-02-05', '2023-02-06']) {
      const result = market.closeDay(date, at(date, '17:30'));
      assert.equal(result.ok, false, date);
      assert.match(result.ok ? '' : result.reason, /not a trading day/);
    }
    assert.deepEqual(market.exportState(), before);
    assert.equal(market.lastClosedDate, null);
    const friday = market.closeDay('2023-02-03', at('2023-02-03', '17:30'));
    assert.ok(friday.ok);
    assert.equal(friday.endOfDay.nextTradingDate, '2023-02-07');
  });

  test('a market that trades round the clock (sessions not enforced, as the demo) closes any day', () => {
    const market = new Market(setup(false));
    assert.ok(market.closeDay('2023-02-04', at('2023-02-04', '23:59')).ok);
  });
});

describe('the status after the desk closes the day during its session', () => {
  test('says closed for the day while the timetable still runs, then follows the calendar from midnight', () => {
    const market = new Market(setup(true));
    const noon = at('2023-02-03', '10:00');
    assert.equal(market.tick(noon)?.text, 'Market open');
    const closed = market.closeDay('2023-02-03', at('2023-02-03', '10:05'));
    assert.ok(closed.ok);
    // Every trade stamped today is now refused as stale: "Market open until 4:30pm" would be untrue.
    const status = market.tick(at('2023-02-03', '10:06'));
    assert.deepEqual(
      { phase: status?.phase, text: status?.text, next: status?.nextChange?.toISOString() },
      { phase: 'closed', text: 'Market closed for the day', next: at('2023-02-04', '00:00').toISOString() },
    );
    assert.equal(market.tick(at('2023-02-03', '15:00'))?.text, 'Market closed for the day');
    // Saturday: the calendar's own closed status again, up to Tuesday's pre-open (Monday is a holiday).
    const saturday = market.tick(at('2023-02-04', '08:00'));
    assert.equal(saturday?.text, 'Market closed');
    assert.equal(saturday?.nextChange?.toISOString(), at('2023-02-07', '09:15').toISOString());
  });

  test('the status comes back closed after a restore from the state', () => {
    const market = new Market(setup(true));
    assert.ok(market.closeDay('2023-02-03', at('2023-02-03', '10:05')).ok);
    const restored = new Market(setup(true));
    restored.restoreState(market.exportState());
    assert.equal(restored.tick(at('2023-02-03', '11:00'))?.text, 'Market closed for the day');
  });
});
