import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveTradingDate } from './liveTradingDay.js';
import { PSX_CALENDAR } from './tradingCalendar.js';

// Karachi is UTC+5: 04:15Z is 09:15 local, Monday's pre-open.
test('the live day is today from its pre-open, and the last trading day before that', () => {
  assert.equal(liveTradingDate(new Date('2023-01-31T08:00:00Z'), PSX_CALENDAR), '2023-01-31');
  assert.equal(liveTradingDate(new Date('2023-01-30T04:15:00Z'), PSX_CALENDAR), '2023-01-30');
  // Monday 09:14 and the weekend before: Friday is still the live day.
  assert.equal(liveTradingDate(new Date('2023-01-30T04:14:00Z'), PSX_CALENDAR), '2023-01-27');
  assert.equal(liveTradingDate(new Date('2023-01-29T12:00:00Z'), PSX_CALENDAR), '2023-01-27');
  // Friday evening after the close: still Friday.
  assert.equal(liveTradingDate(new Date('2023-01-27T18:00:00Z'), PSX_CALENDAR), '2023-01-27');
});

test('a holiday is passed over like a weekend', () => {
  const calendar = { ...PSX_CALENDAR, holidays: ['2023-01-27'] };
  assert.equal(liveTradingDate(new Date('2023-01-28T12:00:00Z'), calendar), '2023-01-26');
});
