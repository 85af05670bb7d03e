import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import type { SearchEntry } from './symbolSearch.js';

/** What the site can find: every listed stock, then every index, from the snapshot. */
export function searchEntriesOf(snapshot: MarketSnapshot): SearchEntry[] {
  return [
    ...snapshot.quotes.map((quote): SearchEntry => ({ kind: 'stock', code: quote.symbol, name: quote.name })),
    ...snapshot.indices.map((index): SearchEntry => ({ kind: 'index', code: index.code, name: index.name })),
  ];
}
