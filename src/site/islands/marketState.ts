// What the market stream says, kept whole: the stream sends one snapshot and
// then only what changed, so whoever joins late (another tab, an island that
// loaded after the snapshot) needs the merged picture to start from.
import type { Direction } from '../../market/book/marketSnapshot.js';

/** A stream or polled entry (docs/api.md): the fields of /quotes or /indices, the ticker line among them. */
interface EntryBase {
  readonly direction: Direction;
  readonly ticker: string;
  readonly [field: string]: unknown;
}

export interface QuoteEntry extends EntryBase {
  readonly symbol: string;
}

export interface IndexEntry extends EntryBase {
  readonly code: string;
}

/** An exchange rate as `/api/v1/market/fx` gives it. */
export interface FxEntry {
  readonly pair: string;
  readonly market: 'interbank' | 'open';
  readonly buying: string;
  readonly selling: string;
  readonly previousSelling: string;
  readonly [field: string]: unknown;
}

/** A `snapshot` or `update` event's data, or the whole state handed to a late listener. */
export interface MarketPayload {
  readonly asOf: string;
  readonly quotes: readonly QuoteEntry[];
  readonly indices: readonly IndexEntry[];
  readonly fx: readonly FxEntry[];
}

/** Merges payloads by symbol, index code and rate; a whole entry replaces the one before it. */
export class MarketState {
  private asOf: string | null = null;
  private quotes = new Map<string, QuoteEntry>();
  private indices = new Map<string, IndexEntry>();
  private fx = new Map<string, FxEntry>();

  /** A snapshot starts afresh, so an entry the server no longer sends is not kept. */
  apply(payload: MarketPayload, whole: boolean): void {
    if (whole) {
      this.quotes = new Map();
      this.indices = new Map();
      this.fx = new Map();
    }
    this.asOf = payload.asOf;
    for (const quote of payload.quotes) this.quotes.set(quote.symbol, quote);
    for (const index of payload.indices) this.indices.set(index.code, index);
    for (const rate of payload.fx) this.fx.set(`${rate.pair}:${rate.market}`, rate);
  }

  /** Everything known, or null before the first payload. */
  whole(): MarketPayload | null {
    if (this.asOf === null) return null;
    return {
      asOf: this.asOf,
      quotes: [...this.quotes.values()],
      indices: [...this.indices.values()],
      fx: [...this.fx.values()],
    };
  }
}

/** What a page tells the shared connection, and what it hears back. */
export type FeedRequest = { readonly kind: 'hello' } | { readonly kind: 'bye' };
export interface FeedMessage {
  readonly kind: 'market';
  /** True for the whole state (a new page, a fresh snapshot, a poll), false for only what changed. */
  readonly whole: boolean;
  readonly payload: MarketPayload;
}
