import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basisPointsText, karachiClockOfSeconds, largeRupeesText, shortDate } from './stockFigures.js';

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
