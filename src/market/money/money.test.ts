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

test('property: parseRupees reads every text as the pattern does, the usual shape digit by digit included', () => {
  const byPattern = (text: string): number | string => {
    const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) return 'refused';
    const [, minus, whole = '0', fraction = ''] = match;
    const magnitude = Number(`${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, ''));
    if (!Number.isSafeInteger(magnitude)) return 'refused';
    return minus && magnitude !== 0 ? -magnitude : magnitude;
  };
  const read = (text: string): number | string => {
    try {
      return parseRupees(text);
    } catch {
      return 'refused';
    }
  };
  fc.assert(
    fc.property(fc.stringMatching(/^-?[0-9]{0,17}(\.[0-9]{0,3})?$/), (text) => {
      assert.equal(read(text), byPattern(text), text);
    }),
    { numRuns: 20_000 },
  );
  for (const text of ['9999999999999.99', '99999999999999.99', '0.5', '00.05', '7', '', '.5', '5.', '1e3', ' 1']) {
    assert.equal(read(text), byPattern(text), text);
  }
});
