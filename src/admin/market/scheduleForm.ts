import type { SessionPeriod, SessionSchedule } from '../../market/tradingCalendar.js';
import { FieldReader } from './deskInput.js';

/** The special-schedule form's time fields, as PSX notices give a day's timetable. */
export const SCHEDULE_FIELDS = [
  'preOpenStart',
  'openStart',
  'breakStart',
  'breakEnd',
  'closeAt',
  'postCloseStart',
  'postCloseEnd',
] as const;

export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A day's timetable from the desk's form: trading from `openStart` to
 * `closeAt`, with an optional pre-open before it, an optional break inside it
 * (Friday prayers) and an optional post-close after it. Every problem is
 * collected; the calendar's own check (order, overlaps) runs when the edit is made.
 */
export function readSpecialSchedule(
  fields: Readonly<Record<string, string | undefined>>,
): { date: string; schedule: SessionSchedule } | { problems: FieldReader['problems'] } {
  const read = new FieldReader(fields);
  const date = read.date('date', 'Date');
  const time = (field: ScheduleField, label: string, optional: boolean) => {
    const value = read.text(field, label, { max: 5, optional });
    if (value === undefined) return undefined;
    return TIME.test(value) ? value : read.fail(field, `${label} must read HH:MM, e.g. 09:30.`);
  };
  const preOpenStart = time('preOpenStart', 'Pre-open from', true);
  const openStart = time('openStart', 'Trading from', false);
  const breakStart = time('breakStart', 'Break from', true);
  const breakEnd = time('breakEnd', 'Break until', true);
  const closeAt = time('closeAt', 'Close at', false);
  const postCloseStart = time('postCloseStart', 'Post-close from', true);
  const postCloseEnd = time('postCloseEnd', 'Post-close until', true);
  if ((breakStart === undefined) !== (breakEnd === undefined) && read.problems.length === 0) {
    read.fail(breakStart === undefined ? 'breakStart' : 'breakEnd', 'A break needs both its start and its end.');
  }
  if ((postCloseStart === undefined) !== (postCloseEnd === undefined) && read.problems.length === 0) {
    read.fail(
      postCloseStart === undefined ? 'postCloseStart' : 'postCloseEnd',
      'A post-close session needs both its start and its end.',
    );
  }
  if (date === undefined || openStart === undefined || closeAt === undefined || read.problems.length > 0) {
    return { problems: read.problems };
  }
  const periods: SessionPeriod[] = [];
  if (preOpenStart !== undefined) periods.push({ phase: 'pre-open', start: preOpenStart, end: openStart });
  if (breakStart !== undefined && breakEnd !== undefined) {
    periods.push({ phase: 'open', start: openStart, end: breakStart });
    periods.push({ phase: 'break', start: breakStart, end: breakEnd });
    periods.push({ phase: 'open', start: breakEnd, end: closeAt });
  } else {
    periods.push({ phase: 'open', start: openStart, end: closeAt });
  }
  if (postCloseStart !== undefined && postCloseEnd !== undefined) {
    periods.push({ phase: 'post-close', start: postCloseStart, end: postCloseEnd });
  }
  return { date, schedule: { periods } };
}
