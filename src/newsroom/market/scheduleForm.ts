import type { SessionPeriod, SessionSchedule } from '../../market/sessions/tradingCalendar.js';
import { FieldReader } from './deskInput.js';

/**
 * The special-schedule form's time fields, in the terms a PSX notice gives a
 * day's timetable (Karachi times): what the page shows and the reader checks.
 */
export const SCHEDULE_FIELDS = [
  {
    name: 'preOpenStart',
    label: 'Pre-open from',
    hint: 'Optional; pre-open runs until trading starts',
    required: false,
  },
  { name: 'openStart', label: 'Trading from', hint: 'HH:MM, e.g. 09:30', required: true },
  { name: 'breakStart', label: 'Break from', hint: 'Optional, with its end (Friday prayers)', required: false },
  { name: 'breakEnd', label: 'Break until', hint: 'Optional, with its start', required: false },
  { name: 'closeAt', label: 'Close at', hint: 'HH:MM, e.g. 13:30', required: true },
  { name: 'postCloseStart', label: 'Post-close from', hint: 'Optional, with its end', required: false },
  { name: 'postCloseEnd', label: 'Post-close until', hint: 'Optional, with its start', required: false },
] as const;

export type ScheduleField = (typeof SCHEDULE_FIELDS)[number]['name'];

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
  const times = new Map<ScheduleField, string | undefined>();
  for (const { name, label, required } of SCHEDULE_FIELDS) {
    const value = read.text(name, label, { max: 5, optional: !required });
    times.set(
      name,
      value === undefined || TIME.test(value) ? value : read.fail(name, `${label} must read HH:MM, e.g. 09:30.`),
    );
  }
  const preOpenStart = times.get('preOpenStart');
  const openStart = times.get('openStart');
  const breakStart = times.get('breakStart');
  const breakEnd = times.get('breakEnd');
  const closeAt = times.get('closeAt');
  const postCloseStart = times.get('postCloseStart');
  const postCloseEnd = times.get('postCloseEnd');
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
