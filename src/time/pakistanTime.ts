/** The paper's clock: Pakistan Standard Time, UTC+5, no daylight saving since 2009. */
export const NEWSROOM_TIME_ZONE = 'Asia/Karachi';

// Month names are our own rather than Intl's: ICU spells September "Sept" in
// some English locales, and the paper always prints three letters.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Built once: constructing a DateTimeFormat is far costlier than using one.
const karachiFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAY_INDEX: Record<string, number> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

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
  const fields = new Map(karachiFormat.formatToParts(date).map((part) => [part.type, part.value]));
  const number = (type: Intl.DateTimeFormatPartTypes): number => Number(fields.get(type));
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    // Some ICU versions print midnight as "24" even with h23.
    hour: number('hour') % 24,
    minute: number('minute'),
    weekday: WEEKDAY_INDEX[fields.get('weekday') ?? ''] ?? 0,
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
  const t = karachiTime(date);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)}`;
}

/** "Tuesday": the Karachi weekday, as news copy names days. */
export function karachiWeekdayName(date: Date): string {
  return WEEKDAYS[karachiTime(date).weekday] ?? 'Sunday';
}

function monthName(month: number): string {
  return MONTHS[month - 1] ?? '???';
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
