/** Pakistan Standard Time is UTC+05:00 all year (no daylight saving since 2009). */
const KARACHI_OFFSET_MS = 5 * 60 * 60 * 1000;
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
  return new Date(wall - KARACHI_OFFSET_MS);
}

/** The `datetime-local` value showing `at` in Karachi. */
export function toKarachiLocal(at: Date): string {
  return new Date(at.getTime() + KARACHI_OFFSET_MS).toISOString().slice(0, 16);
}
