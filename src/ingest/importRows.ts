/** A line of an import file that was not taken, with why; line numbers count from 1. */
export interface RowProblem {
  readonly line: number;
  readonly reason: string;
  /** The line as read, trimmed, so a report can be checked against the file. */
  readonly text: string;
}

/** A day's figures of one instrument or index: two-decimal prices as integer hundredths (paisa). */
export interface DayFigures {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Why a day's high/low cannot be true, or null. Open and close are the exchange's and may lie outside the range. */
export function rangeProblem(day: Pick<DayFigures, 'high' | 'low'>): string | null {
  if (day.low <= 0 || day.high <= 0) return 'high and low must be above zero';
  if (day.high < day.low) return 'high is below low';
  return null;
}

/** Whether a figure lies outside the day's low–high. */
export function outsideRange(figure: number, day: Pick<DayFigures, 'high' | 'low'>): boolean {
  return figure < day.low || figure > day.high;
}

/**
 * `84.2000` → `84.20`: some exports write four decimals. Digits past the
 * second must be zeros (the exchange's tick is Rs 0.01, psx-market.md §4.5);
 * anything finer is null rather than rounded.
 */
export function twoDecimals(text: string): string | null {
  const match = /^(.*\.\d{2})(\d+)$/.exec(text);
  if (!match) return text;
  return /^0+$/.test(match[2] ?? '') ? (match[1] ?? text) : null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `AUG` / `Aug` / `august` → 1..12, or null. */
export function monthNumber(text: string): number | null {
  const index = MONTHS.indexOf(text.slice(0, 3).toUpperCase());
  return index < 0 ? null : index + 1;
}

/** `YYYY-MM-DD` of a real calendar day, or null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * How many problems of each kind a report lists; the rest are only counted.
 * A real file has a handful; a file of 100,000 bad lines would otherwise make
 * an answer of megabytes that helps nobody.
 */
export const MAX_LISTED_PROBLEMS = 100;

/** Problems of one kind: the first MAX_LISTED_PROBLEMS kept, every one counted. */
export class ProblemTally {
  readonly listed: RowProblem[] = [];
  count = 0;

  add(problem: RowProblem): void {
    this.count += 1;
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
  }
}

/** Rows a parser reads between the points where its caller may turn to other work. */
export const ROWS_PER_SLICE = 1000;

/**
 * A parse written as a generator that yields (nothing) every ROWS_PER_SLICE
 * rows and returns its result: the parser stays pure, and whoever runs it
 * decides whether to pause there (a server lets other requests in).
 */
export type SlicedParse<T> = Generator<void, T, void>;

/** Runs a sliced parse to its end without pausing. */
export function parseWhole<T>(parse: SlicedParse<T>): T {
  for (;;) {
    const step = parse.next();
    if (step.done) return step.value;
  }
}
