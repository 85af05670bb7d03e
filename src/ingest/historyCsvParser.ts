import { basename } from 'node:path';
import { formatRupees, type Paisa } from '../market/money/money.js';
import { isSymbol } from '../market/quotes/instrument.js';
import { UnreadableFileError } from './archiveBytes.js';
import { type CsvRecord, csvRecordsIn } from './csvRecords.js';
import {
  type DayFigures,
  isoDate,
  monthNumber,
  outsideRange,
  ProblemTally,
  parseWhole,
  ROWS_PER_SLICE,
  type RowProblem,
  rangeProblem,
  type SlicedParse,
  twoDecimals,
} from './importRows.js';

/** One accepted day: prices (or index values) in hundredths, volume in shares. */
export interface HistoryBar extends DayFigures {
  readonly line: number;
  readonly date: string;
  readonly volume: number;
  /** The file's open was 0 or empty: `open` is the previous day's close in the file, else the day's close. */
  readonly openEstimated?: true;
}

export interface HistoryFile {
  readonly symbol: string;
  readonly rowsRead: number;
  readonly bars: readonly HistoryBar[];
  /** Rows that cannot be right (the first MAX_LISTED_PROBLEMS). */
  readonly rejected: readonly RowProblem[];
  readonly rejectedCount: number;
  /** Days the file lists without a trade (open, high and low 0): the close carries the previous one (the first MAX_LISTED_PROBLEMS). */
  readonly skipped: readonly RowProblem[];
  readonly skippedCount: number;
  /** Accepted days with something to note: open not given, close outside the day's range (the first MAX_LISTED_PROBLEMS). */
  readonly warnings: readonly RowProblem[];
  readonly warningCount: number;
  /** How the file listed its days: many finance sites export newest first. */
  readonly order: 'newest-first' | 'oldest-first' | 'one-day' | 'mixed';
  /** How slash dates were read (see docs/api.md): month first unless a first part above 12 says day first. */
  readonly slashDates: 'month-first' | 'day-first' | 'none';
}

type Column = 'date' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'symbol';

// Header names as finance sites export them, lower-cased with everything but letters removed.
const HEADER_NAMES: Readonly<Record<string, Column>> = {
  date: 'date',
  open: 'open',
  high: 'high',
  low: 'low',
  close: 'close',
  price: 'close',
  last: 'close',
  vol: 'volume',
  volume: 'volume',
  symbol: 'symbol',
  ticker: 'symbol',
};

/**
 * Reads a daily history CSV (one instrument or index): a header row naming
 * Date, Open, High, Low, Close (or Price) and optionally Vol./Volume, in any
 * order and case; other columns (Change %, Adj Close) are ignored. Every row
 * that is unreadable or cannot be true is rejected with its line and reason.
 * The close is kept as published: an index opens before its constituents'
 * first trades, so its open often lies outside the day's later high–low, and
 * an official close may too (the exchange's closing rule, psx-market.md §4.7).
 */
export function parseHistoryCsv(text: string, options: HistoryCsvOptions = {}): HistoryFile {
  return parseWhole(historyCsvSlices(text, options));
}

export interface HistoryCsvOptions {
  readonly symbol?: string;
  readonly fileName?: string;
}

/** parseHistoryCsv as a sliced parse: it yields every ROWS_PER_SLICE rows (and within long records). */
export function* historyCsvSlices(text: string, options: HistoryCsvOptions = {}): SlicedParse<HistoryFile> {
  const records: CsvRecord[] = [];
  for (const record of csvRecordsIn(text)) {
    if (record === null) yield;
    else {
      records.push(record);
      if (records.length % ROWS_PER_SLICE === 0) yield;
    }
  }
  const header = records.shift();
  if (!header) throw new UnreadableFileError('the CSV file is empty');
  const columns = columnsOf(header);
  const symbol = chooseSymbol(options, columns.symbol === undefined ? [] : records.map((r) => cell(r, columns.symbol)));
  const slashDates = slashRule(records.map((record) => cell(record, columns.date)));
  const bars: HistoryBar[] = [];
  const rejected = new ProblemTally();
  const skipped = new ProblemTally();
  const warnings = new ProblemTally();
  const firstLineOf = new Map<string, number>();
  const estimatedText = new Map<number, string>();
  for (const [i, record] of records.entries()) {
    if (i % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) yield;
    const row = { line: record.line, text: record.text.trim() };
    const problem = (reason: string) => rejected.add({ ...row, reason });
    const date = parseDate(cell(record, columns.date), slashDates);
    if (date === null) {
      problem(`date "${cell(record, columns.date)}" is not a date`);
      continue;
    }
    const figures = FIGURES.map((name) => hundredths(cell(record, columns[name])));
    const unreadable = figures.indexOf(null);
    if (unreadable >= 0) {
      const name = FIGURES[unreadable] ?? 'close';
      problem(`${name} "${cell(record, columns[name])}" is not a number to the hundredth`);
      continue;
    }
    const [open, high, low, close] = figures as [number, number, number, number];
    const volume = columns.volume === undefined ? 0 : shares(cell(record, columns.volume));
    if (volume === null) {
      problem(`volume "${cell(record, columns.volume)}" is not a share count`);
      continue;
    }
    if (figures.some((figure) => (figure ?? 0) < 0)) {
      problem('a figure is negative');
      continue;
    }
    const first = firstLineOf.get(date);
    if (first !== undefined) {
      problem(`${date} appears twice (first on line ${first})`);
      continue;
    }
    firstLineOf.set(date, record.line);
    if (open === 0 && high === 0 && low === 0 && volume === 0) {
      skipped.add({ ...row, reason: `${date}: not traded (open, high and low 0)` });
      continue;
    }
    const range = rangeProblem({ high, low });
    if (range) {
      problem(range);
      continue;
    }
    if (close === 0) {
      problem('close must be above zero');
      continue;
    }
    if (outsideRange(close, { high, low })) {
      warnings.add({ ...row, reason: `${date}: close lies outside the day's range; kept as published` });
    }
    if (open === 0) estimatedText.set(record.line, row.text);
    bars.push({
      line: record.line,
      date,
      open,
      high,
      low,
      close,
      volume,
      ...(open === 0 ? { openEstimated: true } : {}),
    });
  }
  const filled = withOpens(bars);
  for (const bar of filled) {
    if (bar.openEstimated) {
      warnings.add({
        line: bar.line,
        text: estimatedText.get(bar.line) ?? '',
        reason: `${bar.date}: open not given; taken as ${formatRupees(bar.open as Paisa)} (the previous close in the file, else the day's close)`,
      });
    }
  }
  return {
    symbol,
    rowsRead: records.length,
    bars: filled,
    rejected: rejected.listed,
    rejectedCount: rejected.count,
    skipped: skipped.listed,
    skippedCount: skipped.count,
    warnings: warnings.listed,
    warningCount: warnings.count,
    order: orderOf(filled),
    slashDates,
  };
}

const FIGURES = ['open', 'high', 'low', 'close'] as const;

/** A day whose open the file leaves at 0 opens at the previous day's close in the file (else its own close). */
function withOpens(bars: readonly HistoryBar[]): HistoryBar[] {
  if (!bars.some((bar) => bar.openEstimated)) return [...bars];
  const byDate = [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const previousClose = new Map<string, number>();
  byDate.forEach((bar, i) => {
    previousClose.set(bar.date, byDate[i - 1]?.close ?? bar.close);
  });
  return bars.map((bar) => (bar.openEstimated ? { ...bar, open: previousClose.get(bar.date) ?? bar.close } : bar));
}

function columnsOf(header: CsvRecord): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.fields.forEach((name, i) => {
    const column = HEADER_NAMES[name.toLowerCase().replace(/[^a-z]/g, '')];
    if (column !== undefined && columns[column] === undefined) columns[column] = i;
  });
  const missing = (['date', 'open', 'high', 'low', 'close'] as const).filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    throw new UnreadableFileError(`the CSV header has no ${missing.join(', ')} column (header: ${header.text.trim()})`);
  }
  return columns;
}

function cell(record: CsvRecord, index: number | undefined): string {
  return index === undefined ? '' : (record.fields[index] ?? '').trim();
}

function chooseSymbol(
  options: { readonly symbol?: string; readonly fileName?: string },
  cells: readonly string[],
): string {
  const named = options.symbol ?? [...new Set(cells.filter((c) => c !== ''))].find(() => true);
  const fromFile =
    options.fileName === undefined
      ? undefined
      : /^([A-Z0-9][A-Z0-9.]{0,15})(?=[ _-]|\.csv$)/.exec(basename(options.fileName))?.[1];
  const symbol = (named ?? fromFile)?.toUpperCase();
  if (symbol === undefined) throw new UnreadableFileError('the file does not name its symbol: pass --symbol');
  if (!isSymbol(symbol)) throw new UnreadableFileError(`"${symbol}" is not a symbol or index code`);
  return symbol;
}

/**
 * `08/02/2024` is 2 August in US exports and 8 February elsewhere. The whole
 * file is read one way: day first if any slash date has a first part above 12,
 * otherwise month first (the layout of the US finance sites that export CSV).
 */
function slashRule(dates: readonly string[]): HistoryFile['slashDates'] {
  const parts = dates.map((d) => /^(\d{1,2})\/(\d{1,2})\/\d{2,4}$/.exec(d)).filter((m) => m !== null);
  if (parts.length === 0) return 'none';
  return parts.some((m) => Number(m[1]) > 12) ? 'day-first' : 'month-first';
}

function parseDate(text: string, slash: HistoryFile['slashDates']): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})[- ,]+(\d{2}|\d{4})$/.exec(text);
  if (m) return monthWord(m[2] ?? '', Number(m[1]), m[3] ?? '');
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m) return monthWord(m[1] ?? '', Number(m[2]), m[3] ?? '');
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [month, day] = slash === 'day-first' ? [second, first] : [first, second];
    return isoDate(fullYear(m[3] ?? ''), month, day);
  }
  return null;
}

function monthWord(word: string, day: number, year: string): string | null {
  const month = monthNumber(word);
  return month === null ? null : isoDate(fullYear(year), month, day);
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** `"40,673.12"` → 4067312; `40673.1200` too; a nonzero third decimal is refused rather than rounded. */
function hundredths(text: string): number | null {
  const exact = twoDecimals(text.replace(/,/g, ''));
  if (exact === null) return null;
  const match = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(exact);
  if (!match) return null;
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

const SUFFIX: Readonly<Record<string, bigint>> = { '': 1n, K: 1_000n, M: 1_000_000n, B: 1_000_000_000n };

/** `3,368,560`, `1.2M`, `350K` → shares; `-` or empty (no volume reported) → 0. */
function shares(text: string): number | null {
  const cleaned = text.replace(/,/g, '');
  if (cleaned === '' || cleaned === '-') return 0;
  const match = /^(\d{1,15})(?:\.(\d{1,6}))?([KMB]?)$/i.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  const multiplier = SUFFIX[(match[3] ?? '').toUpperCase()] ?? 1n;
  if (fraction !== '' && multiplier === 1n) return null;
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(match[1] ?? '0') * scale + BigInt(fraction || '0')) * multiplier;
  // A suffixed figure is already rounded by the site; the nearest whole share is as exact as it gets.
  const whole = (scaled + scale / 2n) / scale;
  return whole > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(whole);
}

function orderOf(bars: readonly HistoryBar[]): HistoryFile['order'] {
  if (bars.length < 2) return 'one-day';
  const rising = bars.every((bar, i) => i === 0 || bar.date > (bars[i - 1]?.date ?? ''));
  const falling = bars.every((bar, i) => i === 0 || bar.date < (bars[i - 1]?.date ?? ''));
  return rising ? 'oldest-first' : falling ? 'newest-first' : 'mixed';
}
