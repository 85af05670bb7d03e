import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Market } from '../book/market.js';
import type { MarketState } from '../book/marketState.js';
import { IndexCalculator } from '../indices/indexCalculator.js';
import { type Paisa, paisa } from '../money/money.js';
import { defineInstrument } from '../quotes/instrument.js';
import { type ClosingRow, withClosingSession } from './closingFileDay.js';

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD'] as const;
const SHARES = [1_000_000, 4_000_000, 250_000, 9_000_000];
const LDCPS = [10_000, 5_000, 64_000, 1_234];

function market(): Market {
  return new Market({
    listings: SYMBOLS.map((symbol, i) => ({
      instrument: defineInstrument({
        symbol,
        name: symbol,
        sector: '0820',
        sharesOutstanding: SHARES[i] ?? 1,
        freeFloat: 5_000,
      }),
      ldcp: paisa(LDCPS[i] ?? 100),
    })),
    indices: [
      {
        code: 'IDX',
        name: 'Test index',
        baseValue: 4_000_000,
        constituents: SYMBOLS.slice(0, 3).map((symbol, i) => ({ symbol, shares: SHARES[i] ?? 1, freeFloat: 5_000 })),
      },
    ],
    fx: [],
    ldcpTime: new Date('2024-01-01T10:30:00Z'),
  });
}

const row = (symbol: string, ldcp: number, close: number): ClosingRow => ({
  line: 1,
  date: '2024-01-02',
  symbol,
  sector: '0820',
  name: symbol,
  open: paisa(ldcp),
  high: paisa(Math.max(ldcp, close)),
  low: paisa(Math.min(ldcp, close)),
  close: paisa(close),
  volume: 100,
  ldcp: paisa(ldcp),
});

const index = (state: MarketState) => {
  const found = state.indices[0];
  assert.ok(found);
  return found;
};

/** The level an index state's calculator gives at `prices` (others at the prices it holds), at its own divisor. */
function levelAt(state: MarketState, prices: ReadonlyMap<string, number>): number {
  const calculator = IndexCalculator.fromState(index(state).calculator);
  for (const [symbol, price] of prices) calculator.applyPrice(symbol, price as Paisa);
  return calculator.value();
}

describe('a closing file laid over a market that holds other prices', () => {
  test('each index is rebased: previous close at the file LDCPs, change the day move, divisor kept', () => {
    const live = market();
    // The market has moved far from the file's prices (another day, or the demo).
    live.applyTrade({ symbol: 'AAA', price: paisa(11_000), volume: 10, time: new Date('2024-01-01T11:00:00Z') });
    live.applyTrade({ symbol: 'BBB', price: paisa(5_500), volume: 10, time: new Date('2024-01-01T11:00:00Z') });
    const before = live.exportState();
    const rows = [row('AAA', 14_000, 13_020), row('BBB', 7_000, 7_280), row('CCC', 90_000, 90_900)];
    const after = withClosingSession(before, rows);
    const rebased = index(after);
    assert.deepEqual(
      [rebased.calculator.divisorNumerator, rebased.calculator.divisorDenominator],
      [index(before).calculator.divisorNumerator, index(before).calculator.divisorDenominator],
    );
    const ldcps = new Map(rows.map((r) => [r.symbol, r.ldcp]));
    const closes = new Map(rows.map((r) => [r.symbol, r.close]));
    assert.equal(rebased.previousClose, levelAt(before, ldcps));
    live.restoreState(after);
    const view = live.snapshot().indices.find((i) => i.code === 'IDX');
    assert.ok(view);
    assert.equal(view.value, levelAt(before, closes));
    assert.equal(view.previousClose, rebased.previousClose);
    // Members moved −7 %, +4 %, +1 %: the index's day move lies between them, nowhere near the jump from the old prices.
    const percent = (view.value - view.previousClose) / view.previousClose;
    assert.ok(percent > -0.07 && percent < 0.04, String(percent));
    assert.ok(rebased.open !== null && rebased.high !== null && rebased.low !== null);
    assert.equal(rebased.open, rebased.previousClose);
  });

  test('an untraded row leaves its listed stock untraded at the previous close the file carries, with no volume', () => {
    const live = market();
    live.applyTrade({ symbol: 'CCC', price: paisa(65_000), volume: 10, time: new Date('2024-01-01T11:00:00Z') });
    const before = live.exportState();
    const after = withClosingSession(
      before,
      [row('AAA', 10_000, 10_100)],
      [
        { line: 2, date: '2024-01-02', symbol: 'CCC', sector: '0820', name: 'CCC', close: paisa(63_500) },
        { line: 3, date: '2024-01-02', symbol: 'NEW', sector: '0820', name: 'New', close: paisa(1_000) },
      ],
    );
    const ccc = after.quotes.find((q) => q.symbol === 'CCC');
    assert.deepEqual(ccc, {
      symbol: 'CCC',
      ldcp: 63_500,
      open: null,
      high: null,
      low: null,
      last: 63_500,
      volume: 0,
      time: '2024-01-02T10:30:00.000Z',
    });
    assert.equal(
      after.quotes.some((q) => q.symbol === 'NEW'),
      false,
    );
    const held = new Map(index(after).calculator.prices);
    assert.equal(held.get('CCC'), 63_500);
    live.restoreState(after);
    const view = live.snapshot().indices.find((i) => i.code === 'IDX');
    assert.ok(view);
    // Only AAA moved on the day (+1 %).
    assert.equal(view.value - view.previousClose, levelAt(after, new Map()) - index(after).previousClose);
    assert.ok(view.value > view.previousClose);
  });

  test('property: an import changes an index only through its members: divisor kept, level at the new prices, unchanged when they are', () => {
    const price = fc.integer({ min: 100, max: 500_000 });
    fc.assert(
      fc.property(
        fc.array(price, { minLength: 4, maxLength: 4 }),
        fc.array(fc.option(fc.tuple(price, price), { nil: undefined }), { minLength: 4, maxLength: 4 }),
        (traded, file) => {
          const live = market();
          traded.forEach((p, i) => {
            const symbol = SYMBOLS[i] ?? 'AAA';
            // Inside today's band, so every trade is taken.
            const ldcp = LDCPS[i] ?? 100;
            const within = Math.min(Math.max(p, Math.ceil(ldcp * 0.91)), Math.floor(ldcp * 1.09));
            live.applyTrade({ symbol, price: paisa(within), volume: 1, time: new Date('2024-01-01T11:00:00Z') });
          });
          const before = live.exportState();
          const rows = file.flatMap((day, i) => (day === undefined ? [] : [row(SYMBOLS[i] ?? 'AAA', day[0], day[1])]));
          if (rows.length === 0) return;
          const after = withClosingSession(before, rows);
          const was = index(before);
          const now = index(after);
          assert.equal(now.calculator.divisorNumerator, was.calculator.divisorNumerator);
          assert.equal(now.calculator.divisorDenominator, was.calculator.divisorDenominator);
          const closes = new Map(rows.map((r) => [r.symbol, r.close]));
          live.restoreState(after);
          const view = live.snapshot().indices.find((i) => i.code === 'IDX');
          assert.ok(view);
          assert.equal(view.value, levelAt(before, closes));
          const quotes = new Map(after.quotes.map((q) => [q.symbol, q.ldcp]));
          assert.equal(now.previousClose, levelAt(before, quotes));
          // A file that repeats the prices the index holds leaves its level where it was.
          const same = rows.map((r) => {
            const heldPrice = new Map(was.calculator.prices).get(r.symbol) ?? r.close;
            return {
              ...r,
              close: heldPrice,
              high: paisa(Math.max(heldPrice, r.ldcp)),
              low: paisa(Math.min(heldPrice, r.ldcp)),
            };
          });
          const unchanged = market();
          unchanged.restoreState(withClosingSession(before, same));
          live.restoreState(before);
          assert.equal(
            unchanged.snapshot().indices.find((i) => i.code === 'IDX')?.value,
            live.snapshot().indices.find((i) => i.code === 'IDX')?.value,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
