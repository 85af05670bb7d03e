import { ProblemTally } from './importRows.js';
import {
  cellOf,
  type ReferenceReport,
  referenceReport,
  referenceTable,
  rowSymbol,
  shareFigures,
} from './referenceCsv.js';

type ConstituentColumn = 'symbol' | 'shares' | 'freeFloat';

const NAMES: Readonly<Record<string, ConstituentColumn>> = {
  symbol: 'symbol',
  ticker: 'symbol',
  code: 'symbol',
  shares: 'shares',
  'index shares': 'shares',
  'shares outstanding': 'shares',
  'outstanding shares': 'shares',
  'free float': 'freeFloat',
  freefloat: 'freeFloat',
  ff: 'freeFloat',
  'free float percent': 'freeFloat',
};

/** A member as the file gives it; a figure left out is taken from the instrument's master data. */
export interface ConstituentLine {
  readonly line: number;
  readonly symbol: string;
  readonly shares?: number;
  /** Basis points. */
  readonly freeFloat?: number;
}

export interface ConstituentsFile extends ReferenceReport {
  readonly members: readonly ConstituentLine[];
}

/**
 * An index's constituents file (CSV): Symbol, and optionally the shares the
 * index counts and the free float (%), one member per row.
 */
export function parseConstituentsCsv(text: string): ConstituentsFile {
  const table = referenceTable(text, NAMES, ['symbol'], 'constituents file (Symbol, Shares, Free float)');
  const rejected = new ProblemTally();
  const members = new Map<string, ConstituentLine>();
  for (const record of table.records) {
    const cell = (column: ConstituentColumn) => cellOf(table, record, column);
    const reject = (reason: string) => rejected.add({ line: record.line, reason, text: record.text.trim() });
    const symbol = rowSymbol(cell);
    if (symbol === null) {
      reject(`"${cell('symbol')}" is not a symbol`);
      continue;
    }
    const figures = shareFigures(cell, 'shares');
    if (!figures.ok) {
      reject(figures.reason);
      continue;
    }
    const { shares, freeFloat } = figures;
    if (members.has(symbol)) {
      reject(`${symbol} is listed again; the first row stands`);
      continue;
    }
    members.set(symbol, {
      line: record.line,
      symbol,
      ...(shares === undefined ? {} : { shares }),
      ...(freeFloat === undefined ? {} : { freeFloat }),
    });
  }
  return { members: [...members.values()], ...referenceReport(table.records.length, members.size, rejected) };
}
