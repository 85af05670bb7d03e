import type { ClosingRow } from '../market/endOfDay/closingFileDay.js';
import { type Paisa, parseRupees } from '../market/money/money.js';
import { isSymbol } from '../market/quotes/instrument.js';
import {
  isoDate,
  monthNumber,
  ProblemTally,
  parseWhole,
  ROWS_PER_SLICE,
  type RowProblem,
  rangeProblem,
  type SlicedParse,
} from './importRows.js';

/** One traded stock of the exchange's closing file; prices in paisa, volume in shares. */
export type { ClosingRow } from '../market/endOfDay/closingFileDay.js';

export interface ClosingFile {
  /** The trading date of the file (`YYYY-MM-DD`), from its first readable row; null when none. */
  readonly date: string | null;
  readonly rowsRead: number;
  readonly rows: readonly ClosingRow[];
  /** Rows the file is right to hold but an import does not take: futures and untraded symbols (the first MAX_LISTED_PROBLEMS). */
  readonly skipped: readonly RowProblem[];
  readonly skippedCount: number;
  /** Rows that cannot be right: malformed, inconsistent, repeated, or of another date (the first MAX_LISTED_PROBLEMS). */
  readonly rejected: readonly RowProblem[];
  readonly rejectedCount: number;
}

const DATE = /^(\d{2})([A-Za-z]{3})(\d{4})$/;
const VOLUME = /^\d{1,15}$/;
// The exchange's sector code of deliverable futures (psx-market.md §5.2).
const FUTURES_SECTOR = '40';

/**
 * Reads `closing11.lis` (psx-market.md §5.2): no header, pipe-delimited
 * `DATE|SYMBOL|SECTOR|NAME|OPEN|HIGH|LOW|CLOSE|VOLUME|LDCP|||`, CRLF, latin-1
 * (`text` is already decoded). VOLUME is shares ("turnover" in PSX usage).
 */
export function parseClosingFile(text: string): ClosingFile {
  return parseWhole(closingFileSlices(text));
}

/** parseClosingFile as a sliced parse: it yields every ROWS_PER_SLICE lines. */
export function* closingFileSlices(text: string): SlicedParse<ClosingFile> {
  const rows: ClosingRow[] = [];
  const skipped = new ProblemTally();
  const rejected = new ProblemTally();
  const seen = new Map<string, number>();
  let date: string | null = null;
  let rowsRead = 0;
  let line = 0;
  for (const raw of linesOf(text)) {
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
    const [rawDate, symbol, sector, name, open, high, low, close, volume, ldcp] = fields as [
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
      rejected.add(problem(`symbol "${symbol}" is not a PSX symbol`));
      continue;
    }
    const prices = [open, high, low, close, ldcp].map(rupeesOrNull);
    if (prices.some((price) => price === null)) {
      rejected.add(problem(`${symbol}: a price is not a rupee amount`));
      continue;
    }
    const [o, h, l, c, previous] = prices as [Paisa, Paisa, Paisa, Paisa, Paisa];
    if (!VOLUME.test(volume)) {
      rejected.add(problem(`${symbol}: volume "${volume}" is not a whole number`));
      continue;
    }
    if (c === 0 && o === 0 && h === 0 && l === 0) {
      skipped.add(problem(`${symbol}: not traded (zero prices)`));
      continue;
    }
    const range = rangeProblem({ open: o, high: h, low: l, close: c });
    if (range) {
      rejected.add(problem(`${symbol}: ${range}`));
      continue;
    }
    if (previous <= 0) {
      rejected.add(problem(`${symbol}: no LDCP`));
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
    rows.push({
      line,
      date: rowDate,
      symbol,
      sector,
      name,
      open: o,
      high: h,
      low: l,
      close: c,
      volume: Number(volume),
      ldcp: previous,
    });
  }
  return {
    date,
    rowsRead,
    rows,
    skipped: skipped.listed,
    skippedCount: skipped.count,
    rejected: rejected.listed,
    rejectedCount: rejected.count,
  };
}

/** Whether the text looks like a closing file: its first line starts `DDMONYYYY|`. */
export function looksLikeClosingFile(text: string): boolean {
  for (const line of linesOf(text)) {
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

function closingDate(text: string): string | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const month = monthNumber(match[2] ?? '');
  return month === null ? null : isoDate(Number(match[3]), month, Number(match[1]));
}

function rupeesOrNull(text: string): Paisa | null {
  try {
    return parseRupees(text);
  } catch {
    return null;
  }
}
