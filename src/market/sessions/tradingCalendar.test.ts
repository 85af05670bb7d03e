import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionStatus, statusText } from './statusText.js';
import {
  calendarProblem,
  instantOf,
  isTradingDay,
  marketPhase,
  nextPhaseChange,
  nextTradingDate,
  PSX_CALENDAR,
  type TradingCalendar,
  tradingDateOf,
  weekdayOf,
} from './tradingCalendar.js';

// 31 Jan 2023 was a Tuesday, 3 Feb 2023 a Friday. Karachi is UTC+5.
const at = (date: string, time: string) => instantOf(date, time, PSX_CALENDAR);

describe('trading calendar', () => {
  test('local dates and weekdays in Karachi', () => {
    assert.equal(weekdayOf('2023-01-31'), 'tuesday');
    assert.equal(weekdayOf('2023-02-03'), 'friday');
    assert.equal(tradingDateOf(new Date('2023-01-31T18:59:59Z')), '2023-01-31');
    assert.equal(tradingDateOf(new Date('2023-01-31T19:00:00Z')), '2023-02-01');
    assert.equal(at('2023-01-31', '09:30').toISOString(), '2023-01-31T04:30:00.000Z');
  });

  test('Monday to Thursday phases, edges inclusive at the start', () => {
    const cases: [string, string][] = [
      ['09:14', 'closed'],
      ['09:15', 'pre-open'],
      ['09:29', 'pre-open'],
      ['09:30', 'open'],
      ['15:29', 'open'],
      ['15:30', 'post-close'],
      ['16:14', 'post-close'],
      ['16:15', 'closed'],
      ['23:00', 'closed'],
    ];
    for (const [time, phase] of cases) assert.equal(marketPhase(at('2023-01-31', time)), phase, time);
  });

  test('Friday has two sessions with a break', () => {
    const cases: [string, string][] = [
      ['09:00', 'pre-open'],
      ['09:17', 'open'],
      ['11:59', 'open'],
      ['12:00', 'break'],
      ['14:31', 'break'],
      ['14:32', 'open'],
      ['16:30', 'closed'],
      ['17:00', 'post-close'],
    ];
    for (const [time, phase] of cases) assert.equal(marketPhase(at('2023-02-03', time)), phase, time);
  });

  test('weekends, holidays and special schedules', () => {
    const calendar: TradingCalendar = {
      ...PSX_CALENDAR,
      holidays: ['2023-02-06'],
      specialSchedules: {
        '2023-02-07': { periods: [{ phase: 'open', start: '10:00', end: '13:30' }] },
      },
    };
    assert.equal(marketPhase(at('2023-02-04', '11:00'), calendar), 'closed');
    assert.equal(marketPhase(at('2023-02-06', '11:00'), calendar), 'closed');
    assert.equal(marketPhase(at('2023-02-07', '09:45'), calendar), 'closed');
    assert.equal(marketPhase(at('2023-02-07', '13:00'), calendar), 'open');
    assert.equal(isTradingDay('2023-02-05', calendar), false);
    assert.equal(nextTradingDate('2023-02-03', calendar), '2023-02-07');
    assert.equal(nextTradingDate('2023-01-31', calendar), '2023-02-01');
  });

  test('next phase change skips the weekend', () => {
    assert.deepEqual(nextPhaseChange(at('2023-01-31', '10:00')), at('2023-01-31', '15:30'));
    assert.deepEqual(nextPhaseChange(at('2023-01-31', '16:20')), at('2023-02-01', '09:15'));
    assert.deepEqual(nextPhaseChange(at('2023-02-03', '12:30')), at('2023-02-03', '14:32'));
    // Friday night → Monday pre-open.
    assert.deepEqual(nextPhaseChange(at('2023-02-03', '18:00')), at('2023-02-06', '09:15'));
    const never: TradingCalendar = {
      ...PSX_CALENDAR,
      weekly: { ...PSX_CALENDAR.weekly, monday: null, tuesday: null, wednesday: null, thursday: null, friday: null },
    };
    assert.equal(nextPhaseChange(at('2023-02-03', '18:00'), never), null);
  });

  test('status text for the ticker', () => {
    assert.deepEqual(sessionStatus(at('2023-01-31', '10:00'), PSX_CALENDAR), {
      phase: 'open',
      text: 'Market open',
      nextChange: at('2023-01-31', '15:30'),
    });
    assert.equal(statusText('pre-open'), 'Pre-open');
    assert.equal(statusText('closed'), 'Market closed');
    assert.equal(statusText('break'), 'Break');
    assert.equal(statusText('halted'), 'Market halted');
  });

  test('refuses broken calendars', () => {
    assert.equal(calendarProblem(PSX_CALENDAR), null);
    assert.match(calendarProblem({ ...PSX_CALENDAR, holidays: ['2023-02-30'] }) ?? '', /holiday/);
    const overlapping: TradingCalendar = {
      ...PSX_CALENDAR,
      specialSchedules: {
        '2023-02-07': {
          periods: [
            { phase: 'open', start: '10:00', end: '13:30' },
            { phase: 'post-close', start: '13:00', end: '14:00' },
          ],
        },
      },
    };
    assert.match(calendarProblem(overlapping) ?? '', /overlaps/);
    const backwards: TradingCalendar = {
      ...PSX_CALENDAR,
      specialSchedules: { '2023-02-07': { periods: [{ phase: 'open', start: '13:00', end: '10:00' }] } },
    };
    assert.match(calendarProblem(backwards) ?? '', /ends before/);
  });
});
