import type { ClosingRow, UntradedRow } from '../market/endOfDay/closingFileDay.js';
import { formatRupees, type Paisa, parseRupees } from '../market/money/money.js';
import { isSymbol } from '../market/quotes/instrument.js';
import {
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

/** One traded stock of the exchange's closing file; prices in paisa, volume in shares. */
export type { ClosingRow, UntradedRow } from '../market/endOfDay/closingFileDay.js';

export interface ClosingFile {
  /** The trading date of the file (`YYYY-MM-DD`), from its first readable row; null when none. */
  readonly date: string | null;
  readonly rowsRead: number;
  readonly rows: readonly ClosingRow[];
  /** Stocks listed without a trade: each keeps its previous close as the file carries it (also counted in `skipped`). */
  readonly untraded: readonly UntradedRow[];
  /** Rows the file is right to hold but an import does not take as a day's trading: futures and untraded symbols (the first MAX_LISTED_PROBLEMS). */
  readonly skipped: readonly RowProblem[];
  readonly skippedCount: number;
  /** Rows that cannot be right: malformed, inconsistent, repeated, or of another date (the first MAX_LISTED_PROBLEMS). */
  readonly rejected: readonly RowProblem[];
  readonly rejectedCount: number;
  /** Accepted rows with something to note: OPEN not given, CLOSE or OPEN outside the day's range (the first MAX_LISTED_PROBLEMS). */
  readonly warnings: readonly RowProblem[];
  readonly warningCount: number;
}

const DATE = /^(\d{2})([A-Za-z]{3})(\d{4})$/;
const VOLUME = /^\d{1,15}$/;
// The exchange's sector code of deliverable futures (psx-market.md §5.2).
const FUTURES_SECTOR = '40';

/**
 * Reads `closing11.lis` (psx-market.md §5.2): no header, pipe-delimited
 * `DATE|SYMBOL|SECTOR|NAME|OPEN|HIGH|LOW|CLOSE|VOLUME|LDCP|||`, CRLF, latin-1
 * (`text` is already decoded). VOLUME is shares ("turnover" in PSX usage).
 * A row without volume did not trade: its OPEN, HIGH and LOW are 0 and its
 * CLOSE carries the previous close, sometimes ex-adjusted (0 in older files:
 * the LDCP then stands). The exchange's CLOSE is official even outside the
 * day's HIGH–LOW (its closing-price rule, §4.7), so it is kept with a warning.
 */
export function parseClosingFile(text: string): ClosingFile {
  return parseWhole(closingFileSlices(text));
}

/** parseClosingFile as a sliced parse: it yields every ROWS_PER_SLICE lines. */
export function* closingFileSlices(text: string): SlicedParse<ClosingFile> {
  const rows: ClosingRow[] = [];
  const untraded: UntradedRow[] = [];
  const skipped = new ProblemTally();
  const rejected = new ProblemTally();
  const warnings = new ProblemTally();
  const seen = new Map<string, number>();
  let date: string | null = null;
  let rowsRead = 0;
  let line = 0;
  for (const raw of linesOf(withoutByteOrderMark(text))) {
    line += 1;
    if (line % ROWS_PER_SLICE === 0) yield;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    rowsRead += 1;
    const problem = (reason: string) => ({ line, reason, text: trimmed });
    const fields = trimmed.split('|').map((field) => field.trim());
    if (fields.length < 10) {
      rejected.add(problem(`expected at least 10 fields, found ${fields.length}`));
      continue;
    }
    const [rawDate, rawSymbol, sector, name, open, high, low, close, volume, ldcp] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const symbol = rawSymbol.toUpperCase();
    const rowDate = closingDate(rawDate);
    if (rowDate === null) {
      rejected.add(problem(`date "${rawDate}" is not DDMONYYYY`));
      continue;
    }
    if (symbol.includes('-') || sector === FUTURES_SECTOR) {
      skipped.add(problem(`${symbol}: futures contract`));
      continue;
    }
    if (!isSymbol(symbol)) {
      rejected.add(problem(`symbol "${rawSymbol}" is not a PSX symbol`));
      continue;
    }
    const prices = [open, high, low, close, ldcp].map(rupeesOrNull);
    const unreadable = prices.indexOf(null);
    if (unreadable >= 0) {
      const column = PRICE_COLUMNS[unreadable] ?? 'a price';
      rejected.add(problem(`${symbol}: ${column} "${fields[4 + unreadable]}" is not a rupee amount to the paisa`));
      continue;
    }
    const [o, h, l, c, previous] = prices as [Paisa, Paisa, Paisa, Paisa, Paisa];
    if ([o, h, l, c, previous].some((price) => price < 0)) {
      rejected.add(problem(`${symbol}: a price is negative`));
      continue;
    }
    if (!VOLUME.test(volume)) {
      rejected.add(problem(`${symbol}: volume "${volume}" is not a whole number`));
      continue;
    }
    date ??= rowDate;
    if (rowDate !== date) {
      rejected.add(problem(`${symbol}: dated ${rowDate}, the file is for ${date}`));
      continue;
    }
    const first = seen.get(symbol);
    if (first !== undefined) {
      rejected.add(problem(`${symbol}: listed again (first on line ${first})`));
      continue;
    }
    seen.set(symbol, line);
    const shares = Number(volume);
    if (shares === 0) {
      // Not traded: the quote keeps its previous close; CLOSE carries it (ex-adjusted when it differs from LDCP).
      const carried = c > 0 ? c : previous;
      if (carried === 0) {
        skipped.add(problem(`${symbol}: not traded (no volume), and no previous close given`));
        continue;
      }
      const adjusted = c > 0 && previous > 0 && c !== previous ? ` (adjusted from LDCP ${formatRupees(previous)})` : '';
      skipped.add(
        problem(`${symbol}: not traded (no volume); previous close ${formatRupees(carried)} kept${adjusted}`),
      );
      untraded.push({ line, date: rowDate, symbol, sector, name, close: carried });
      continue;
    }
    const range = rangeProblem({ high: h, low: l });
    if (range) {
      rejected.add(problem(`${symbol}: ${range}`));
      continue;
    }
    if (c === 0) {
      rejected.add(problem(`${symbol}: traded ${shares} shares but has no CLOSE`));
      continue;
    }
    if (previous === 0) {
      rejected.add(problem(`${symbol}: no LDCP`));
      continue;
    }
    const warn = (reason: string) => warnings.add(problem(`${symbol}: ${reason}`));
    const dayOpen = o > 0 ? o : openFallback(previous, h, l);
    if (o === 0) warn(`OPEN not given; taken as ${formatRupees(dayOpen)} (the LDCP, held within the day's range)`);
    else if (outsideRange(o, { high: h, low: l })) {
      warn(`OPEN ${formatRupees(o)} lies outside the day's range ${formatRupees(l)}–${formatRupees(h)}; kept`);
    }
    if (outsideRange(c, { high: h, low: l })) {
      warn(
        `CLOSE ${formatRupees(c)} lies outside the day's range ${formatRupees(l)}–${formatRupees(h)}; kept as the exchange's official close`,
      );
    }
    rows.push({
      line,
      date: rowDate,
      symbol,
      sector,
      name,
      open: dayOpen,
      high: h,
      low: l,
      close: c,
      volume: shares,
      ldcp: previous,
      ...(o === 0 ? { openEstimated: true as const } : {}),
    });
  }
  return {
    date,
    rowsRead,
    rows,
    untraded,
    skipped: skipped.listed,
    skippedCount: skipped.count,
    rejected: rejected.listed,
    rejectedCount: rejected.count,
    warnings: warnings.listed,
    warningCount: warnings.count,
  };
}

const PRICE_COLUMNS = ['OPEN', 'HIGH', 'LOW', 'CLOSE', 'LDCP'] as const;

/** The first trade lies within the day's range; the LDCP is where the day started, held within it. */
function openFallback(ldcp: Paisa, high: Paisa, low: Paisa): Paisa {
  return Math.min(Math.max(ldcp, low), high) as Paisa;
}

/** Whether the text looks like a closing file: its first line starts `DDMONYYYY|`. */
export function looksLikeClosingFile(text: string): boolean {
  for (const line of linesOf(withoutByteOrderMark(text))) {
    if (line.trim() !== '') return /^\s*\d{2}[A-Za-z]{3}\d{4}\s*\|/.test(line);
  }
  return false;
}

/** The text's lines (CRLF or LF), one at a time rather than split all at once. */
function* linesOf(text: string): Generator<string, void, void> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    yield text.slice(start, stop > start && text[stop - 1] === '\r' ? stop - 1 : stop);
    if (end < 0) return;
    start = end + 1;
  }
}

/** A byte-order mark, decoded (U+FEFF) or read as latin-1 (`ï»¿`), is not part of the first row. */
function withoutByteOrderMark(text: string): string {
  if (text.startsWith('\uFEFF')) return text.slice(1);
  return text.startsWith('\u00EF\u00BB\u00BF') ? text.slice(3) : text;
}

function closingDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const month = monthNumber(match[2] ?? '');
  return month === null ? null : isoDate(Number(match[3]), month, Number(match[1]));
}

function rupeesOrNull(text: string): Paisa | null {
  const exact = twoDecimals(text);
  if (exact === null) return null;
  try {
    return parseRupees(exact);
  } catch {
    return null;
  }
}
