import type { Direction, QuoteView } from '../../market/book/marketSnapshot.js';
import type { IndexConstituent } from '../../market/indices/indexCalculator.js';
import {
  type ConstituentMove,
  divisorAtPreviousClose,
  type IndexDivisor,
  indexContributions,
  indexContributionsInForce,
} from '../../market/indices/indexContribution.js';
import type { Paisa } from '../../market/money/money.js';

/** One line of an index page's constituents table. */
export interface ConstituentRow {
  readonly symbol: string;
  readonly name: string;
  readonly price: Paisa;
  readonly ldcp: Paisa;
  readonly change: Paisa;
  readonly changePercent: number;
  readonly direction: Direction;
  readonly weightBasisPoints: number;
  /** Hundredths of a point the member moved the index today. */
  readonly points: number;
}

export const CONSTITUENT_SORTS = ['symbol', 'price', 'change', 'changePercent', 'weight', 'points'] as const;
export type ConstituentSort = (typeof CONSTITUENT_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

/**
 * Members with today's quotes, weights and points; members without a quote
 * are left out. With the index's divisor in force the points add up to its
 * change even after an intraday divisor change; without it they are worked
 * out from the previous close.
 */
export function constituentRows(
  constituents: readonly IndexConstituent[],
  quotes: readonly QuoteView[],
  previousClose: number,
  divisor?: IndexDivisor,
): ConstituentRow[] {
  const bySymbol = new Map(quotes.map((quote) => [quote.symbol, quote]));
  const members: (ConstituentMove & { readonly quote: QuoteView })[] = [];
  for (const constituent of constituents) {
    const quote = bySymbol.get(constituent.symbol);
    if (quote !== undefined) members.push({ ...constituent, price: quote.last, ldcp: quote.ldcp, quote });
  }
  if (members.length === 0) return [];
  const contributions =
    divisor === undefined
      ? indexContributions(members, divisorAtPreviousClose(members, previousClose))
      : indexContributionsInForce(members, divisor, previousClose);
  return members.map((member, i) => ({
    symbol: member.symbol,
    name: member.quote.name,
    price: member.price,
    ldcp: member.ldcp,
    change: member.quote.change,
    changePercent: member.quote.changePercent,
    direction: member.quote.direction,
    weightBasisPoints: contributions[i]?.weightBasisPoints ?? 0,
    points: contributions[i]?.points ?? 0,
  }));
}

/** The direction a column sorts in when first chosen: names A–Z, figures largest first. */
export function defaultDirection(sort: ConstituentSort): SortDirection {
  return sort === 'symbol' ? 'asc' : 'desc';
}

/** Rows ordered by one column; ties by symbol, so the order is stable between renders. */
export function sortConstituents(
  rows: readonly ConstituentRow[],
  sort: ConstituentSort,
  direction: SortDirection,
): ConstituentRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const primary = sign * compare(sortValue(a, sort), sortValue(b, sort));
    return primary !== 0 ? primary : compare(a.symbol, b.symbol);
  });
}

function sortValue(row: ConstituentRow, sort: ConstituentSort): number | string {
  switch (sort) {
    case 'symbol':
      return row.symbol;
    case 'price':
      return row.price;
    case 'change':
      return row.change;
    case 'changePercent':
      return row.changePercent;
    case 'weight':
      return row.weightBasisPoints;
    case 'points':
      return row.points;
  }
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
