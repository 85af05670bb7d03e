import type { QuoteView } from '../book/marketSnapshot.js';
import { divideRoundingHalfAway } from '../money/rounding.js';

// Rankings for the Markets overview, from one snapshot's quotes. Ties go to
// the symbol in alphabetical order so a page reads the same on every render.

/** The biggest rises by % change; only stocks that rose. */
export function topGainers(quotes: readonly QuoteView[], limit: number): QuoteView[] {
  return quotes
    .filter((quote) => quote.changePercent > 0)
    .sort((a, b) => b.changePercent - a.changePercent || bySymbol(a, b))
    .slice(0, limit);
}

/** The biggest falls by % change; only stocks that fell. */
export function topLosers(quotes: readonly QuoteView[], limit: number): QuoteView[] {
  return quotes
    .filter((quote) => quote.changePercent < 0)
    .sort((a, b) => a.changePercent - b.changePercent || bySymbol(a, b))
    .slice(0, limit);
}

/** Most shares traded today; untraded stocks are left out. */
export function mostActiveByVolume(quotes: readonly QuoteView[], limit: number): QuoteView[] {
  return quotes
    .filter((quote) => quote.volume > 0)
    .sort((a, b) => b.volume - a.volume || bySymbol(a, b))
    .slice(0, limit);
}

/** Most value traded today (Σ price × volume); untraded stocks are left out. */
export function mostActiveByTurnover(quotes: readonly QuoteView[], limit: number): QuoteView[] {
  return quotes
    .filter((quote) => turnoverOf(quote) > 0)
    .sort((a, b) => turnoverOf(b) - turnoverOf(a) || bySymbol(a, b))
    .slice(0, limit);
}

/** How many stocks rose, fell and held against LDCP: the market's breadth. */
export interface MarketBreadth {
  readonly advancers: number;
  readonly decliners: number;
  readonly unchanged: number;
}

export function marketBreadth(quotes: readonly QuoteView[]): MarketBreadth {
  let advancers = 0;
  let decliners = 0;
  let unchanged = 0;
  for (const quote of quotes) {
    switch (quote.direction) {
      case 'up':
        advancers += 1;
        break;
      case 'down':
        decliners += 1;
        break;
      case 'unchanged':
        unchanged += 1;
        break;
    }
  }
  return { advancers, decliners, unchanged };
}

/** One sector's day: an unweighted average of its stocks' % changes, and their summed turnover. */
export interface SectorPerformance {
  readonly sector: string;
  readonly stocks: number;
  /** Mean of the members' % changes, rounded half away from zero to 2 decimals. */
  readonly averageChangePercent: number;
  /** Σ turnover of the members, paisa. */
  readonly turnover: number;
  readonly volume: number;
  readonly breadth: MarketBreadth;
}

/** Every sector with at least one stock, most turnover first (then by name). */
export function sectorPerformance(quotes: readonly QuoteView[]): SectorPerformance[] {
  const bySector = new Map<string, QuoteView[]>();
  for (const quote of quotes) {
    const members = bySector.get(quote.sector) ?? [];
    members.push(quote);
    bySector.set(quote.sector, members);
  }
  return [...bySector]
    .map(([sector, members]): SectorPerformance => {
      // % changes carry two decimals: summed as whole hundredths, so the mean is exact before its one rounding.
      const hundredths = members.reduce((sum, quote) => sum + Math.round(quote.changePercent * 100), 0);
      return {
        sector,
        stocks: members.length,
        averageChangePercent: divideRoundingHalfAway(hundredths, members.length) / 100,
        turnover: members.reduce((sum, quote) => sum + turnoverOf(quote), 0),
        volume: members.reduce((sum, quote) => sum + quote.volume, 0),
        breadth: marketBreadth(members),
      };
    })
    .sort((a, b) => b.turnover - a.turnover || (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0));
}

/** Today's turnover in paisa; 0 when the snapshot does not carry it. */
export function turnoverOf(quote: QuoteView): number {
  return quote.turnover ?? 0;
}

function bySymbol(a: QuoteView, b: QuoteView): number {
  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}
