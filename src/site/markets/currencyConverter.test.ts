import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paisa } from '../../market/money/money.js';
import { convertAmount, formatHundredths, parseAmount, parseTypedAmount } from './currencyConverter.js';

test('parseAmount reads exact hundredths and rejects anything else', () => {
  assert.equal(parseAmount('100'), 10000n);
  assert.equal(parseAmount('0.29'), 29n);
  assert.equal(parseAmount('12.5'), 1250n);
  for (const bad of ['', '-1', '1.234', '1,000', '1e3', ' 1', 'abc']) assert.equal(parseAmount(bad), null, bad);
});

test('parseTypedAmount also reads thousands grouped by commas, the western or the South Asian way', () => {
  assert.equal(parseTypedAmount('1,000'), 100000n);
  assert.equal(parseTypedAmount(' 1,000.50 '), 100050n);
  assert.equal(parseTypedAmount('1,000,000'), 100000000n);
  assert.equal(parseTypedAmount('10,00,000'), 100000000n);
  assert.equal(parseTypedAmount('1,00,000.5'), 10000050n);
  assert.equal(parseTypedAmount('250'), 25000n);
  for (const bad of ['1,0', '1,00', ',100', '100,', '1,,000', '1,000.123', '1.000,50', '-1,000', '1,0000', 'abc', '']) {
    assert.equal(parseTypedAmount(bad), null, bad);
  }
});

test('converts both ways exactly, rounding half up', () => {
  const rate = paisa(26789);
  assert.equal(convertAmount(10000n, 'usd-pkr', rate), 2678900n);
  assert.equal(convertAmount(1n, 'usd-pkr', rate), 268n, '0.01 USD = 2.6789 PKR → 2.68');
  assert.equal(convertAmount(2678900n, 'pkr-usd', rate), 10000n);
  assert.equal(convertAmount(100000n, 'pkr-usd', rate), 373n, '1000 PKR = 3.7328… USD → 3.73');
  assert.equal(convertAmount(99999999999999n, 'usd-pkr', rate), 26788999999999732n, 'no float rounding on large sums');
});

test('formatHundredths groups thousands', () => {
  assert.equal(formatHundredths(2678900n), '26,789.00');
  assert.equal(formatHundredths(5n), '0.05');
  assert.equal(formatHundredths(-123456n), '-1,234.56');
});
