import { type Paisa, parseRupees } from '../market/money/money.js';
import { isSymbol } from '../market/quotes/instrument.js';
import { UnreadableFileError } from './archiveBytes.js';
import { type CsvRecord, csvRecordsIn } from './csvRecords.js';
import { type ProblemTally, twoDecimals } from './importRows.js';

/**
 * What the listing and constituents files share: a header row naming the
 * columns (any case, any order, extra columns ignored), then one stock per
 * row. Figures may carry thousands separators; percentages a `%`.
 */
export interface ReferenceTable<C extends string> {
  readonly records: readonly CsvRecord[];
  readonly columns: Partial<Record<C, number>>;
}

/** Reads the header; throws UnreadableFileError when the file is empty or lacks a required column. */
export function referenceTable<C extends string>(
  text: string,
  names: Readonly<Record<string, C>>,
  required: readonly C[],
  what: string,
): ReferenceTable<C> {
  const all = [...csvRecordsIn(text)].filter((record): record is CsvRecord => record !== null);
  const [header, ...records] = all;
  if (header === undefined) throw new UnreadableFileError(`the ${what} is empty`);
  const columns: Partial<Record<C, number>> = {};
  header.fields.forEach((field, index) => {
    const column = names[headerKey(field)];
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  const absent = required.filter((column) => columns[column] === undefined);
  if (absent.length > 0) {
    throw new UnreadableFileError(
      `the ${what} needs a header row with the column${absent.length > 1 ? 's' : ''} ${absent.join(', ')}; it reads: ${header.text.slice(0, 200)}`,
    );
  }
  return { records, columns };
}

/** `Free Float (%)` → `free float`: case, brackets, units and punctuation do not matter. */
function headerKey(field: string): string {
  return field
    .toLowerCase()
    .replace(/\((%|pc|percent|rs|pkr)\)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function cellOf<C extends string>(table: ReferenceTable<C>, record: CsvRecord, column: C): string {
  const index = table.columns[column];
  return index === undefined ? '' : (record.fields[index] ?? '').trim();
}

/** Whole shares: `1,234,567` or `1234567`; null when not a positive whole number. */
export function wholeShares(text: string): number | null {
  const plain = text.replace(/[,\s_]/g, '');
  if (!/^\d+$/.test(plain)) return null;
  const shares = Number(plain);
  return Number.isSafeInteger(shares) && shares > 0 ? shares : null;
}

/** A percentage 0–100 with at most two decimals (`45.5`, `45.50%`) as basis points; null otherwise. */
export function percentBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return points <= 10_000 ? points : null;
}

/** A positive price in rupees with at most two decimals (four with trailing zeros), as paisa; null otherwise. */
export function positivePaisa(text: string): Paisa | null {
  const plain = twoDecimals(text.replace(/,/g, ''));
  if (plain === null) return null;
  try {
    const value = parseRupees(plain);
    return value > 0 ? value : null;
  } catch {
    return null;
  }
}

/** Rows not taken, each with why; `accepted` counts those taken. */
export interface ReferenceReport {
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: ProblemTally['listed'];
  readonly rejectedCount: number;
}

export function referenceReport(rowsRead: number, accepted: number, rejected: ProblemTally): ReferenceReport {
  return { rowsRead, accepted, rejected: rejected.listed, rejectedCount: rejected.count };
}

/** What a row says of a stock's shares and free float: either may be left out (undefined); a wrong one is a reason. */
export type ShareFigures =
  | { readonly ok: true; readonly shares: number | undefined; readonly freeFloat: number | undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * A row's Shares and Free float (%) cells, as both reference files give
 * them; `sharesLabel` names the shares column in the reason ("shares
 * outstanding", "shares").
 */
export function shareFigures(cell: (column: 'shares' | 'freeFloat') => string, sharesLabel: string): ShareFigures {
  const sharesText = cell('shares');
  const shares = sharesText === '' ? undefined : wholeShares(sharesText);
  if (shares === null) {
    return { ok: false, reason: `${sharesLabel} must be a whole number above zero, not "${sharesText}"` };
  }
  const floatText = cell('freeFloat');
  const freeFloat = floatText === '' ? undefined : percentBasisPoints(floatText);
  if (freeFloat === null) {
    return {
      ok: false,
      reason: `free float must be a percentage from 0 to 100 with at most two decimals, not "${floatText}"`,
    };
  }
  return { ok: true, shares, freeFloat };
}

/** A row's symbol, upper-cased; null when the cell is not one. */
export function rowSymbol(cell: (column: 'symbol') => string): string | null {
  const symbol = cell('symbol').toUpperCase();
  return isSymbol(symbol) ? symbol : null;
}
