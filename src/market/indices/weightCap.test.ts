import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Paisa, paisa } from '../money/money.js';
import type { IndexConstituent } from './indexCalculator.js';
import { applyWeightCap, indexWeights } from './weightCap.js';

const member = (symbol: string, shares: number): IndexConstituent => ({ symbol, shares, freeFloat: 10_000 });

describe('applyWeightCap', () => {
  test('hand example: 50/30/10/10 capped at 35 % → 35/35/15/15', () => {
    // A first: 35 %, the other 65 % shared 30:10:10 → B 39 % > 35 %, so B is capped too and
    // C, D share the remaining 30 % equally. A's factor = 35·20 ÷ (30·50) = 0.4667 → 4666 bp.
    const constituents = [member('A', 50), member('B', 30), member('C', 10), member('D', 10)];
    const prices = new Map(constituents.map((c) => [c.symbol, paisa(100)]));
    const capped = applyWeightCap(constituents, prices, 3500);
    assert.deepEqual(
      capped.map((c) => [c.symbol, c.capFactor]),
      [
        ['A', 4666],
        ['B', 7777],
        ['C', undefined],
        ['D', undefined],
      ],
    );
    assert.deepEqual([...indexWeights(capped, prices).values()], [3499, 3499, 1500, 1500]);
  });

  test('nobody over the cap: factors removed, weights untouched', () => {
    const constituents = [{ ...member('A', 10), capFactor: 5000 }, member('B', 10), member('C', 10)];
    const prices = new Map(constituents.map((c) => [c.symbol, paisa(100)]));
    assert.deepEqual(applyWeightCap(constituents, prices, 4000), [member('A', 10), member('B', 10), member('C', 10)]);
  });

  test('refuses a cap no set of weights can meet', () => {
    const constituents = [member('A', 10), member('B', 10)];
    const prices = new Map(constituents.map((c) => [c.symbol, paisa(100)]));
    assert.throws(() => applyWeightCap(constituents, prices, 4999), /cannot/);
    // One giant beside eight dwarfs needs a factor finer than a basis point.
    const skewed = [...'ABCDEFGH'].map((s) => member(s, 1)).concat(member('Z', 10_910));
    const flat = new Map(skewed.map((c) => [c.symbol, paisa(1)]));
    assert.throws(() => applyWeightCap(skewed, flat, 1200), /basis point|concentrated/);
  });

  test('a cap of exactly 100 % ÷ n is feasible: equal weights (4 members at 25 %)', () => {
    const constituents = [member('A', 40), member('B', 30), member('C', 20), member('D', 10)];
    const prices = new Map(constituents.map((c) => [c.symbol, paisa(100)]));
    const capped = applyWeightCap(constituents, prices, 2500);
    // Each held down to D's Rs 1,000: 10 000 × 10 ÷ 40 = 2 500, × 10 ÷ 30 = 3 333, × 10 ÷ 20 = 5 000.
    assert.deepEqual(
      capped.map((c) => c.capFactor),
      [2500, 3333, 5000, undefined],
    );
    assert.deepEqual([...indexWeights(capped, prices).values()], [2500, 2499, 2500, 2500]);
    const two = [member('A', 10), member('B', 10)];
    assert.deepEqual(
      applyWeightCap(
        two,
        new Map([
          ['A', paisa(100)],
          ['B', paisa(100)],
        ]),
        5000,
      ),
      two,
    );
  });

  test('property: at exactly 100 % ÷ n the weights are as equal as whole-basis-point factors allow', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2, 4, 5, 8, 10, 16, 20, 25, 40),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 40, maxLength: 40 }),
        (n, sizes) => {
          const constituents = sizes.slice(0, n).map((shares, i) => member(`S${i}`, shares));
          const prices = new Map<string, Paisa>(constituents.map((c) => [c.symbol, paisa(100)]));
          let capped: IndexConstituent[];
          try {
            capped = applyWeightCap(constituents, prices, 10_000 / n);
          } catch (error) {
            // Only when one member is over 10,000 times the smallest.
            assert.match(String(error), /basis point/);
            assert.ok(Math.max(...sizes.slice(0, n)) > 10_000 * Math.min(...sizes.slice(0, n)));
            return;
          }
          const weighted = capped.map((c) => BigInt(c.shares) * BigInt(c.capFactor ?? 10_000));
          const lowestNext = capped.reduce(
            (least, c) => {
              const next = BigInt(c.shares) * BigInt((c.capFactor ?? 10_000) + 1);
              return least === null || next < least ? next : least;
            },
            null as bigint | null,
          );
          for (const weight of weighted) assert.ok(lowestNext !== null && weight < lowestNext);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: after capping no constituent exceeds the cap, and the order of weights is kept', () => {
    fc.assert(
      fc.property(
        // Realistic spreads: the largest free-float cap within 1,000× of the smallest.
        fc.array(fc.tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.integer({ min: 100, max: 1_000 })), {
          minLength: 9,
          maxLength: 40,
        }),
        fc.integer({ min: 1200, max: 3000 }),
        (rows, max) => {
          const constituents = rows.map(([shares], i) => member(`S${i}`, shares));
          const prices = new Map<string, Paisa>(rows.map(([, price], i) => [`S${i}`, paisa(price)]));
          const before = indexWeights(constituents, prices);
          const after = indexWeights(applyWeightCap(constituents, prices, max), prices);
          for (const weight of after.values()) assert.ok(weight <= max, `${weight} > ${max}`);
          // Uncapped stocks only gain weight.
          for (const [symbol, weight] of before) {
            if (weight < max / 2) assert.ok((after.get(symbol) ?? 0) >= weight - 1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
