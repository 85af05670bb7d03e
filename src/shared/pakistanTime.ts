/**
 * The paper's clock and the exchange's: Pakistan Standard Time, UTC+05:00 all
 * year. Pakistan has not observed daylight saving since 2009, so a fixed
 * offset is exact for every date the site shows, and the same arithmetic runs
 * in the server and in the browser's islands without Intl time-zone data.
 * Every conversion between an instant and Karachi's wall clock goes through
 * this module.
 */
export const NEWSROOM_TIME_ZONE = 'Asia/Karachi';
export const KARACHI_UTC_OFFSET_MS = 5 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

// Month names are our own rather than Intl's: ICU spells September "Sept" in
// some English locales, and the paper always prints three letters.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of an instant in Karachi. `month` is 1–12, `hour` 0–23, `weekday` 0 = Sunday. */
export interface KarachiTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

export function karachiTime(date: Date): KarachiTime {
  const wall = new Date(date.getTime() + KARACHI_UTC_OFFSET_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

/** "31 Jan, 2023 06:03pm": the byline's "Published …" stamp. */
export function formatPublished(date: Date): string {
  const t = karachiTime(date);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const meridiem = t.hour < 12 ? 'am' : 'pm';
  return `${pad2(t.day)} ${monthName(t.month)}, ${t.year} ${pad2(hour12)}:${pad2(t.minute)}${meridiem}`;
}

/** "Jan 31, 2023": today's date under the masthead. */
export function formatMastheadDate(date: Date): string {
  const t = karachiTime(date);
  return `${monthName(t.month)} ${pad2(t.day)}, ${t.year}`;
}

/** "2023-01-31": the Karachi calendar date, used to key print editions and archives. */
export function karachiDateKey(date: Date): string {
  return karachiDateOf(date.getTime());
}

/** "Tuesday": the Karachi weekday, as news copy names days. */
export function karachiWeekdayName(date: Date): string {
  return WEEKDAYS[karachiTime(date).weekday] ?? 'Sunday';
}

/** "14:05": Karachi clock time of an instant. */
export function karachiClock(date: Date): string {
  return new Date(date.getTime() + KARACHI_UTC_OFFSET_MS).toISOString().slice(11, 16);
}

/** The Karachi calendar date (`YYYY-MM-DD`) of a UTC instant. */
export function karachiDateOf(epochMs: number): string {
  return new Date(epochMs + KARACHI_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instants [startMs, endMs) that make up one Karachi calendar day. */
export interface DayRange {
  readonly startMs: number;
  readonly endMs: number;
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (a Karachi date) into its UTC range; throws RangeError on anything else. */
export function karachiDayRange(date: string): DayRange {
  const match = DATE_KEY.exec(date);
  if (match === null) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  if (karachiDateOf(midnightAsUtc - KARACHI_UTC_OFFSET_MS) !== date) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  const startMs = midnightAsUtc - KARACHI_UTC_OFFSET_MS;
  return { startMs, endMs: startMs + DAY_MS };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Reads a `<input type="datetime-local">` value as Karachi wall-clock time.
 * Null for anything that is not a real minute of a real day.
 */
export function parseKarachiLocal(text: string): Date | null {
  const match = LOCAL.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(wall - KARACHI_UTC_OFFSET_MS);
}

/** The `datetime-local` value showing `at` in Karachi. */
export function toKarachiLocal(at: Date): string {
  return new Date(at.getTime() + KARACHI_UTC_OFFSET_MS).toISOString().slice(0, 16);
}

/** "2023-01-31T18:03:00+05:00": an instant in ISO 8601 with Karachi's offset, as structured data and Open Graph want it. */
export function toKarachiIsoString(at: Date): string {
  return `${new Date(at.getTime() + KARACHI_UTC_OFFSET_MS).toISOString().slice(0, 19)}+05:00`;
}

function monthName(month: number): string {
  return MONTHS[month - 1] ?? '???';
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
