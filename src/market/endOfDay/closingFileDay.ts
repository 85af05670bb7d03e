import type { IndexState, MarketState, QuoteState, TallyState } from '../book/marketState.js';
import { IndexCalculator } from '../indices/indexCalculator.js';
import type { Paisa } from '../money/money.js';
import { defineInstrument, type Instrument } from '../quotes/instrument.js';
import { type ListingEntry, withListing } from '../quotes/listingEntry.js';

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
  /** The file's OPEN was 0 on a traded row: `open` is the LDCP held within the day's high–low. */
  readonly openEstimated?: true;
}

/**
 * A stock the closing file lists without a trade (no volume; OPEN, HIGH, LOW
 * 0): `close` is the previous close the file carries, ex-adjusted when a
 * corporate action went ex that day (psx-market.md §4.7, §4.10).
 */
export interface UntradedRow {
  readonly line: number;
  readonly date: string;
  readonly symbol: string;
  readonly sector: string;
  readonly name: string;
  readonly close: Paisa;
}

/**
 * When an imported day's figures are stamped: the end of PSX's regular
 * session, 15:30 Karachi (UTC+5, no daylight saving) (psx-market.md §4.2).
 */
export function sessionCloseTime(date: string): Date {
  return new Date(`${date}T10:30:00Z`);
}

/**
 * The market state with one closing file's day laid over it: each traded
 * row's stock shows that day as it ended (last = CLOSE, LDCP, open, high, low,
 * volume), its instrument is created or renamed; a listed stock the file
 * shows untraded is untraded at the previous close the file carries. Stocks
 * not in the file keep what they had. Each index is rebased, its divisor
 * kept: members take their new prices, and its previous close becomes its
 * level at the members' LDCPs, so the day's change is the file's day move.
 * Pure: the caller restores the result into a market and keeps it as a
 * checkpoint.
 */
export function withClosingSession(
  state: MarketState,
  rows: readonly ClosingRow[],
  untraded: readonly UntradedRow[] = [],
): MarketState {
  if (rows.length === 0 && untraded.length === 0) return state;
  const instruments = new Map(state.instruments.map((instrument) => [instrument.symbol, instrument]));
  const quotes = new Map(state.quotes.map((quote) => [quote.symbol, quote]));
  const tallies = new Map(state.tallies.map((tally) => [tally.symbol, tally]));
  const laid = new Set<string>();
  const listing = new Map((state.listing ?? []).map((entry) => [entry.symbol, entry]));
  let latest = state.lastChange;
  for (const row of rows) {
    const time = sessionCloseTime(row.date).toISOString();
    if (time > latest) latest = time;
    instruments.set(row.symbol, instrumentFor(instruments.get(row.symbol), row, listing.get(row.symbol)));
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
    laid.add(row.symbol);
  }
  for (const row of untraded) {
    // An untraded row lists no shares or free float: a stock the market does not hold is not listed from it.
    const existing = instruments.get(row.symbol);
    if (existing === undefined || !quotes.has(row.symbol)) continue;
    const time = sessionCloseTime(row.date).toISOString();
    if (time > latest) latest = time;
    instruments.set(row.symbol, instrumentFor(existing, row, listing.get(row.symbol)));
    quotes.set(row.symbol, {
      symbol: row.symbol,
      ldcp: row.close,
      open: null,
      high: null,
      low: null,
      last: row.close,
      volume: 0,
      time,
    });
    tallies.set(row.symbol, { symbol: row.symbol, turnover: 0, lastTradeTime: null, prints: [] });
    laid.add(row.symbol);
  }
  const day = [...rows, ...untraded].reduce((last, row) => (row.date > last ? row.date : last), '');
  // A day the market has already closed is laid as its close left it: each stock untraded at the file's
  // close (its new LDCP), each index at its level there, so the next day starts from the exchange's figures.
  const closed = state.lastClosed !== null && day !== '' && day <= state.lastClosed;
  if (closed) {
    for (const symbol of laid) {
      const quote = quotes.get(symbol);
      if (quote === undefined) continue;
      quotes.set(symbol, { ...quote, ldcp: quote.last, open: null, high: null, low: null, volume: 0 });
      tallies.set(symbol, { symbol, turnover: 0, lastTradeTime: null, prints: [] });
    }
  }
  const indices = state.indices.map((index) => rebased(index, { quotes, laid, time: latest }));
  return {
    ...state,
    instruments: [...instruments.values()],
    quotes: [...quotes.values()],
    tallies: [...tallies.values()],
    indices: closed ? indices.map((index) => ({ ...index, open: null, high: null, low: null })) : indices,
    lastChange: latest,
  };
}

/**
 * The file names a stock but not its share count or free float; a new
 * instrument has them unknown (null) until the market desk or a listing
 * file gives them, and no index can count it before then. The listing's (and
 * the desk's) names and sectors win over the file's, which the exchange
 * abbreviates and codes.
 */
function instrumentFor(
  existing: Instrument | undefined,
  row: ClosingRow | UntradedRow,
  entry: ListingEntry | undefined,
): Instrument {
  if (existing) return withListing({ ...existing, name: row.name, sector: row.sector }, entry);
  return withListing(
    defineInstrument({
      symbol: row.symbol,
      name: row.name,
      sector: row.sector,
      sharesOutstanding: null,
      freeFloat: null,
    }),
    entry,
  );
}

/**
 * The index over the laid day, at its own divisor (capitalisation ÷ divisor
 * moves only with its members' prices): the previous close is its level at
 * the members' LDCPs, the level at their prices now, the open at their opens
 * (the LDCP where a member did not trade). The file holds no intraday index
 * levels, so the day's range spans open and close only.
 */
function rebased(
  index: IndexState,
  day: { readonly quotes: ReadonlyMap<string, QuoteState>; readonly laid: ReadonlySet<string>; readonly time: string },
): IndexState {
  const { quotes, laid } = day;
  if (!index.calculator.prices.some(([symbol]) => laid.has(symbol))) return index;
  const calculator = IndexCalculator.fromState(index.calculator);
  const held = new Map(index.calculator.prices);
  const levelAt = (priceOf: (quote: QuoteState) => Paisa): number => {
    for (const [symbol, price] of held) {
      const quote = quotes.get(symbol);
      calculator.applyPrice(symbol, quote === undefined ? price : priceOf(quote));
    }
    return calculator.value();
  };
  const previousClose = levelAt((quote) => quote.ldcp);
  const open = levelAt((quote) => quote.open ?? quote.ldcp);
  const prices = index.calculator.prices.map(
    ([symbol, price]) => [symbol, laid.has(symbol) ? (quotes.get(symbol)?.last ?? price) : price] as const,
  );
  for (const [symbol, price] of prices) calculator.applyPrice(symbol, price);
  const value = calculator.value();
  return {
    ...index,
    calculator: { ...index.calculator, prices },
    previousClose,
    // ISO instants compare as text.
    time: [index.time, day.time].sort().at(-1) ?? day.time,
    open,
    high: Math.max(open, value),
    low: Math.min(open, value),
  };
}
