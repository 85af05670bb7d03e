import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';

/**
 * What `?symbols=` and `?indices=` may hold: letters, digits and the odd dot
 * or dash, comma-separated; the cap keeps a query from being a payload. The
 * route's schema and the fast path check the same rule.
 */
export const NAME_LIST_RULE = { maxLength: 2000, pattern: '^[A-Za-z0-9.,\\- ]*$' } as const;

/** Which quotes and indices one stream client asked for; clients with equal `key`s share every event's bytes. */
export interface StreamFilter {
  readonly key: string;
  includes(entryKey: string): boolean;
}

export interface StreamFilterQuery {
  /** Comma-separated symbols; absent means every stock, empty means none. */
  readonly symbols?: string | undefined;
  /** Comma-separated index codes; absent means every index, empty means none. */
  readonly indices?: string | undefined;
}

export type StreamFilterResult =
  | { readonly ok: true; readonly filter: StreamFilter }
  | {
      readonly ok: false;
      readonly unknown: readonly { readonly field: 'symbols' | 'indices'; readonly name: string }[];
    };

/** Every quote, index and exchange rate: what the site's own pages stream (ticker and markets box). */
export const EVERYTHING: StreamFilter = { key: 's=*|i=*', includes: () => true };

/** Checks the names against the market's listings; symbols and codes are matched case-insensitively. */
export function parseStreamFilter(query: StreamFilterQuery, snapshot: MarketSnapshot): StreamFilterResult {
  const symbols = pick(query.symbols, new Set(snapshot.quotes.map((quote) => quote.symbol)));
  const indices = pick(query.indices, new Set(snapshot.indices.map((index) => index.code)));
  const unknown = [
    ...symbols.unknown.map((name) => ({ field: 'symbols' as const, name })),
    ...indices.unknown.map((name) => ({ field: 'indices' as const, name })),
  ];
  if (unknown.length > 0) return { ok: false, unknown };
  if (symbols.chosen === null && indices.chosen === null) return { ok: true, filter: EVERYTHING };
  const keys = new Set<string>([
    ...(symbols.chosen ?? []).map((symbol) => `s:${symbol}`),
    ...(indices.chosen ?? []).map((code) => `i:${code}`),
  ]);
  const allStocks = symbols.chosen === null;
  const allIndices = indices.chosen === null;
  return {
    ok: true,
    filter: {
      key: `s=${symbols.chosen?.join(',') ?? '*'}|i=${indices.chosen?.join(',') ?? '*'}`,
      // Exchange rates go only to the unfiltered stream: a client that names what it wants gets just that.
      includes: (entryKey) =>
        keys.has(entryKey) || (entryKey.startsWith('s:') ? allStocks : entryKey.startsWith('i:') && allIndices),
    },
  };
}

/** `null` chosen means "all"; names come back upper-cased, de-duplicated and sorted so equal asks share a key. */
function pick(list: string | undefined, known: ReadonlySet<string>): { chosen: string[] | null; unknown: string[] } {
  if (list === undefined) return { chosen: null, unknown: [] };
  const names = [...new Set(list.split(',').map((name) => name.trim().toUpperCase()))].filter((name) => name !== '');
  return {
    chosen: names.filter((name) => known.has(name)).sort(),
    unknown: names.filter((name) => !known.has(name)),
  };
}
