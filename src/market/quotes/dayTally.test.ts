import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { IndexCalculator } from '../indices/indexCalculator.js';
import { type Paisa, paisa } from '../money/money.js';
import { indexBar, indexRange, observeRange, settleRange, type TrackedIndex } from './dayTally.js';

// A at Rs 100 × 1,000 shares and B at Rs 50 × 4,000 shares, both at 50 % float: 1,000.00 points.
function tracked(): TrackedIndex {
  const prices = new Map<string, Paisa>([
    ['A', paisa(10_000)],
    ['B', paisa(5_000)],
  ]);
  const constituents = [
    { symbol: 'A', shares: 1000, freeFloat: 5000 },
    { symbol: 'B', shares: 4000, freeFloat: 5000 },
  ];
  return {
    calculator: new IndexCalculator({ code: 'T', name: 'T', baseValue: 100_000, constituents }, prices),
    returnType: 'price',
    baseDate: undefined,
    maxWeightBasisPoints: undefined,
    weighting: 'free-float',
    baseValue: undefined,
    previousClose: 100_000,
    time: new Date(0),
    open: null,
    high: null,
    low: null,
    highCapitalisation: null,
    lowCapitalisation: null,
  };
}

describe('index range', () => {
  test('high and low are the extreme levels the trades reached', () => {
    const index = tracked();
    assert.deepEqual(indexRange(index), { high: null, low: null });
    index.calculator.applyPrice('A', paisa(11_000)); // Rs 150,000 free-float cap → 155,000: 1,033.33
    observeRange(index, new Date(1));
    index.calculator.applyPrice('A', paisa(9_000)); // 966.67
    observeRange(index, new Date(2));
    index.calculator.applyPrice('A', paisa(10_000));
    observeRange(index, new Date(3));
    assert.equal(index.open, 103_333);
    assert.deepEqual(indexRange(index), { high: 103_333, low: 96_667 });
    assert.deepEqual(index.time, new Date(3));
  });

  test('a divisor change keeps the range as levels, settled before it', () => {
    const index = tracked();
    index.calculator.applyPrice('A', paisa(12_000)); // 1,066.67
    observeRange(index, new Date(1));
    settleRange(index);
    // Doubling B's shares doubles its cap; the divisor moves so the level stays 1,066.67.
    index.calculator.setShares('B', 8000);
    assert.equal(index.calculator.value(), 106_667);
    index.calculator.applyPrice('A', paisa(11_000));
    observeRange(index, new Date(2));
    const range = indexRange(index);
    assert.equal(range.high, 106_667);
    assert.equal(range.low, index.calculator.value());
    assert.equal(range.low, 104_615); // 1,066.67 × 255,000 ÷ 260,000
    const bar = indexBar('2023-01-02', index, index.calculator.value(), 0, 0);
    assert.equal(bar.high, 106_667);
    assert.equal(bar.low, range.low);
  });
});

describe('index range, property', () => {
  test('high and low are the highest and lowest levels any trade left, through a divisor change', () => {
    const priceArb = fc.integer({ min: 1, max: 2_000_000 }).map(paisa);
    const tradesArb = fc.array(fc.tuple(fc.constantFrom('A', 'B'), priceArb), { maxLength: 50, size: 'max' });
    fc.assert(
      fc.property(tradesArb, fc.integer({ min: 1, max: 100_000 }), tradesArb, (before, shares, after) => {
        const index = tracked();
        const levels: number[] = [];
        for (const [symbol, price] of before) {
          index.calculator.applyPrice(symbol, price);
          observeRange(index, new Date(1));
          levels.push(index.calculator.value());
        }
        settleRange(index);
        index.calculator.setShares('B', shares);
        for (const [symbol, price] of after) {
          index.calculator.applyPrice(symbol, price);
          observeRange(index, new Date(2));
          levels.push(index.calculator.value());
        }
        assert.deepEqual(
          indexRange(index),
          levels.length === 0 ? { high: null, low: null } : { high: Math.max(...levels), low: Math.min(...levels) },
        );
      }),
      { numRuns: 300 },
    );
  });
});
