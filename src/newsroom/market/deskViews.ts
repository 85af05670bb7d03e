import type { Market } from '../../market/book/market.js';
import type { FxRateView, MarketStatusView } from '../../market/book/marketSnapshot.js';
import { type Paisa, paisa } from '../../market/money/money.js';
import { divideBigRoundingHalfAway, percentHundredths } from '../../market/money/rounding.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import { sessionStatus } from '../../market/sessions/statusText.js';

/** One row of the instruments table. */
export interface InstrumentRow {
  readonly instrument: Instrument;
  readonly ldcp: Paisa;
  readonly last: Paisa;
}

export function instrumentRows(market: Market): InstrumentRow[] {
  return market.symbols().flatMap((symbol) => {
    const instrument = market.instrument(symbol);
    const quote = market.quote(symbol);
    return instrument && quote ? [{ instrument, ldcp: quote.ldcp, last: quote.last }] : [];
  });
}

/** One constituent as the index counts it, with its share of the index's capitalisation. */
export interface MemberRow {
  readonly symbol: string;
  readonly name: string;
  readonly shares: number;
  readonly freeFloat: number;
  readonly capFactor: number;
  readonly price: Paisa;
  /** price × shares × free float × cap factor ÷ the index's total, in basis points, half away from zero. */
  readonly weightBasisPoints: number;
}

export function memberRows(market: Market, code: string): MemberRow[] | undefined {
  const constituents = market.indexConstituents(code);
  if (constituents === undefined) return undefined;
  const rows = constituents.map((c) => {
    const price = market.quote(c.symbol)?.last ?? (0 as Paisa);
    const capFactor = c.capFactor ?? 10_000;
    return {
      symbol: c.symbol,
      name: market.instrument(c.symbol)?.name ?? c.symbol,
      shares: c.shares,
      freeFloat: c.freeFloat,
      capFactor,
      price,
      cap: BigInt(price) * BigInt(c.shares) * BigInt(c.freeFloat) * BigInt(capFactor),
    };
  });
  const total = rows.reduce((sum, row) => sum + row.cap, 0n);
  return rows.map(({ cap, ...row }) => ({
    ...row,
    weightBasisPoints: total === 0n ? 0 : Number(divideBigRoundingHalfAway(cap * 10_000n, total)),
  }));
}

/** An index as the desk's list shows it. */
export interface IndexSummary {
  readonly code: string;
  readonly name: string;
  readonly value: number;
  readonly members: number;
  readonly pendingRecompositions: number;
}

export function indexSummaries(market: Market): IndexSummary[] {
  const pending = market.scheduledRecompositions();
  return market.snapshot().indices.map((index) => ({
    code: index.code,
    name: index.name,
    value: index.value,
    members: market.indexConstituents(index.code)?.length ?? 0,
    pendingRecompositions: pending.filter((r) => r.code === index.code).length,
  }));
}

/** A live rate with its change against the previous close (the last rate of the latest earlier day). */
export interface FxRow {
  readonly rate: FxRateView;
  /** The earlier day on record the previous close comes from; null when it is the rate the book started with. */
  readonly previousDate: string | null;
  readonly buyingChange: Paisa;
  readonly sellingChange: Paisa;
  /** % of the previous buying rate, rounded half away from zero to 2 decimals. */
  readonly buyingChangePercent: number;
}

export function fxRows(market: Market, today: string): FxRow[] {
  return market.fxRates().map((rate) => {
    const buyingChange = paisa(rate.buying - rate.previousBuying);
    return {
      rate,
      previousDate: market.fxDailyChange(rate.pair, rate.market, today)?.previous?.date ?? null,
      buyingChange,
      sellingChange: paisa(rate.selling - rate.previousSelling),
      buyingChangePercent: percentHundredths(buyingChange, rate.previousBuying) / 100,
    };
  });
}

/** The status at `now`: a halt the market is in, else the calendar's phase; null without a calendar. */
export function statusNow(market: Market, now: Date): MarketStatusView | null {
  const last = market.snapshot().status;
  if (last?.phase === 'halted' && (last.nextChange === null || now < last.nextChange)) return last;
  return market.calendar ? sessionStatus(now, market.calendar) : null;
}
