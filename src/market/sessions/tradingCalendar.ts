import type { MarketPhase } from '../book/marketSnapshot.js';

/** A phase the calendar alone decides; `halted` comes from the halt rule, never from the calendar. */
export type SessionPhase = Exclude<MarketPhase, 'halted'>;

/** One stretch of a trading day in exchange local time, `'09:30'` to `'15:30'` (end exclusive). */
export interface SessionPeriod {
  readonly phase: Exclude<SessionPhase, 'closed'>;
  readonly start: string;
  readonly end: string;
}

/** A day's timetable: periods in order, not overlapping; any gap between them is `closed`. */
export interface SessionSchedule {
  readonly periods: readonly SessionPeriod[];
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/**
 * When the exchange trades. Plain data (JSON-friendly) so the desk can edit
 * it: PSX changes its Designated Time Schedule for Ramadan and announces
 * holidays by notice (psx-market.md §4.1, §4.2).
 */
export interface TradingCalendar {
  /** Exchange local time minus UTC, in minutes; Asia/Karachi is +300 with no DST since 2009 (§4.1). */
  readonly utcOffsetMinutes: number;
  /** null: closed all day. */
  readonly weekly: Readonly<Record<Weekday, SessionSchedule | null>>;
  /** Dates (`YYYY-MM-DD`, exchange local) on which the exchange is closed. */
  readonly holidays: readonly string[];
  /**
   * Per-date timetables, e.g. Ramadan hours. They win over holidays and the
   * weekday, so the desk can also open an exceptional Saturday.
   */
  readonly specialSchedules: Readonly<Record<string, SessionSchedule>>;
}

/** Mon–Thu per the Broadsheet desk's brief (psx-market.md §0.3, §4.2 [S]); the 09:30–09:32 matching window is counted as open. */
export const PSX_MONDAY_TO_THURSDAY: SessionSchedule = {
  periods: [
    { phase: 'pre-open', start: '09:15', end: '09:30' },
    { phase: 'open', start: '09:30', end: '15:30' },
    { phase: 'post-close', start: '15:30', end: '16:15' },
  ],
};

/** Friday's two sessions with the prayer break (psx-market.md §4.2 [S]); pre-open and matching 09:00–09:17. */
export const PSX_FRIDAY: SessionSchedule = {
  periods: [
    { phase: 'pre-open', start: '09:00', end: '09:17' },
    { phase: 'open', start: '09:17', end: '12:00' },
    { phase: 'break', start: '12:00', end: '14:32' },
    { phase: 'open', start: '14:32', end: '16:30' },
    { phase: 'post-close', start: '17:00', end: '17:15' },
  ],
};

export const PSX_CALENDAR: TradingCalendar = {
  utcOffsetMinutes: 300,
  weekly: {
    monday: PSX_MONDAY_TO_THURSDAY,
    tuesday: PSX_MONDAY_TO_THURSDAY,
    wednesday: PSX_MONDAY_TO_THURSDAY,
    thursday: PSX_MONDAY_TO_THURSDAY,
    friday: PSX_FRIDAY,
    saturday: null,
    sunday: null,
  },
  holidays: [],
  specialSchedules: {},
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
/** How far ahead we look for the next trading day or phase change before giving up. */
const SEARCH_DAYS = 370;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws on anything that is not a real date. */
export function dayNumber(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(year, month - 1, day);
  if (dateOfDay(ms / DAY_MS) !== date) throw new RangeError(`No such date: ${date}`);
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date after `date`. */
export function nextDate(date: string): string {
  return dateOfDay(dayNumber(date) + 1);
}

/** Minutes after midnight of `'HH:MM'`. */
export function minuteOfDay(time: string): number {
  if (!TIME_PATTERN.test(time)) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The exchange-local date of an instant, e.g. 2023-01-31T20:00Z → `2023-02-01` in Karachi. */
export function tradingDateOf(now: Date, calendar: TradingCalendar = PSX_CALENDAR): string {
  return dateOfDay(Math.floor(localMs(now, calendar) / DAY_MS));
}

/** The instant a local `date` and `time` fall on. */
export function instantOf(date: string, time: string, calendar: TradingCalendar = PSX_CALENDAR): Date {
  return new Date(dayNumber(date) * DAY_MS + (minuteOfDay(time) - calendar.utcOffsetMinutes) * MINUTE_MS);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(((dayNumber(date) + 4) % 7) + 7) % 7] as Weekday;
}

/** The timetable in force on `date`, or null when the exchange is closed all day. */
export function scheduleOn(date: string, calendar: TradingCalendar): SessionSchedule | null {
  const special = calendar.specialSchedules[date];
  if (special) return special;
  if (calendar.holidays.includes(date)) return null;
  return calendar.weekly[weekdayOf(date)];
}

/** Whether the market opens for trading at some point on `date`. */
export function isTradingDay(date: string, calendar: TradingCalendar): boolean {
  return scheduleOn(date, calendar)?.periods.some((period) => period.phase === 'open') ?? false;
}

/** The first trading day after `date`. */
export function nextTradingDate(date: string, calendar: TradingCalendar): string {
  let day = dayNumber(date);
  for (let i = 0; i < SEARCH_DAYS; i += 1) {
    day += 1;
    if (isTradingDay(dateOfDay(day), calendar)) return dateOfDay(day);
  }
  throw new RangeError(`No trading day within a year after ${date}`);
}

/** The calendar's phase at `now`. */
export function marketPhase(now: Date, calendar: TradingCalendar = PSX_CALENDAR): SessionPhase {
  const local = localMs(now, calendar);
  const day = Math.floor(local / DAY_MS);
  const schedule = scheduleOn(dateOfDay(day), calendar);
  const sinceMidnight = local - day * DAY_MS;
  for (const period of schedule?.periods ?? []) {
    if (sinceMidnight >= minuteOfDay(period.start) * MINUTE_MS && sinceMidnight < minuteOfDay(period.end) * MINUTE_MS) {
      return period.phase;
    }
  }
  return 'closed';
}

/** The first instant after `now` at which the calendar's phase differs, or null if none within a year. */
export function nextPhaseChange(now: Date, calendar: TradingCalendar = PSX_CALENDAR): Date | null {
  const current = marketPhase(now, calendar);
  const firstDay = Math.floor(localMs(now, calendar) / DAY_MS);
  for (let day = firstDay; day <= firstDay + SEARCH_DAYS; day += 1) {
    const midnight = day * DAY_MS - calendar.utcOffsetMinutes * MINUTE_MS;
    const boundaries = new Set([0]);
    for (const period of scheduleOn(dateOfDay(day), calendar)?.periods ?? []) {
      boundaries.add(minuteOfDay(period.start));
      boundaries.add(minuteOfDay(period.end));
    }
    for (const minute of [...boundaries].sort((a, b) => a - b)) {
      const instant = new Date(midnight + minute * MINUTE_MS);
      if (instant > now && marketPhase(instant, calendar) !== current) return instant;
    }
  }
  return null;
}

/** Why a calendar cannot be used, or null. Validate it where it comes in (config, desk form). */
export function calendarProblem(calendar: TradingCalendar): string | null {
  if (!Number.isInteger(calendar.utcOffsetMinutes) || Math.abs(calendar.utcOffsetMinutes) > 14 * 60) {
    return 'UTC offset must be whole minutes within ±14 hours';
  }
  for (const date of calendar.holidays) {
    if (!isDate(date)) return `holiday is not a YYYY-MM-DD date: ${date}`;
  }
  const schedules: [string, SessionSchedule | null][] = [
    ...Object.entries(calendar.weekly),
    ...Object.entries(calendar.specialSchedules),
  ];
  for (const [name, schedule] of schedules) {
    if (!WEEKDAYS.includes(name as Weekday) && !isDate(name)) return `special schedule key is not a date: ${name}`;
    const problem = schedule === null ? null : scheduleProblem(schedule);
    if (problem) return `${name}: ${problem}`;
  }
  return null;
}

function scheduleProblem(schedule: SessionSchedule): string | null {
  let previousEnd = 0;
  for (const period of schedule.periods) {
    if (!TIME_PATTERN.test(period.start) || !TIME_PATTERN.test(period.end)) return 'times must read HH:MM';
    const start = minuteOfDay(period.start);
    const end = minuteOfDay(period.end);
    if (end <= start) return `${period.phase} ${period.start}–${period.end} ends before it starts`;
    if (start < previousEnd) return `${period.phase} at ${period.start} overlaps the period before it`;
    previousEnd = end;
  }
  return null;
}

function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

function localMs(now: Date, calendar: TradingCalendar): number {
  return now.getTime() + calendar.utcOffsetMinutes * MINUTE_MS;
}
