import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editCalendar } from './calendarEdit.js';
import { nextTradingDate, PSX_CALENDAR, PSX_MONDAY_TO_THURSDAY, type TradingCalendar } from './tradingCalendar.js';

function edited(calendar: TradingCalendar, ...edits: Parameters<typeof editCalendar>[1][]): TradingCalendar {
  let current = calendar;
  for (const edit of edits) {
    const next = editCalendar(current, edit);
    if (typeof next === 'string') throw new Error(next);
    current = next;
  }
  return current;
}

test('holidays are added in date order and skipped by the next trading date', () => {
  const calendar = edited(
    PSX_CALENDAR,
    { type: 'addHoliday', date: '2023-02-06' },
    { type: 'addHoliday', date: '2023-02-05' },
  );
  assert.deepEqual(calendar.holidays, ['2023-02-05', '2023-02-06']);
  // Friday 3 Feb → Monday 6 Feb is a holiday → Tuesday 7 Feb.
  assert.equal(nextTradingDate('2023-02-03', calendar), '2023-02-07');
  assert.deepEqual(PSX_CALENDAR.holidays, [], 'the calendar edited is never mutated');
});

test('removing a holiday restores the day; removing one that is not there is refused', () => {
  const calendar = edited(
    PSX_CALENDAR,
    { type: 'addHoliday', date: '2023-02-06' },
    { type: 'removeHoliday', date: '2023-02-06' },
  );
  assert.deepEqual(calendar.holidays, []);
  assert.equal(editCalendar(calendar, { type: 'removeHoliday', date: '2023-02-06' }), '2023-02-06 is not a holiday');
  assert.equal(
    editCalendar(edited(calendar, { type: 'addHoliday', date: '2023-02-06' }), {
      type: 'addHoliday',
      date: '2023-02-06',
    }),
    '2023-02-06 is already a holiday',
  );
});

test('dates that do not exist and broken schedules are refused', () => {
  assert.match(String(editCalendar(PSX_CALENDAR, { type: 'addHoliday', date: '2023-02-30' })), /real YYYY-MM-DD/);
  const overlapping = {
    periods: [
      { phase: 'open' as const, start: '10:00', end: '12:00' },
      { phase: 'post-close' as const, start: '11:00', end: '13:00' },
    ],
  };
  assert.match(
    String(editCalendar(PSX_CALENDAR, { type: 'setSpecialSchedule', date: '2023-03-25', schedule: overlapping })),
    /overlaps/,
  );
});

test('a special schedule opens a Saturday and can be taken away again', () => {
  const calendar = edited(PSX_CALENDAR, {
    type: 'setSpecialSchedule',
    date: '2023-02-04',
    schedule: PSX_MONDAY_TO_THURSDAY,
  });
  assert.equal(nextTradingDate('2023-02-03', calendar), '2023-02-04');
  const back = edited(calendar, { type: 'removeSpecialSchedule', date: '2023-02-04' });
  assert.deepEqual(back.specialSchedules, {});
  assert.equal(nextTradingDate('2023-02-03', back), '2023-02-06');
});
