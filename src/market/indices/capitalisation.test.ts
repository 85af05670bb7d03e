import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Capitalisation, MAX_WEIGHT, thresholdOf, weightOf } from './capitalisation.js';

const LIMB = 2 ** 26;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Every index's capitalisation is below this (2^32 constituents × (2^53 − 1) paisa × MAX_WEIGHT). */
const INDEX_BOUND = 1n << 165n;

// Values that exercise every limb: around limb edges, the index bound and the range's ends.
const edgeValue = fc.constantFrom(
  0n,
  1n,
  (1n << 26n) - 1n,
  1n << 26n,
  (1n << 52n) - 1n,
  (1n << 104n) + 1n,
  (1n << 130n) - 1n,
  INDEX_BOUND - 1n,
  (1n << 182n) - 1n,
  -(1n << 182n) + 1n,
);
const valueArb = fc.oneof(
  fc.bigInt({ min: 0n, max: INDEX_BOUND - 1n }),
  fc.bigInt({ min: -(1n << 182n) + 1n, max: (1n << 182n) - 1n }),
  edgeValue,
);
const weightArb = fc.oneof(
  fc.bigInt({ min: 0n, max: MAX_WEIGHT }),
  fc.bigInt({ min: 0n, max: 10n ** 18n }),
  fc.constantFrom(0n, 1n, MAX_WEIGHT, (1n << 78n) - 1n, 1n << 78n, (1n << 26n) - 1n),
);
// Moves on both sides of the BigInt fallback (|move| ≥ 2^26), up to the largest safe price change.
const moveArb = fc.oneof(
  fc.integer({ min: -(LIMB - 1), max: LIMB - 1 }),
  fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }),
  fc.constantFrom(0, 1, -1, LIMB - 1, -(LIMB - 1), LIMB, -LIMB, MAX_SAFE, -MAX_SAFE),
  fc.integer({ min: -50_000, max: 50_000 }),
  // Just past the fast path, where a product of limbs would no longer be exact in a Number.
  fc.integer({ min: LIMB, max: 2 ** 34 }).chain((move) => fc.constantFrom(move, -move)),
);

describe('Capitalisation', () => {
  test('holds any value in range exactly, and refuses the rest', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        assert.equal(Capitalisation.of(value).toBigInt(), value);
      }),
      { numRuns: 2000 },
    );
    assert.throws(() => Capitalisation.of(1n << 182n), RangeError);
    assert.throws(() => Capitalisation.of(-(1n << 182n)), RangeError);
  });

  test('compares as the values do', () => {
    const near = valueArb.chain((value) =>
      fc.tuple(
        fc.constant(value),
        fc.oneof(
          valueArb,
          fc.bigInt({ min: -3n, max: 3n }).map((step) => value + (step << 26n) + step),
        ),
      ),
    );
    fc.assert(
      fc.property(near, ([a, b]) => {
        fc.pre(b > -(1n << 182n) && b < 1n << 182n);
        assert.equal(Capitalisation.of(a).compare(Capitalisation.of(b)), a < b ? -1 : a > b ? 1 : 0);
        assert.equal(Capitalisation.of(b).compare(Capitalisation.of(a)), b < a ? -1 : b > a ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('a move × weight lands exactly where BigInt arithmetic does, through long sequences', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt({ min: 0n, max: INDEX_BOUND - 1n }),
          fc.bigInt({ min: 0n, max: 1n << 90n }),
          edgeValue.filter((value) => value >= 0n && value < INDEX_BOUND),
        ),
        fc.array(fc.tuple(moveArb, weightArb), { minLength: 1, maxLength: 400, size: 'max' }),
        (start, steps) => {
          const capitalisation = Capitalisation.of(start);
          let expected = start;
          for (const [move, weight] of steps) {
            capitalisation.addMove(move, weightOf(weight));
            expected += BigInt(move) * weight;
            // A limb that had lost exactness would show here, or in the order of the sequence.
            assert.equal(capitalisation.compare(Capitalisation.of(expected)), 0);
          }
          assert.equal(capitalisation.toBigInt(), expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the largest fast move at the largest weight, over and over, stays exact', () => {
    const capitalisation = Capitalisation.of(0n);
    const weight = weightOf(MAX_WEIGHT);
    let expected = 0n;
    for (let i = 0; i < 10_000; i++) {
      const move = i % 3 === 2 ? -(LIMB - 1) : LIMB - 1;
      capitalisation.addMove(move, weight);
      expected += BigInt(move) * MAX_WEIGHT;
    }
    assert.equal(capitalisation.toBigInt(), expected);
  });

  test('a copy does not follow later moves', () => {
    const capitalisation = Capitalisation.of(123_456_789_000_000n);
    const mark = capitalisation.copy();
    capitalisation.addMove(5, weightOf(1_000_000n));
    assert.equal(mark.toBigInt(), 123_456_789_000_000n);
    assert.equal(capitalisation.compare(mark), 1);
  });

  test('weights split into limbs exactly, and only possible weights are taken', () => {
    fc.assert(
      fc.property(weightArb, (weight) => {
        const { exact, w0, w1, w2, w3 } = weightOf(weight);
        assert.equal(exact, weight);
        for (const limb of [w0, w1, w2, w3]) {
          assert.ok(Number.isSafeInteger(limb) && limb >= 0 && limb < LIMB, `limb ${limb} of ${weight}`);
        }
        assert.equal(BigInt(w0) + (BigInt(w1) << 26n) + (BigInt(w2) << 52n) + (BigInt(w3) << 78n), weight);
      }),
    );
    assert.throws(() => weightOf(MAX_WEIGHT + 1n), RangeError);
    assert.throws(() => weightOf(-1n), RangeError);
  });

  test('a threshold beyond every index capitalisation stays beyond it', () => {
    const top = Capitalisation.of(INDEX_BOUND - 1n);
    assert.equal(top.compare(thresholdOf(1n << 300n)), -1);
    assert.equal(thresholdOf(1n << 300n).toBigInt(), INDEX_BOUND);
    assert.equal(thresholdOf(42n).toBigInt(), 42n);
  });
});
