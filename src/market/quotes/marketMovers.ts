import type { QuoteView } from '../book/marketSnapshot.js';
import { divideRoundingHalfAway } from '../money/rounding.js';

// Rankings for the Markets overview, from one snapshot's quotes. Ties go to
// the symbol in alphabetical order so a page reads the same on every render.

/** What a ranking by % change reads of a quote: the page's snapshot and the live stream both have it. */
export type Moving = Pick<QuoteView, 'symbol' | 'changePercent'>;

/** The biggest rises by % change; only stocks that rose. */
export function topGainers<Q extends Moving>(quotes: readonly Q[], limit: number): Q[] {
  return quotes
    .filter((quote) => quote.changePercent > 0)
    .sort((a, b) => b.changePercent - a.changePercent || bySymbol(a, b))
    .slice(0, limit);
}

/** The biggest falls by % change; only stocks that fell. */
export function topLosers<Q extends Moving>(quotes: readonly Q[], limit: number): Q[] {
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

/** Most value traded today (Σ price × volume); untraded stocks and those whose value is unknown are left out. */
export function mostActiveByTurnover(quotes: readonly QuoteView[], limit: number): QuoteView[] {
  return quotes
    .filter((quote) => (turnoverOf(quote) ?? 0) > 0)
    .sort((a, b) => (turnoverOf(b) ?? 0) - (turnoverOf(a) ?? 0) || bySymbol(a, b))
    .slice(0, limit);
}

/**
 * Value traded summed over some stocks: `known` is the sum over the stocks
 * whose turnover is known (paisa), `unknown` counts the stocks that traded
 * without one (a day from a closing file). The sum is the whole value only
 * when `unknown` is 0; with every traded stock unknown it says nothing.
 */
export interface TurnoverTotal {
  readonly known: bigint;
  readonly unknown: number;
}

export function turnoverTotal(quotes: readonly QuoteView[]): TurnoverTotal {
  let known = 0n;
  let unknown = 0;
  for (const quote of quotes) {
    const turnover = turnoverOf(quote);
    if (turnover === null) unknown += 1;
    else known += BigInt(turnover);
  }
  return { known, unknown };
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
  /** Σ turnover of the members, and how many traded with it unknown. */
  readonly turnover: TurnoverTotal;
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
        turnover: turnoverTotal(members),
        volume: members.reduce((sum, quote) => sum + quote.volume, 0),
        breadth: marketBreadth(members),
      };
    })
    .sort(
      (a, b) =>
        compareBig(b.turnover.known, a.turnover.known) || (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : 0),
    );
}

/** Today's turnover in paisa: 0 for an untraded stock, null when it traded and the value is unknown. */
export function turnoverOf(quote: QuoteView): number | null {
  return quote.volume === 0 ? 0 : quote.turnover;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bySymbol(a: Pick<QuoteView, 'symbol'>, b: Pick<QuoteView, 'symbol'>): number {
  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}
