import { calendarProblem, dayNumber, type SessionSchedule, type TradingCalendar } from './tradingCalendar.js';

/**
 * One change the market desk makes to the trading calendar. PSX announces
 * holidays and special timetables (Ramadan hours, an exceptional session) by
 * notice (psx-market.md §4.1, §4.2), so they are edits, one date at a time,
 * rather than a whole calendar replaced: two desk editors adding different
 * holidays at once both keep theirs.
 */
export type CalendarEdit =
  | { readonly type: 'addHoliday'; readonly date: string }
  | { readonly type: 'removeHoliday'; readonly date: string }
  | { readonly type: 'setSpecialSchedule'; readonly date: string; readonly schedule: SessionSchedule }
  | { readonly type: 'removeSpecialSchedule'; readonly date: string };

/** The calendar after `edit`, or why the edit cannot be made. Holidays stay in date order. */
export function editCalendar(calendar: TradingCalendar, edit: CalendarEdit): TradingCalendar | string {
  if (!isDate(edit.date)) return `date must be a real YYYY-MM-DD date: ${edit.date}`;
  let next: TradingCalendar;
  switch (edit.type) {
    case 'addHoliday':
      if (calendar.holidays.includes(edit.date)) return `${edit.date} is already a holiday`;
      next = { ...calendar, holidays: [...calendar.holidays, edit.date].sort() };
      break;
    case 'removeHoliday':
      if (!calendar.holidays.includes(edit.date)) return `${edit.date} is not a holiday`;
      next = { ...calendar, holidays: calendar.holidays.filter((date) => date !== edit.date) };
      break;
    case 'setSpecialSchedule':
      next = { ...calendar, specialSchedules: { ...calendar.specialSchedules, [edit.date]: edit.schedule } };
      break;
    case 'removeSpecialSchedule': {
      if (!Object.hasOwn(calendar.specialSchedules, edit.date)) return `${edit.date} has no special schedule`;
      const { [edit.date]: _removed, ...rest } = calendar.specialSchedules;
      next = { ...calendar, specialSchedules: rest };
      break;
    }
  }
  return calendarProblem(next) ?? next;
}

function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}
