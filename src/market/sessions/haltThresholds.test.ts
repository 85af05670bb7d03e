import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { IndexCalculator } from '../indices/indexCalculator.js';
import { type Paisa, paisa } from '../money/money.js';
import type { TrackedIndex } from '../quotes/dayTally.js';
import { BreachBand } from './haltThresholds.js';
import { type HaltRule, isBreach, PSX_HALT_RULE } from './marketHalt.js';

function tracked(calculator: IndexCalculator, previousClose: number): TrackedIndex {
  return {
    calculator,
    returnType: 'price',
    baseDate: undefined,
    maxWeightBasisPoints: undefined,
    weighting: 'free-float',
    baseValue: undefined,
    previousClose,
    time: new Date(0),
    open: null,
    high: null,
    low: null,
    highCapitalisation: null,
    lowCapitalisation: null,
  };
}

function byLevel(index: TrackedIndex, rule: HaltRule): boolean {
  return isBreach({ value: index.calculator.value(), previousClose: index.previousClose }, rule);
}

const symbols = ['A', 'B', 'C'];
const priceArb = fc.integer({ min: 1, max: 2_000_000 }).map(paisa);
const scenarioArb = fc.record({
  constituents: fc.tuple(
    ...symbols.map((symbol) =>
      fc.record({
        symbol: fc.constant(symbol),
        shares: fc.integer({ min: 1, max: 10_000_000_000 }),
        freeFloat: fc.integer({ min: 1, max: 10_000 }),
        capFactor: fc.integer({ min: 1, max: 10_000 }),
      }),
    ),
  ),
  prices: fc.tuple(...symbols.map(() => priceArb)),
  baseValue: fc.integer({ min: 1, max: 100_000_000 }),
  thresholdBasisPoints: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(500, 400, 1)),
  trades: fc.array(fc.tuple(fc.constantFrom(...symbols), priceArb), { maxLength: 60, size: 'max' }),
});

describe('BreachBand', () => {
  test('agrees with isBreach on the level, at every previous close around both edges', () => {
    fc.assert(
      fc.property(scenarioArb, ({ constituents, prices, baseValue, thresholdBasisPoints, trades }) => {
        const start = new Map<string, Paisa>(prices.map((price, i) => [symbols[i] as string, price]));
        const calculator = new IndexCalculator({ code: 'K', name: 'K', baseValue, constituents }, start);
        const rule = { ...PSX_HALT_RULE, indexCode: 'K', thresholdBasisPoints };
        const band = new BreachBand();
        for (const [symbol, price] of trades) {
          calculator.applyPrice(symbol, price);
          const value = calculator.value();
          // isBreach's own arithmetic is exact only while |level − close|·10,000 is a safe integer.
          if (value > 100_000_000_000) continue;
          // The closes for which this level is just inside or just outside the threshold, either way.
          const edges = [
            Math.round((value * 10_000) / (10_000 + thresholdBasisPoints)),
            Math.round((value * 10_000) / Math.max(10_000 - thresholdBasisPoints, 1)),
            value,
          ];
          for (const edge of edges) {
            for (let offset = -3; offset <= 3; offset++) {
              const previousClose = Math.max(edge + offset, 0);
              if (previousClose > 100_000_000_000) continue;
              const index = tracked(calculator, previousClose);
              assert.equal(band.isBreach(index, rule), byLevel(index, rule), `close ${previousClose}, level ${value}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('is exact where the capitalisation sits on an edge itself', () => {
    // One constituent of weight 1: its price is the capitalisation, so a trade can land on any value,
    // including the least capitalisation of each level around both breach edges.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(500, 1)),
        (ldcp, baseValue, previousClose, thresholdBasisPoints) => {
          const calculator = new IndexCalculator(
            {
              code: 'K',
              name: 'K',
              baseValue,
              constituents: [{ symbol: 'A', shares: 1, freeFloat: 1, capFactor: 1 }],
            },
            new Map([['A', paisa(ldcp)]]),
          );
          const index = tracked(calculator, previousClose);
          const rule = { ...PSX_HALT_RULE, indexCode: 'K', thresholdBasisPoints };
          const band = new BreachBand();
          const reach = Math.ceil((thresholdBasisPoints * previousClose) / 10_000);
          for (const edge of [previousClose + reach, previousClose - reach + 1]) {
            for (let level = edge - 2; level <= edge + 2; level++) {
              const least = calculator.capitalisationForLevel(BigInt(level));
              for (const capitalisation of [least - 1n, least, least + 1n]) {
                if (capitalisation < 1n || capitalisation > BigInt(Number.MAX_SAFE_INTEGER)) continue;
                calculator.applyPrice('A', paisa(Number(capitalisation)));
                if (calculator.value() > 100_000_000_000) continue;
                assert.equal(band.isBreach(index, rule), byLevel(index, rule), `at ${capitalisation}`);
              }
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('follows a divisor change and a new previous close', () => {
    const prices = new Map<string, Paisa>([
      ['A', paisa(10_000)],
      ['B', paisa(5_000)],
    ]);
    const constituents = [
      { symbol: 'A', shares: 1000, freeFloat: 5000 },
      { symbol: 'B', shares: 4000, freeFloat: 2500 },
    ];
    const calculator = new IndexCalculator({ code: 'K', name: 'K', baseValue: 100_000, constituents }, prices);
    const index = tracked(calculator, 100_000);
    const rule = { ...PSX_HALT_RULE, indexCode: 'K' };
    const band = new BreachBand();
    calculator.applyPrice('A', paisa(10_999)); // 104,990: 4.99 % up
    assert.equal(band.isBreach(index, rule), false);
    calculator.applyPrice('A', paisa(11_000)); // 105,000: exactly 5 %
    assert.equal(band.isBreach(index, rule), true);
    // Doubling B's shares moves the divisor, not the level; a B trade now weighs twice as much.
    calculator.setShares('B', 8000);
    calculator.applyPrice('B', paisa(4_999));
    assert.equal(calculator.value(), 104_986); // 1,050 × 154,980 ÷ 155,000
    assert.equal(band.isBreach(index, rule), false);
    index.previousClose = 99_986; // 5,000 hundredths up is more than 5 % of 99,986
    assert.equal(band.isBreach(index, rule), true);
    calculator.applyPrice('A', paisa(5_000)); // far below
    assert.equal(band.isBreach(index, rule), byLevel(index, rule));
    assert.equal(band.isBreach(index, rule), true);
  });

  test('a threshold in fractions of a basis point falls back to the level', () => {
    const prices = new Map<string, Paisa>([['A', paisa(10_000)]]);
    const calculator = new IndexCalculator(
      { code: 'K', name: 'K', baseValue: 100_000, constituents: [{ symbol: 'A', shares: 1000, freeFloat: 10_000 }] },
      prices,
    );
    const index = tracked(calculator, 100_000);
    const rule = { ...PSX_HALT_RULE, indexCode: 'K', thresholdBasisPoints: 499.5 };
    const band = new BreachBand();
    calculator.applyPrice('A', paisa(10_499));
    assert.equal(band.isBreach(index, rule), false);
    calculator.applyPrice('A', paisa(10_500));
    assert.equal(band.isBreach(index, rule), true);
  });
});
