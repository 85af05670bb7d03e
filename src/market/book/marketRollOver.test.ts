import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { instantOf, PSX_CALENDAR } from '../sessions/tradingCalendar.js';
import { Market } from './market.js';

// Mon 2023-01-30 … Fri 2023-02-03; Sat 02-04.
const at = (date: string, time: string) => instantOf(date, time);

function realMarket(): Market {
  return new Market({
    listings: [
      {
        instrument: defineInstrument({ symbol: 'A', name: 'A', sector: 'S', sharesOutstanding: 10, freeFloat: 10_000 }),
        ldcp: paisa(10_000),
      },
    ],
    indices: [],
    fx: [],
    ldcpTime: at('2023-01-27', '17:00'),
    calendar: PSX_CALENDAR,
  });
}

describe('Market.dayToRollOver', () => {
  test('nothing to close while nothing traded, nor on the day itself', () => {
    const market = realMarket();
    assert.equal(market.dayToRollOver(at('2023-01-31', '10:00')), null);
    assert.equal(
      market.applyTrade({ symbol: 'A', price: paisa(10_100), volume: 5, time: at('2023-01-30', '10:00') }).ok,
      true,
    );
    assert.equal(market.dayToRollOver(at('2023-01-30', '23:59')), null);
  });

  test('the traded day once the date has moved past it, once; then the next traded day', () => {
    const market = realMarket();
    market.applyTrade({ symbol: 'A', price: paisa(10_100), volume: 5, time: at('2023-01-30', '10:00') });
    assert.equal(market.dayToRollOver(at('2023-01-31', '00:01')), '2023-01-30');
    // A Friday's trades are closed over the weekend too.
    assert.equal(market.closeDay('2023-01-30', at('2023-01-31', '00:01')).ok, true);
    assert.equal(market.dayToRollOver(at('2023-01-31', '09:00')), null);
    market.applyTrade({ symbol: 'A', price: paisa(10_200), volume: 5, time: at('2023-02-03', '10:00') });
    assert.equal(market.dayToRollOver(at('2023-02-04', '12:00')), '2023-02-03');
  });
});
