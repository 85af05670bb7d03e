import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { IndexCalculator, type IndexConstituent, type IndexDefinition } from './indexCalculator.js';
import { type Paisa, paisa } from './money.js';

// Hand example: A Rs 100.00 × 1,000 shares × 50 % float = Rs 50,000 free-float cap;
// B Rs 50.00 × 4,000 shares × 25 % float = Rs 50,000. Total Rs 100,000 at 1,000.00
// points → divisor Rs 100 per point.
const definition: IndexDefinition = {
  code: 'TEST',
  name: 'Test index',
  baseValue: 100_000,
  constituents: [
    { symbol: 'A', shares: 1000, freeFloat: 5000 },
    { symbol: 'B', shares: 4000, freeFloat: 2500 },
  ],
};
const openingPrices = new Map<string, Paisa>([
  ['A', paisa(10_000)],
  ['B', paisa(5_000)],
]);

describe('IndexCalculator', () => {
  test('starts at its base value', () => {
    const index = new IndexCalculator(definition, openingPrices);
    assert.equal(index.value(), 100_000);
    // Rs 100 per point = 10,000 paisa / 100 hundredths, times the bp·bp scale of 10^8.
    const { numerator, denominator } = index.divisor();
    assert.equal(numerator * 1n, 10_000_000_000n * denominator);
  });

  test('moves with each trade, incrementally', () => {
    const index = new IndexCalculator(definition, openingPrices);
    index.applyPrice('A', paisa(11_000)); // +Rs 5,000 free-float cap = +50 points
    assert.equal(index.value(), 105_000);
    index.applyPrice('B', paisa(4_999)); // −Rs 10 = −0.10 point
    assert.equal(index.value(), 104_990);
    index.applyPrice('B', paisa(5_000));
    index.applyPrice('A', paisa(10_000));
    assert.equal(index.value(), 100_000);
  });

  test('ignores symbols outside the index', () => {
    const index = new IndexCalculator(definition, openingPrices);
    index.applyPrice('ZZZ', paisa(1));
    assert.equal(index.value(), 100_000);
    assert.equal(index.includes('A'), true);
    assert.equal(index.includes('ZZZ'), false);
    assert.deepEqual(index.symbols(), ['A', 'B']);
  });

  test('rounds half a hundredth away from zero', () => {
    // A's weight is now Rs 0.005 of value per paisa: half a hundredth per paisa.
    const small: IndexDefinition = {
      ...definition,
      baseValue: 55_000,
      constituents: [
        { symbol: 'A', shares: 100, freeFloat: 5000 },
        { symbol: 'B', shares: 4000, freeFloat: 2500 },
      ],
    };
    const index = new IndexCalculator(small, openingPrices);
    index.applyPrice('A', paisa(10_001));
    assert.equal(index.value(), 55_001); // 55,000.5
    index.applyPrice('A', paisa(9_999));
    assert.equal(index.value(), 55_000); // 54,999.5
  });

  test('cap factor scales a constituent down', () => {
    const capped = new IndexCalculator(
      {
        ...definition,
        constituents: [
          { symbol: 'A', shares: 1000, freeFloat: 5000, capFactor: 5000 },
          { symbol: 'B', shares: 4000, freeFloat: 2500 },
        ],
      },
      openingPrices,
    );
    // A now counts Rs 25,000 of Rs 75,000: +10 % in A is +Rs 2,500 = +3.33 %.
    capped.applyPrice('A', paisa(11_000));
    assert.equal(capped.value(), 103_333);
  });

  test('a 100 % bonus issue halves the price and doubles shares without moving the index', () => {
    const index = new IndexCalculator(definition, openingPrices);
    index.applyPrice('A', paisa(11_000));
    const before = index.divisor();
    index.setShares('A', 2000, paisa(5_500));
    assert.equal(index.value(), 105_000);
    assert.deepEqual(index.divisor(), before);
  });

  test('adding a constituent moves the divisor, not the index; later trades weigh it in', () => {
    const index = new IndexCalculator(definition, openingPrices);
    index.applyPrice('A', paisa(11_000));
    index.recompose(
      [...definition.constituents, { symbol: 'C', shares: 5000, freeFloat: 10_000 }],
      new Map([['C', paisa(2_000)]]),
    );
    assert.equal(index.value(), 105_000);
    // Free-float cap is now Rs 205,000 at 1,050 points; C +10 % adds Rs 10,000: 1,050 × 215/205 = 1,101.2195.
    index.applyPrice('C', paisa(2_200));
    assert.equal(index.value(), 110_122);
  });

  test('dropping a constituent keeps the level and stops following it', () => {
    const index = new IndexCalculator(definition, openingPrices);
    index.applyPrice('B', paisa(5_500));
    const level = index.value();
    index.recompose([{ symbol: 'A', shares: 1000, freeFloat: 5000 }]);
    assert.equal(index.value(), level);
    index.applyPrice('B', paisa(1));
    assert.equal(index.value(), level);
    index.applyPrice('A', paisa(11_000)); // +10 % in the only constituent
    assert.equal(index.value(), Math.round(level * 1.1));
  });

  test('refuses impossible definitions, and a failed recomposition changes nothing', () => {
    assert.throws(() => new IndexCalculator({ ...definition, baseValue: 0 }, openingPrices), RangeError);
    assert.throws(() => new IndexCalculator(definition, new Map([['A', paisa(100)]])), /B: needs a positive price/);
    assert.throws(
      () =>
        new IndexCalculator(
          { ...definition, constituents: [{ symbol: 'A', shares: 1, freeFloat: 10_001 }] },
          openingPrices,
        ),
      /free float/,
    );
    const index = new IndexCalculator(definition, openingPrices);
    assert.throws(
      () =>
        index.recompose([
          { symbol: 'A', shares: 1, freeFloat: 5000 },
          { symbol: 'A', shares: 1, freeFloat: 5000 },
        ]),
      /twice/,
    );
    assert.throws(() => index.recompose([{ symbol: 'Q', shares: 1, freeFloat: 5000 }]), /Q: needs a positive price/);
    assert.throws(() => index.setShares('Q', 5), /not a constituent/);
    assert.equal(index.value(), 100_000);
    index.applyPrice('A', paisa(11_000));
    assert.equal(index.value(), 105_000);
  });
});

const symbols = ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'];
const constituentArb = (symbol: string) =>
  fc.record({
    symbol: fc.constant(symbol),
    shares: fc.integer({ min: 1, max: 30_000_000_000 }),
    freeFloat: fc.integer({ min: 1, max: 10_000 }),
    capFactor: fc.integer({ min: 1, max: 10_000 }),
  });
const constituentsArb = fc
  .subarray(symbols, { minLength: 1 })
  .chain((chosen) => fc.tuple(...chosen.map(constituentArb)));
const priceArb = fc.integer({ min: 1, max: 500_000 }).map(paisa);
const pricesArb = fc
  .tuple(...symbols.map(() => priceArb))
  .map((list) => new Map(list.map((p, i) => [symbols[i] as string, p])));
const tradesArb = fc.array(fc.tuple(fc.constantFrom(...symbols), priceArb), { maxLength: 40 });

describe('properties', () => {
  test('recomposition and share changes never move the index', () => {
    fc.assert(
      fc.property(
        constituentsArb,
        pricesArb,
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.array(fc.tuple(tradesArb, constituentsArb, pricesArb), { minLength: 1, maxLength: 5 }),
        (constituents, prices, baseValue, rounds) => {
          const index = new IndexCalculator({ code: 'P', name: 'P', baseValue, constituents }, prices);
          const current = new Map(prices);
          for (const [trades, next, corporatePrices] of rounds) {
            for (const [symbol, price] of trades) {
              index.applyPrice(symbol, price);
              current.set(symbol, price);
            }
            const before = index.value();
            // Newcomers come in at their market price; some prices are re-based at
            // the same moment (an ex-date).
            const given = new Map(
              next.filter((c) => !index.includes(c.symbol)).map((c) => [c.symbol, current.get(c.symbol) as Paisa]),
            );
            for (const [symbol, price] of [...corporatePrices].filter((_, i) => i % 2 === 0)) {
              given.set(symbol, price);
              current.set(symbol, price);
            }
            index.recompose(next, given);
            assert.equal(index.value(), before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('incremental updates equal a recount from scratch', () => {
    fc.assert(
      fc.property(
        constituentsArb,
        pricesArb,
        fc.integer({ min: 1, max: 100_000_000 }),
        tradesArb,
        (constituents, prices, baseValue, trades) => {
          const index = new IndexCalculator({ code: 'P', name: 'P', baseValue, constituents }, prices);
          const current = new Map(prices);
          for (const [symbol, price] of trades) {
            index.applyPrice(symbol, price);
            current.set(symbol, price);
          }
          const cap = (at: ReadonlyMap<string, Paisa>) =>
            constituents.reduce(
              (sum: bigint, c: IndexConstituent) =>
                sum +
                BigInt(at.get(c.symbol) ?? 0) * BigInt(c.shares) * BigInt(c.freeFloat) * BigInt(c.capFactor ?? 10_000),
              0n,
            );
          const numerator = cap(current) * BigInt(baseValue);
          const denominator = cap(prices);
          const floor = numerator / denominator;
          const expected = (numerator % denominator) * 2n >= denominator ? floor + 1n : floor;
          assert.equal(index.value(), Number(expected));
        },
      ),
      { numRuns: 300 },
    );
  });
});
