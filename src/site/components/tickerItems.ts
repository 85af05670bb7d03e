import type { Direction, MarketSnapshot } from '../../market/book/marketSnapshot.js';
import type { PublishedOfficial } from '../routes/publishedIndexFigures.js';

/** One entry of the ticker strip: stocks keyed `s:SYMBOL`, indices `i:CODE`. */
export interface TickerItem {
  readonly key: string;
  readonly kind: 'stock' | 'index';
  readonly direction: Direction;
  readonly ticker: string;
  /**
   * Set on an index only the exchange computes: its official close is shown
   * as that, with its trading date, never as a live figure.
   */
  readonly official?: { readonly date: string };
}

/** Stocks then indices, as the reference ticker runs. */
export function tickerItems(snapshot: MarketSnapshot): TickerItem[] {
  return [
    ...snapshot.quotes.map((quote) => ({
      key: `s:${quote.symbol}`,
      kind: 'stock' as const,
      direction: quote.direction,
      ticker: quote.tickerText,
    })),
    ...snapshot.indices.map((index) => ({
      key: `i:${index.code}`,
      kind: 'index' as const,
      direction: index.direction,
      ticker: index.tickerText,
    })),
  ];
}

/**
 * The published-only indices (the exchange's official closes) after the
 * site's own; a code the site computes itself is shown live, not twice.
 */
export function publishedTickerItems(snapshot: MarketSnapshot, published: readonly PublishedOfficial[]): TickerItem[] {
  const live = new Set(snapshot.indices.map((index) => index.code));
  return published
    .filter(({ view }) => !live.has(view.code))
    .map(({ view, date }) => ({
      key: `i:${view.code}`,
      kind: 'index' as const,
      direction: view.direction,
      ticker: view.tickerText,
      official: { date },
    }));
}

/** How a published index's figure is labelled beside live ones, before its date (`5 Aug 2024`, shortDate). */
export const OFFICIAL_CLOSE_WORDS = "exchange's official close,";

/** The part of a cached fragment's key the published closes decide (snapshotFragment). */
export function publishedKey(published: readonly PublishedOfficial[]): string {
  return published.map(({ view, date }) => `${view.code}.${date}`).join(',');
}

/** The class list of a ticker entry; shared with the island so both render alike. */
export function tickerItemClass(kind: TickerItem['kind'], direction: Direction): string {
  return kind === 'index' ? `tick tick--${direction} tick--index` : `tick tick--${direction}`;
}

/** The index readers come for first: the exchange's benchmark (DESIGN.md, the reference ticker). */
export const LEAD_INDEX = 'KSE100';

/**
 * The order of the strip: indices before stocks, the lead index first, so the
 * benchmark is in view from the first moment on any screen; the rest keep
 * their order.
 */
export function stripOrder(items: readonly TickerItem[]): TickerItem[] {
  const lead = `i:${LEAD_INDEX}`;
  return [
    ...items.filter((item) => item.key === lead),
    ...items.filter((item) => item.kind === 'index' && item.key !== lead),
    ...items.filter((item) => item.kind === 'stock'),
  ];
}
