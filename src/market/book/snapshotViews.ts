import { vwap } from '../endOfDay/closingRules.js';
import type { IndexCalculator } from '../indices/indexCalculator.js';
import { percentHundredths } from '../money/rounding.js';
import type { Instrument } from '../quotes/instrument.js';
import { directionOf, type Quote, quoteChange, quoteChangePercent } from '../quotes/quote.js';
import { formatIndexTicker, formatStockTicker } from '../quotes/tickerFormat.js';
import type { IndexView, QuoteView } from './marketSnapshot.js';

/** A quote as the ticker and the quotes API show it; turnover (paisa) adds turnover and VWAP. */
export function quoteView(quote: Quote, instrument: Instrument, turnover?: number): QuoteView {
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
    ...(turnover === undefined ? {} : { turnover }),
    ...(turnover === undefined || quote.volume === 0 ? {} : { vwap: vwap(turnover, quote.volume) }),
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
