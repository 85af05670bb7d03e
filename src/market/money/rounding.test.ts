import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { divideBigRoundingHalfAway, divideRoundingHalfAway, percentHundredths } from './rounding.js';

test('halves round away from zero', () => {
  assert.equal(divideRoundingHalfAway(5, 10), 1);
  assert.equal(divideRoundingHalfAway(-5, 10), -1);
  assert.equal(divideRoundingHalfAway(4, 10), 0);
  assert.equal(divideRoundingHalfAway(15, -10), -2);
  assert.equal(divideBigRoundingHalfAway(25n, 10n), 3n);
  assert.equal(divideBigRoundingHalfAway(-25n, 10n), -3n);
  assert.equal(divideBigRoundingHalfAway(24n, 10n), 2n);
});

test('percent where a float would misround: 1/8 % is 0.13, not 0.12', () => {
  // 0.125 % of 8 000 paisa is 10 paisa; as a float 1.005 * 100 style errors would bite.
  assert.equal(percentHundredths(10, 8000), 13);
  assert.equal(percentHundredths(-10, 8000), -13);
  assert.equal(percentHundredths(49, 4085), 120); // DGKC: 1.1995 % → 1.2 %
  assert.equal(percentHundredths(-1, 89), -112); // SILK: −1.1236 % → −1.12 %
});

test('integer and BigInt agree and are within half a unit of the exact quotient', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
      const rounded = divideRoundingHalfAway(n, d);
      assert.equal(BigInt(rounded), divideBigRoundingHalfAway(BigInt(n), BigInt(d)));
      assert.ok(Math.abs(rounded * d - n) * 2 <= d);
    }),
  );
});

test('refuses division by zero and fractions', () => {
  assert.throws(() => divideRoundingHalfAway(1, 0), RangeError);
  assert.throws(() => divideRoundingHalfAway(1.5, 2), RangeError);
  assert.throws(() => divideBigRoundingHalfAway(1n, 0n), RangeError);
});
