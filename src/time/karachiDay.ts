/**
 * Calendar days in Asia/Karachi, which is UTC+05:00 all year (Pakistan has not
 * observed daylight saving since 2009), so a fixed offset is exact.
 */
const KARACHI_OFFSET_MS = 5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC instants [startMs, endMs) that make up one Karachi calendar day. */
export interface DayRange {
  readonly startMs: number;
  readonly endMs: number;
}

/** Parses `YYYY-MM-DD` (a Karachi date) into its UTC range; throws RangeError on anything else. */
export function karachiDayRange(date: string): DayRange {
  const match = DATE_KEY.exec(date);
  if (match === null) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  if (karachiDateOf(midnightAsUtc - KARACHI_OFFSET_MS) !== date) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  const startMs = midnightAsUtc - KARACHI_OFFSET_MS;
  return { startMs, endMs: startMs + DAY_MS };
}

/** The Karachi calendar date (`YYYY-MM-DD`) of a UTC instant. */
export function karachiDateOf(epochMs: number): string {
  return new Date(epochMs + KARACHI_OFFSET_MS).toISOString().slice(0, 10);
}
