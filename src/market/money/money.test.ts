import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatRupees, paisa, parseRupees } from './money.js';

describe('parseRupees', () => {
  test('reads exact paisa from decimal text', () => {
    assert.equal(parseRupees('64.80'), 6480);
    assert.equal(parseRupees('0.29'), 29);
    assert.equal(parseRupees('0.1'), 10);
    assert.equal(parseRupees('7'), 700);
    assert.equal(parseRupees('-0.02'), -2);
    assert.equal(parseRupees('007.05'), 705);
  });

  test('never yields negative zero', () => {
    assert.ok(Object.is(parseRupees('-0.00'), 0));
  });

  test('rejects bad input', () => {
    for (const bad of ['', ' 1.00', '1.00 ', '1.234', '1,000.00', '+1', '.5', '1.', 'abc', '1e3', 'NaN', '--1']) {
      assert.throws(() => parseRupees(bad), RangeError, bad);
    }
  });

  test('rejects amounts beyond exact integers', () => {
    assert.throws(() => parseRupees('900719925474099.93'), RangeError);
  });
});

describe('formatRupees', () => {
  test('two decimals, minus for negatives, no separators by default', () => {
    assert.equal(formatRupees(paisa(6480)), '64.80');
    assert.equal(formatRupees(paisa(88)), '0.88');
    assert.equal(formatRupees(paisa(-2)), '-0.02');
    assert.equal(formatRupees(paisa(0)), '0.00');
    assert.equal(formatRupees(paisa(123456789)), '1234567.89');
  });

  test('thousands separators on request', () => {
    assert.equal(formatRupees(paisa(123456789), { thousands: true }), '1,234,567.89');
    assert.equal(formatRupees(paisa(-100000), { thousands: true }), '-1,000.00');
    assert.equal(formatRupees(paisa(99999), { thousands: true }), '999.99');
  });

  test('round-trips with parseRupees', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (amount) => {
        assert.equal(parseRupees(formatRupees(paisa(amount))), amount);
      }),
    );
  });
});

test('paisa refuses fractions', () => {
  assert.throws(() => paisa(0.5), RangeError);
  assert.throws(() => paisa(Number.NaN), RangeError);
  assert.equal(paisa(12), 12);
});
