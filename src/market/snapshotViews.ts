import type { IndexCalculator } from './indexCalculator.js';
import type { Instrument } from './instrument.js';
import type { IndexView, QuoteView } from './marketSnapshot.js';
import { directionOf, type Quote, quoteChange, quoteChangePercent } from './quote.js';
import { percentHundredths } from './rounding.js';
import { formatIndexTicker, formatStockTicker } from './tickerFormat.js';

/** A quote as the ticker and the quotes API show it. */
export function quoteView(quote: Quote, instrument: Instrument): QuoteView {
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
    tickerText: formatStockTicker(figures),
  };
}

/** An index as the ticker and the indices API show it; all figures in hundredths of a point. */
export function indexView(calculator: IndexCalculator, previousClose: number, time: Date): IndexView {
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
    tickerText: formatIndexTicker(figures),
  };
}
