import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTickerTime } from './tickerTime.js';

test('formats Pakistan time with seconds on a 12-hour clock', () => {
  assert.equal(formatTickerTime(new Date('2023-01-31T13:03:12Z')), '06:03:12 pm');
  assert.equal(formatTickerTime(new Date('2023-01-31T19:00:00Z')), '12:00:00 am');
  assert.equal(formatTickerTime(new Date('2023-01-31T07:00:05Z')), '12:00:05 pm');
});
