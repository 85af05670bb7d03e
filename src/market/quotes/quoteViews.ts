import { instrumentOf, type MarketBook, tallyOf } from '../book/marketBook.js';
import type { QuoteView } from '../book/marketSnapshot.js';
import { quoteView } from '../book/snapshotViews.js';
import type { Instrument } from './instrument.js';
import type { Quote } from './quote.js';

interface CachedView {
  readonly quote: Quote;
  /** The quote's volume at the build: a trade moves the book's quote in place, always adding volume. */
  readonly volume: number;
  readonly instrument: Instrument;
  readonly turnover: number | null;
  readonly view: QuoteView;
}

/**
 * The snapshot's quote views, rebuilt only for the stocks that changed since
 * the last build. Instruments are replaced, never edited; a quote is replaced
 * or moved in place by a trade (`printIntoQuote`), which always adds volume:
 * the same objects, volume and turnover mean the same view.
 */
export class QuoteViews {
  private readonly cache = new Map<string, CachedView>();

  /** One view per quote, in the book's (symbol) order. */
  views(book: MarketBook): QuoteView[] {
    const views: QuoteView[] = [];
    for (const [symbol, quote] of book.quotes) {
      const instrument = instrumentOf(book, symbol);
      const turnover = tallyOf(book, symbol).turnover;
      const cached = this.cache.get(symbol);
      if (
        cached &&
        cached.quote === quote &&
        cached.volume === quote.volume &&
        cached.instrument === instrument &&
        cached.turnover === turnover
      ) {
        views.push(cached.view);
        continue;
      }
      const view = quoteView(quote, instrument, turnover);
      this.cache.set(symbol, { quote, volume: quote.volume, instrument, turnover, view });
      views.push(view);
    }
    // A restored book may have dropped symbols.
    if (this.cache.size > views.length) {
      for (const symbol of this.cache.keys()) if (!book.quotes.has(symbol)) this.cache.delete(symbol);
    }
    return views;
  }
}
