import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  basisPointsText,
  karachiClockOfSeconds,
  knownCountText,
  knownRupeesText,
  largeRupeesText,
  marketCapPaisa,
  rupeeMillionsText,
  shortDate,
  turnoverTotalText,
} from './stockFigures.js';

test('large sums read in billions or millions, rounded half up exactly', () => {
  assert.equal(largeRupeesText(4_300_000_000n * 8780n), 'Rs 377.54 billion');
  assert.equal(largeRupeesText(81_230_000_000n), 'Rs 812.30 million');
  assert.equal(largeRupeesText(99_999_999_999n), 'Rs 1,000.00 million');
  assert.equal(largeRupeesText(123_456n), 'Rs 1,234.56');
  assert.equal(largeRupeesText(-150_000_000_000_000n), '-Rs 1,500.00 billion');
});

test('weights, clock times and dates', () => {
  assert.equal(basisPointsText(1234), '12.34%');
  assert.equal(basisPointsText(5), '0.05%');
  assert.equal(karachiClockOfSeconds(Date.parse('2023-01-31T09:05:00Z') / 1000), '14:05');
  assert.equal(shortDate('2023-01-31'), '31 Jan 2023');
});

test('unknown figures read as a dash, never as zero; totals with unknown parts say so', () => {
  assert.equal(knownRupeesText(null), '—');
  assert.equal(knownRupeesText(0n), 'Rs 0.00');
  assert.equal(knownCountText(null), '—');
  assert.equal(knownCountText(30_000), '30,000');
  assert.equal(marketCapPaisa(6480, null), null);
  assert.equal(marketCapPaisa(6480, 1_000), 6_480_000n);
  assert.equal(turnoverTotalText({ known: 0n, unknown: 0 }), '0.00');
  assert.equal(turnoverTotalText({ known: 0n, unknown: 3 }), '—');
  assert.equal(turnoverTotalText({ known: 120_000_000n, unknown: 1 }), 'at least 1.20');
  assert.equal(turnoverTotalText({ known: 120_000_000n, unknown: 0 }), '1.20');
});

test('value traded is written in one unit, Rs million, whatever its size', () => {
  // Rs 377.54 billion, Rs 812.30 million, Rs 50,000 and Rs 1,234.56 all in millions: a column that compares.
  assert.equal(rupeeMillionsText(4_300_000_000n * 8780n), '377,540.00');
  assert.equal(rupeeMillionsText(81_230_000_000n), '812.30');
  assert.equal(rupeeMillionsText(5_000_000n), '0.05');
  assert.equal(rupeeMillionsText(123_456n), '0.00');
  assert.equal(rupeeMillionsText(1_500_000n), '0.02', 'half up');
  assert.equal(rupeeMillionsText(-250_000_000n), '-2.50');
});
