import type { Paisa } from '../money/money.js';
import type { Instrument } from './instrument.js';

/**
 * One company as the paper's listing file (or the desk) describes it: the
 * names, sectors and share counts the exchange's closing file does not carry
 * or carries abbreviated. The market keeps these as reference data, so they
 * win over a closing file's NAME and SECTOR on every import, and a stock
 * first met in a closing file starts with its share count and free float.
 * Absent fields say nothing.
 */
export interface ListingEntry {
  readonly symbol: string;
  readonly name?: string;
  readonly sector?: string;
  /** Whole shares in issue. */
  readonly sharesOutstanding?: number;
  /** Basis points, 0..10000. */
  readonly freeFloat?: number;
  /** A first LDCP lists a stock the market does not hold yet; ignored for a listed one. */
  readonly ldcp?: Paisa;
}

/** `entry` over `older`: each field given replaces the older one. */
export function mergedEntry(older: ListingEntry | undefined, entry: ListingEntry): ListingEntry {
  if (older === undefined) return withoutLdcp(entry);
  return withoutLdcp({ ...older, ...definedFields(entry) });
}

/** The instrument with the entry's figures laid over it. */
export function withListing(instrument: Instrument, entry: ListingEntry | undefined): Instrument {
  if (entry === undefined) return instrument;
  return {
    ...instrument,
    ...(entry.name === undefined ? {} : { name: entry.name }),
    ...(entry.sector === undefined ? {} : { sector: entry.sector }),
    ...(entry.sharesOutstanding === undefined ? {} : { sharesOutstanding: entry.sharesOutstanding }),
    ...(entry.freeFloat === undefined ? {} : { freeFloat: entry.freeFloat }),
  };
}

function withoutLdcp(entry: ListingEntry): ListingEntry {
  const { ldcp: _ldcp, ...rest } = entry;
  return rest;
}

function definedFields(entry: ListingEntry): Partial<ListingEntry> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}
