import type { IndexState, MarketState, QuoteState, TallyState } from '../book/marketState.js';
import type { Paisa } from '../money/money.js';
import { defineInstrument, type Instrument } from '../quotes/instrument.js';

/** One stock's day as the exchange's closing-rate summary file gives it (psx-market.md §5.2). */
export interface ClosingRow {
  /** The row's line in its file, for reports; 0 when the row did not come from a file. */
  readonly line: number;
  readonly date: string;
  readonly symbol: string;
  readonly sector: string;
  readonly name: string;
  readonly open: Paisa;
  readonly high: Paisa;
  readonly low: Paisa;
  readonly close: Paisa;
  readonly volume: number;
  readonly ldcp: Paisa;
}

/**
 * When an imported day's figures are stamped: the end of PSX's regular
 * session, 15:30 Karachi (UTC+5, no daylight saving) (psx-market.md §4.2).
 */
export function sessionCloseTime(date: string): Date {
  return new Date(`${date}T10:30:00Z`);
}

/**
 * The market state with one closing file's day laid over it: each row's stock
 * shows that day as it ended (last = CLOSE, LDCP, open, high, low, volume),
 * its instrument is created or renamed, and indices holding it move to its
 * close. Stocks not in the file keep what they had. Pure: the caller restores
 * the result into a market and keeps it as a checkpoint.
 */
export function withClosingSession(state: MarketState, rows: readonly ClosingRow[]): MarketState {
  if (rows.length === 0) return state;
  const instruments = new Map(state.instruments.map((instrument) => [instrument.symbol, instrument]));
  const quotes = new Map(state.quotes.map((quote) => [quote.symbol, quote]));
  const tallies = new Map(state.tallies.map((tally) => [tally.symbol, tally]));
  const closes = new Map<string, Paisa>();
  let latest = state.lastChange;
  for (const row of rows) {
    const time = sessionCloseTime(row.date).toISOString();
    if (time > latest) latest = time;
    instruments.set(row.symbol, instrumentFor(instruments.get(row.symbol), row));
    const quote: QuoteState = {
      symbol: row.symbol,
      ldcp: row.ldcp,
      open: row.open,
      high: row.high,
      low: row.low,
      last: row.close,
      volume: row.volume,
      time,
    };
    quotes.set(row.symbol, quote);
    // The file has no trade values, so the day's turnover is unknown (null), never zero.
    const tally: TallyState = { symbol: row.symbol, turnover: null, lastTradeTime: time, prints: [] };
    tallies.set(row.symbol, tally);
    closes.set(row.symbol, row.close);
  }
  return {
    ...state,
    instruments: [...instruments.values()],
    quotes: [...quotes.values()],
    tallies: [...tallies.values()],
    indices: state.indices.map((index) => withPrices(index, closes)),
    lastChange: latest,
  };
}

/**
 * The file names a stock but not its share count or free float; a new
 * instrument has them unknown (null) until the market desk or a listing
 * file gives them, and no index can count it before then.
 */
function instrumentFor(existing: Instrument | undefined, row: ClosingRow): Instrument {
  if (existing) return { ...existing, name: row.name, sector: row.sector };
  return defineInstrument({
    symbol: row.symbol,
    name: row.name,
    sector: row.sector,
    sharesOutstanding: null,
    freeFloat: null,
  });
}

function withPrices(index: IndexState, closes: ReadonlyMap<string, Paisa>): IndexState {
  const prices = index.calculator.prices.map(([symbol, price]) => [symbol, closes.get(symbol) ?? price] as const);
  return { ...index, calculator: { ...index.calculator, prices } };
}
