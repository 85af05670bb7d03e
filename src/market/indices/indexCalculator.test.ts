import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Paisa, paisa } from '../money/money.js';
import { IndexCalculator, type IndexConstituent, type IndexDefinition } from './indexCalculator.js';

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

// Figures at the edges of what the index takes: prices up to the largest safe paisa (so price moves
// cross the BigInt fallback at 2^26 paisa), share counts up to 2^53 − 1, full and tiny weights.
const widePriceArb = fc
  .oneof(
    fc.integer({ min: 1, max: 500_000 }),
    fc.integer({ min: 1, max: 2 ** 30 }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(1, 2 ** 26, 2 ** 26 + 1, Number.MAX_SAFE_INTEGER),
  )
  .map(paisa);
const wideConstituentArb = (symbol: string) =>
  fc.record({
    symbol: fc.constant(symbol),
    shares: fc.oneof(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: 30_000_000_000 }),
      fc.constant(Number.MAX_SAFE_INTEGER),
    ),
    freeFloat: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(10_000)),
    capFactor: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(10_000)),
  });
const wideConstituentsArb = fc
  .subarray(symbols, { minLength: 1 })
  .chain((chosen) => fc.tuple(...chosen.map(wideConstituentArb)));
const widePricesArb = fc
  .tuple(...symbols.map(() => widePriceArb))
  .map((list) => new Map(list.map((p, i) => [symbols[i] as string, p])));
const wideTradesArb = fc.array(fc.tuple(fc.constantFrom(...symbols), widePriceArb), {
  maxLength: 300,
  size: 'max',
});

function recount(constituents: readonly IndexConstituent[], at: ReadonlyMap<string, Paisa>): bigint {
  return constituents.reduce(
    (sum, c) =>
      sum + BigInt(at.get(c.symbol) ?? 0) * BigInt(c.shares) * BigInt(c.freeFloat) * BigInt(c.capFactor ?? 10_000),
    0n,
  );
}

function roundHalfAway(numerator: bigint, denominator: bigint): bigint {
  const floor = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? floor + 1n : floor;
}

describe('exact capitalisation at the limits', () => {
  test('long runs of trades at extreme prices and weights match a BigInt recount, trade by trade', () => {
    fc.assert(
      fc.property(
        wideConstituentsArb,
        widePricesArb,
        fc.integer({ min: 1, max: 100_000_000 }),
        wideTradesArb,
        (constituents, prices, baseValue, trades) => {
          const start = recount(constituents, prices);
          fc.pre(start > 0n);
          const index = new IndexCalculator({ code: 'P', name: 'P', baseValue, constituents }, prices);
          const current = new Map(prices);
          let high = index.capitalisationMark();
          let highCap = start;
          for (const [symbol, price] of trades) {
            index.applyPrice(symbol, price);
            current.set(symbol, price);
            const expected = recount(constituents, current);
            assert.equal(index.currentCapitalisation(), expected);
            assert.equal(index.compareCapitalisation(high), expected > highCap ? 1 : expected < highCap ? -1 : 0);
            if (expected > highCap) {
              high = index.capitalisationMark();
              highCap = expected;
            }
          }
          assert.equal(high.toBigInt(), highCap);
          assert.equal(index.value(), Number(roundHalfAway(recount(constituents, current) * BigInt(baseValue), start)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('capitalisationForLevel is the exact edge of each level, however it rounds', () => {
    fc.assert(
      fc.property(
        constituentsArb,
        pricesArb,
        fc.integer({ min: 1, max: 100_000_000 }),
        tradesArb,
        fc.integer({ min: -3, max: 3 }),
        (constituents, prices, baseValue, trades, offset) => {
          const index = new IndexCalculator({ code: 'P', name: 'P', baseValue, constituents }, prices);
          for (const [symbol, price] of trades) index.applyPrice(symbol, price);
          const level = BigInt(index.value() + offset);
          const edge = index.capitalisationForLevel(level);
          assert.ok(edge >= 0n, 'never negative');
          assert.ok(edge === 0n || BigInt(index.valueAt(edge)) >= level, `level ${level} at ${edge}`);
          assert.ok(edge === 0n || BigInt(index.valueAt(edge - 1n)) < level, `level ${level} below ${edge}`);
          // The index's own capitalisation is on the side its level says.
          assert.equal(index.currentCapitalisation() >= edge, BigInt(index.value()) >= level);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a level below the first positive one needs no capitalisation', () => {
    const index = new IndexCalculator(definition, openingPrices);
    assert.equal(index.capitalisationForLevel(0n), 0n);
    assert.equal(index.capitalisationForLevel(-5n), 0n);
    // Level 1 (0.01 point) is reached at half of one hundredth's worth of capitalisation.
    assert.equal(index.capitalisationForLevel(1n), 5_000_000_000n);
  });

  test('the divisor version moves with the divisor only', () => {
    const index = new IndexCalculator(definition, openingPrices);
    const version = index.divisorVersion;
    index.applyPrice('A', paisa(11_000));
    assert.equal(index.divisorVersion, version);
    index.setShares('A', 2000);
    assert.ok(index.divisorVersion > version, 'a share change moves the divisor');
    const restored = IndexCalculator.fromState(index.exportState());
    assert.equal(restored.value(), index.value());
    assert.deepEqual(restored.divisor(), index.divisor());
  });

  test('a member handle moves the index as applyPrice does, and one from before a recomposition still does', () => {
    const index = new IndexCalculator(definition, openingPrices);
    const other = new IndexCalculator(definition, openingPrices);
    const a = index.member('A');
    assert.ok(a !== undefined, 'A is a member');
    assert.equal(index.member('ZZZ'), undefined);
    index.applyMemberPrice(a, paisa(11_000));
    assert.equal(index.value(), 105_000);
    // Another calculator's handle is not taken for one of its own.
    other.applyMemberPrice(a, paisa(12_000));
    assert.equal(other.value(), 110_000);
    assert.equal(index.value(), 105_000);
    index.setShares('A', 2000);
    index.applyMemberPrice(a, paisa(10_000)); // A's cap is now Rs 100,000 of Rs 160,000
    assert.equal(index.value(), Math.round((105_000 * 150_000) / 160_000));
    assert.equal(index.price('A'), 10_000);
  });

  test('refuses a price that is not whole paisa, as the BigInt arithmetic did', () => {
    const index = new IndexCalculator(definition, openingPrices);
    assert.throws(() => index.applyPrice('A', 10_000.5 as Paisa), RangeError);
    assert.equal(index.value(), 100_000);
  });
});
