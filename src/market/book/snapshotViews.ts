import { sessionCloseTime } from '../endOfDay/closingFileDay.js';
import { vwap } from '../endOfDay/closingRules.js';
import type { IndexCalculator } from '../indices/indexCalculator.js';
import { percentHundredths } from '../money/rounding.js';
import type { Instrument } from '../quotes/instrument.js';
import { directionOf, type Quote, quoteChange, quoteChangePercent } from '../quotes/quote.js';
import { formatIndexTicker, formatStockTicker } from '../quotes/tickerFormat.js';
import type { FxRateView, IndexView, QuoteView } from './marketSnapshot.js';

/**
 * When a snapshot's figures are from: the latest quote time (a trade, or the
 * close a quote stands at) or FX rate time; null with neither. Not the time
 * the market last changed, which a desk edit, a status tick or an import of an
 * old closing file moves without any price being newer.
 */
export function figuresAsOf(quotes: readonly QuoteView[], fx: readonly FxRateView[]): Date | null {
  let latest: Date | null = null;
  for (const { time } of quotes) if (latest === null || time > latest) latest = time;
  for (const { time } of fx) if (latest === null || time > latest) latest = time;
  return latest;
}

/** A quote as the ticker and the quotes API show it; turnover (paisa) is null when unknown, and VWAP with it. */
export function quoteView(quote: Quote, instrument: Instrument, turnover: number | null): QuoteView {
  const change = quoteChange(quote);
  const figures = {
    symbol: quote.symbol,
    last: quote.last,
    change,
    changePercent: quoteChangePercent(quote),
    direction: directionOf(change),
  };
  return {
    ...figures,
    name: instrument.name,
    sector: instrument.sector,
    ldcp: quote.ldcp,
    open: quote.open,
    high: quote.high,
    low: quote.low,
    volume: quote.volume,
    time: quote.time,
    turnover,
    vwap: turnover === null || quote.volume === 0 ? null : vwap(turnover, quote.volume),
    tickerText: formatStockTicker(figures),
  };
}

/** An index as the ticker and the indices API show it; all figures in hundredths of a point. */
export function indexView(
  calculator: IndexCalculator,
  previousClose: number,
  time: Date,
  range?: { readonly high: number | null; readonly low: number | null },
): IndexView {
  const value = calculator.value();
  const change = value - previousClose;
  const figures = {
    code: calculator.code,
    value,
    change,
    changePercent: percentHundredths(change, previousClose) / 100,
    direction: directionOf(change),
  };
  return {
    ...figures,
    name: calculator.name,
    previousClose,
    time,
    ...(range?.high == null ? {} : { high: range.high }),
    ...(range?.low == null ? {} : { low: range.low }),
    tickerText: formatIndexTicker(figures),
  };
}

/**
 * An index the site does not compute, as the exchange published it: its
 * latest official close against the one before (unchanged when there is
 * none), stamped at that day's session close.
 */
export function publishedIndexView(
  index: { readonly code: string; readonly name: string },
  latest: {
    readonly date: string;
    readonly close: number;
    readonly high?: number | null;
    readonly low?: number | null;
  },
  previous: { readonly close: number } | null,
): IndexView {
  const previousClose = previous?.close ?? latest.close;
  const change = latest.close - previousClose;
  const figures = {
    code: index.code,
    value: latest.close,
    change,
    changePercent: percentHundredths(change, previousClose) / 100,
    direction: directionOf(change),
  };
  return {
    ...figures,
    name: index.name,
    previousClose,
    time: sessionCloseTime(latest.date),
    tickerText: formatIndexTicker(figures),
    // The day's range as the exchange's file gave it; a file with closes only leaves it unknown.
    ...(latest.high !== undefined && latest.high !== null ? { high: latest.high } : {}),
    ...(latest.low !== undefined && latest.low !== null ? { low: latest.low } : {}),
  };
}
