import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closingFileTooNew, liveTradingDate } from './liveTradingDay.js';
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

test('a closing file of a day after the live one is too new; the live day and earlier ones are not', () => {
  // Sunday: the live day is Friday 27 Jan, so Monday's file cannot exist yet.
  const sunday = new Date('2023-01-29T12:00:00Z');
  assert.match(
    closingFileTooNew('2023-01-30', sunday, PSX_CALENDAR) ?? '',
    /for 2023-01-30, after the live market's 2023-01-27/,
  );
  assert.equal(closingFileTooNew('2023-01-27', sunday, PSX_CALENDAR), null);
  assert.equal(closingFileTooNew('2023-01-26', sunday, PSX_CALENDAR), null);
  // A desk-declared holiday moves the live day back with it.
  const holiday = { ...PSX_CALENDAR, holidays: ['2023-01-27'] };
  assert.notEqual(closingFileTooNew('2023-01-27', sunday, holiday), null);
});
