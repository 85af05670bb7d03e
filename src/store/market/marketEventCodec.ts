import type { DeskChange } from '../../market/book/deskChange.js';
import type { MarketEvent, MarketEventKind } from '../../market/book/marketEvent.js';
import type { CorporateAction } from '../../market/corporateActions/corporateAction.js';
import type { FxMarket } from '../../market/fx/fxRate.js';
import type { Paisa } from '../../market/money/money.js';

/** An event as one row of the log holds it. */
export interface EncodedEvent {
  readonly kind: MarketEventKind;
  readonly feed: string | null;
  readonly seq: number | null;
  readonly bodyJson: string;
  readonly eventTime: number;
}

export function encodeEvent(event: MarketEvent): EncodedEvent {
  switch (event.kind) {
    case 'trade': {
      const { trade } = event;
      const sequenced = trade.seq !== undefined;
      return {
        kind: 'trade',
        feed: sequenced ? (trade.feed ?? 'default') : null,
        seq: sequenced ? (trade.seq ?? null) : null,
        // Written out as JSON.stringify of { symbol, price, volume } would be (whole numbers print alike), without
        // the object: every trade of the log is encoded once.
        bodyJson: `{"symbol":${JSON.stringify(trade.symbol)},"price":${trade.price},"volume":${trade.volume}}`,
        eventTime: trade.time.getTime(),
      };
    }
    case 'fxRate': {
      const { update } = event;
      const body = { pair: update.pair, market: update.market, buying: update.buying, selling: update.selling };
      return {
        kind: 'fxRate',
        feed: null,
        seq: null,
        bodyJson: JSON.stringify(update.source === undefined ? body : { ...body, source: update.source }),
        eventTime: update.time.getTime(),
      };
    }
    case 'corporateAction':
      return {
        kind: 'corporateAction',
        feed: null,
        seq: null,
        bodyJson: JSON.stringify(event.action),
        eventTime: event.time.getTime(),
      };
    case 'dayClose':
      return {
        kind: 'dayClose',
        feed: null,
        seq: null,
        bodyJson: JSON.stringify({ date: event.date }),
        eventTime: event.time.getTime(),
      };
    case 'deskChange':
      return {
        kind: 'deskChange',
        feed: null,
        seq: null,
        bodyJson: JSON.stringify(event.change),
        eventTime: event.time.getTime(),
      };
  }
}

interface EventRow {
  readonly kind: MarketEventKind;
  readonly feed: string | null;
  readonly seq: number | null;
  readonly body_json: string;
  readonly event_time: number;
}

/** The log only holds rows this module wrote, so the body is trusted to match its kind. */
export function decodeEvent(row: EventRow): MarketEvent {
  const time = new Date(Number(row.event_time));
  switch (row.kind) {
    case 'trade': {
      const body = JSON.parse(row.body_json) as { symbol: string; price: Paisa; volume: number };
      const sequence = row.feed !== null && row.seq !== null ? { feed: row.feed, seq: Number(row.seq) } : {};
      return { kind: 'trade', trade: { ...body, time, ...sequence } };
    }
    case 'fxRate': {
      const body = JSON.parse(row.body_json) as {
        pair: string;
        market: FxMarket;
        buying: Paisa;
        selling: Paisa;
        source?: string;
      };
      return { kind: 'fxRate', update: { ...body, time } };
    }
    case 'corporateAction':
      return { kind: 'corporateAction', action: JSON.parse(row.body_json) as CorporateAction, time };
    case 'dayClose':
      return { kind: 'dayClose', date: (JSON.parse(row.body_json) as { date: string }).date, time };
    case 'deskChange':
      return { kind: 'deskChange', change: JSON.parse(row.body_json) as DeskChange, time };
  }
}
