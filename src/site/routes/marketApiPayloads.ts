import { Type } from '@sinclair/typebox';
import type { FxRateView, IndexView, MarketSnapshot, QuoteView } from '../../market/book/marketSnapshot.js';
import { formatRupees, type Paisa, paisa } from '../../market/money/money.js';
import { tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { tickerItems } from '../components/tickerItems.js';
import { hundredthsText } from '../markets/marketFigures.js';

// Figures go out as exact decimal strings ("64.80"), never as floats a client could mis-add.
const Decimal = Type.String({ pattern: '^-?[0-9]+\\.[0-9]{2}$' });
const DirectionSchema = Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('unchanged')]);
const Instant = Type.String({ format: 'date-time' });

export const QuotesResponse = Type.Object({
  asOf: Instant,
  version: Type.Integer(),
  quotes: Type.Array(
    Type.Object({
      symbol: Type.String(),
      name: Type.String(),
      sector: Type.String(),
      last: Decimal,
      ldcp: Decimal,
      change: Decimal,
      changePercent: Type.Number(),
      direction: DirectionSchema,
      open: Type.Union([Decimal, Type.Null()]),
      high: Type.Union([Decimal, Type.Null()]),
      low: Type.Union([Decimal, Type.Null()]),
      volume: Type.Integer(),
      // Unknown is null, never 0: a day from a closing file has volume but no value traded.
      turnover: Type.Union([Decimal, Type.Null()]),
      vwap: Type.Union([Decimal, Type.Null()]),
      date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
      time: Instant,
      ticker: Type.String(),
    }),
  ),
});

export const IndicesResponse = Type.Object({
  asOf: Instant,
  version: Type.Integer(),
  indices: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      value: Decimal,
      previousClose: Decimal,
      change: Decimal,
      changePercent: Type.Number(),
      direction: DirectionSchema,
      time: Instant,
      ticker: Type.String(),
      /** broadsheet: the site computes it live from its constituents; official: the exchange's latest published close. */
      figures: Type.Union([Type.Literal('broadsheet'), Type.Literal('official')]),
      /** The trading day of an official close; absent for a live index. */
      date: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
    }),
  ),
});

export const FxResponse = Type.Object({
  asOf: Instant,
  version: Type.Integer(),
  rates: Type.Array(
    Type.Object({
      pair: Type.String(),
      market: Type.Union([Type.Literal('interbank'), Type.Literal('open')]),
      buying: Decimal,
      selling: Decimal,
      previousBuying: Decimal,
      previousSelling: Decimal,
      buyingChange: Decimal,
      sellingChange: Decimal,
      source: Type.String(),
      time: Instant,
    }),
  ),
});

export const TickerResponse = Type.Object({
  asOf: Instant,
  version: Type.Integer(),
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.Union([Type.Literal('stock'), Type.Literal('index')]),
      direction: DirectionSchema,
      ticker: Type.String(),
      /** An index only the exchange computes: its official close of this trading date, not a live figure. */
      official: Type.Optional(Type.Object({ date: Type.String() })),
    }),
  ),
});

const rupees = (amount: Paisa) => formatRupees(amount);
const optionalRupees = (amount: Paisa | null) => (amount === null ? null : formatRupees(amount));
const points = (hundredths: number) => hundredthsText(hundredths, false);

function quotePayload(quote: QuoteView) {
  return {
    symbol: quote.symbol,
    name: quote.name,
    sector: quote.sector,
    last: rupees(quote.last),
    ldcp: rupees(quote.ldcp),
    change: rupees(quote.change),
    changePercent: quote.changePercent,
    direction: quote.direction,
    open: optionalRupees(quote.open),
    high: optionalRupees(quote.high),
    low: optionalRupees(quote.low),
    volume: quote.volume,
    turnover: quote.volume === 0 ? rupees(paisa(0)) : optionalRupees(quote.turnover as Paisa | null),
    vwap: optionalRupees(quote.vwap),
    date: tradingDateOf(quote.time),
    time: quote.time.toISOString(),
    ticker: quote.tickerText,
  };
}

export function indexPayload(index: IndexView, official?: { readonly date: string }) {
  return {
    ...(official === undefined
      ? { figures: 'broadsheet' as const }
      : { figures: 'official' as const, date: official.date }),
    code: index.code,
    name: index.name,
    value: points(index.value),
    previousClose: points(index.previousClose),
    change: points(index.change),
    changePercent: index.changePercent,
    direction: index.direction,
    time: index.time.toISOString(),
    ticker: index.tickerText,
  };
}

function fxPayload(rate: FxRateView) {
  return {
    pair: rate.pair,
    market: rate.market,
    buying: rupees(rate.buying),
    selling: rupees(rate.selling),
    previousBuying: rupees(rate.previousBuying),
    previousSelling: rupees(rate.previousSelling),
    buyingChange: rupees(paisa(rate.buying - rate.previousBuying)),
    sellingChange: rupees(paisa(rate.selling - rate.previousSelling)),
    source: rate.source,
    time: rate.time.toISOString(),
  };
}

/** All four market payloads of one snapshot. */
export function marketPayloads(snapshot: MarketSnapshot) {
  const head = { asOf: snapshot.asOf.toISOString(), version: snapshot.version };
  return {
    quotes: { ...head, quotes: snapshot.quotes.map(quotePayload) },
    indices: { ...head, indices: snapshot.indices.map((index) => indexPayload(index)) },
    fx: { ...head, rates: snapshot.fx.map(fxPayload) },
    ticker: {
      ...head,
      items: tickerItems(snapshot).map(({ key, kind, direction, ticker }) => ({ key, kind, direction, ticker })),
    },
  };
}
