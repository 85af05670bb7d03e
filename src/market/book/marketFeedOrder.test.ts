import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { PSX_CALENDAR } from '../sessions/tradingCalendar.js';
import { Market } from './market.js';

// Tuesday 31 Jan 2023, 11:00 in Karachi, inside the session.
const at = (seconds: number) => new Date(Date.UTC(2023, 0, 31, 6, 0, seconds));

function market(): Market {
  return new Market({
    listings: [
      {
        instrument: defineInstrument({
          symbol: 'OGDC',
          name: 'OGDC',
          sector: 'Oil',
          sharesOutstanding: 1000,
          freeFloat: 10_000,
        }),
        ldcp: paisa(8800),
      },
    ],
    indices: [
      { code: 'X', name: 'X', baseValue: 100_000, constituents: [{ symbol: 'OGDC', shares: 1000, freeFloat: 10_000 }] },
    ],
    fx: [],
    ldcpTime: new Date('2023-01-30T12:00:00Z'),
    calendar: PSX_CALENDAR,
  });
}

describe("out-of-order trades follow the feed's sequence", () => {
  test('a later seq stamped earlier than the quote moves the price and the index; it never freezes', () => {
    const m = market();
    const now = at(30);
    assert.equal(
      m.submitTrade({ symbol: 'OGDC', price: paisa(8850), volume: 100, time: at(10), seq: 1, feed: 'psx' }, now).ok,
      true,
    );
    const later = m.submitTrade(
      { symbol: 'OGDC', price: paisa(8870), volume: 100, time: at(5), seq: 2, feed: 'psx' },
      now,
    );
    assert.deepEqual(later, { ok: true, duplicate: false, outOfOrder: false });
    assert.equal(m.quote('OGDC')?.last, 8870);
    assert.equal(m.quote('OGDC')?.time.getTime(), at(10).getTime(), 'the quote time never moves back');
    const index = m.snapshot().indices[0];
    assert.equal(index?.value, Math.round((100_000 * 8870) / 8800));
    // Every current trade after it keeps moving the price.
    m.submitTrade({ symbol: 'OGDC', price: paisa(8860), volume: 100, time: at(11), seq: 3, feed: 'psx' }, now);
    assert.equal(m.quote('OGDC')?.last, 8860);
  });

  test('an earlier seq arriving late counts in volume and range but leaves the price', () => {
    const m = market();
    const now = at(30);
    m.submitTrade({ symbol: 'OGDC', price: paisa(8850), volume: 100, time: at(5), seq: 7, feed: 'psx' }, now);
    const late = m.submitTrade(
      { symbol: 'OGDC', price: paisa(8900), volume: 50, time: at(10), seq: 6, feed: 'psx' },
      now,
    );
    assert.deepEqual(late, { ok: true, duplicate: false, outOfOrder: true });
    const quote = m.quote('OGDC');
    assert.deepEqual([quote?.last, quote?.high, quote?.volume], [8850, 8900, 150]);
  });

  test('without a seq the stamp orders trades, as before', () => {
    const m = market();
    m.applyTrade({ symbol: 'OGDC', price: paisa(8850), volume: 100, time: at(10) });
    m.applyTrade({ symbol: 'OGDC', price: paisa(8870), volume: 100, time: at(5) });
    assert.equal(m.quote('OGDC')?.last, 8850);
  });
});
