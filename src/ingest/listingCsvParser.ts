import type { ListingEntry } from '../market/quotes/listingEntry.js';
import { ProblemTally } from './importRows.js';
import {
  cellOf,
  positivePaisa,
  type ReferenceReport,
  referenceReport,
  referenceTable,
  rowSymbol,
  shareFigures,
} from './referenceCsv.js';

type ListingColumn = 'symbol' | 'name' | 'sector' | 'shares' | 'freeFloat' | 'ldcp';

const NAMES: Readonly<Record<string, ListingColumn>> = {
  symbol: 'symbol',
  ticker: 'symbol',
  code: 'symbol',
  name: 'name',
  company: 'name',
  'company name': 'name',
  sector: 'sector',
  'sector name': 'sector',
  shares: 'shares',
  'shares outstanding': 'shares',
  'outstanding shares': 'shares',
  'issued shares': 'shares',
  'total shares': 'shares',
  'free float': 'freeFloat',
  freefloat: 'freeFloat',
  ff: 'freeFloat',
  'free float percent': 'freeFloat',
  ldcp: 'ldcp',
  'previous close': 'ldcp',
  'last close': 'ldcp',
};

/** A listing file read: the rows taken as reference data, and a report of every row. */
export interface ListingFile extends ReferenceReport {
  readonly entries: readonly ListingEntry[];
}

/**
 * The paper's listing file (CSV): Symbol and any of Name, Sector, Shares
 * outstanding, Free float (%) and LDCP (Rs), one company per row. An empty
 * cell says nothing about that field; a wrong one rejects its row with the
 * reason. Throws UnreadableFileError for a file without a Symbol column.
 */
export function parseListingCsv(text: string): ListingFile {
  const table = referenceTable(
    text,
    NAMES,
    ['symbol'],
    'listing file (Symbol, Name, Sector, Shares, Free float, LDCP)',
  );
  const rejected = new ProblemTally();
  const entries = new Map<string, ListingEntry>();
  for (const record of table.records) {
    const cell = (column: ListingColumn) => cellOf(table, record, column);
    const reject = (reason: string) => rejected.add({ line: record.line, reason, text: record.text.trim() });
    const symbol = rowSymbol(cell);
    if (symbol === null) {
      reject(`"${cell('symbol')}" is not a symbol`);
      continue;
    }
    const name = cell('name');
    const sector = cell('sector');
    if (name.length > 120) {
      reject('the name is longer than 120 characters');
      continue;
    }
    if (sector.length > 80) {
      reject('the sector is longer than 80 characters');
      continue;
    }
    const figures = shareFigures(cell, 'shares outstanding');
    if (!figures.ok) {
      reject(figures.reason);
      continue;
    }
    const { shares, freeFloat } = figures;
    const ldcpText = cell('ldcp');
    const ldcp = ldcpText === '' ? undefined : positivePaisa(ldcpText);
    if (ldcp === null) {
      reject(`LDCP must be a price in rupees above zero with at most two decimals, not "${ldcpText}"`);
      continue;
    }
    if (entries.has(symbol)) {
      reject(`${symbol} is listed again; the first row stands`);
      continue;
    }
    entries.set(symbol, {
      symbol,
      ...(name === '' ? {} : { name }),
      ...(sector === '' ? {} : { sector }),
      ...(shares === undefined ? {} : { sharesOutstanding: shares }),
      ...(freeFloat === undefined ? {} : { freeFloat }),
      ...(ldcp === undefined ? {} : { ldcp }),
    });
  }
  return { entries: [...entries.values()], ...referenceReport(table.records.length, entries.size, rejected) };
}
