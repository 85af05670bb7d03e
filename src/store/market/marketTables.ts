import type { ColumnType, Generated } from 'kysely';
import type { MarketEventKind } from '../../market/book/marketEvent.js';

/**
 * Tables of the market side (migration 0002), as Kysely sees them. Instants
 * are epoch milliseconds; prices are integer paisa, index values integer
 * hundredths of a point.
 */
export interface MarketTables {
  market_events: MarketEventsTable;
  market_checkpoints: MarketCheckpointsTable;
  market_instruments: MarketInstrumentsTable;
  daily_bars: DailyBarsTable;
  api_tokens: ApiTokensTable;
  market_engine_lease: MarketEngineLeaseTable;
  market_day_closes: MarketDayClosesTable;
}

/** The append-only log: `position` is the order in which the market took the events. */
export interface MarketEventsTable {
  position: Generated<number>;
  kind: MarketEventKind;
  /** Feed and seq of a trade that came with a sequence number; both null otherwise. */
  feed: string | null;
  seq: number | null;
  /**
   * Migration 0024: the last seq of a run of the feed's trades held by this one
   * row (`seq` to `seq_last`, consecutive; body_json an array of them); null
   * when the row is one event.
   */
  seq_last: ColumnType<number | null, number | null | undefined, number | null>;
  body_json: string;
  event_time: number;
  recorded_at: number;
}

/** The whole market state after the event at `position` (a day close or an import). */
export interface MarketCheckpointsTable {
  position: number;
  reason: string;
  state_json: string;
  created_at: number;
}

export interface MarketInstrumentsTable {
  symbol: string;
  name: string;
  sector: string;
  /** Null until the desk knows it: the exchange's closing file does not carry it. */
  shares_outstanding: number | null;
  free_float: number | null;
  updated_at: number;
}

export interface DailyBarsTable {
  /** A stock's symbol or an index's code. */
  code: string;
  /** `YYYY-MM-DD`. */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Where the bar came from: `close` (the market's own day close), `closing-file`, `csv`. */
  source: string;
  /** 1 when `open` is the import's estimate (the closing file gave OPEN 0 on a traded row); 0 otherwise. */
  open_estimated: ColumnType<number, number | undefined, number>;
  updated_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: string;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

/** Who runs the market engine (migration 0009): one row, `name` = `market`. */
export interface MarketEngineLeaseTable {
  name: string;
  /** The holding process's own random id. */
  holder: string;
  /** The fencing token: one more on every takeover; the log takes a batch only under the epoch it was judged in. */
  epoch: number;
  /** Epoch milliseconds on the database's clock; after it any node may take the lease. */
  expires_at: number;
  /** Where the other nodes forward writes and ask for snapshots. */
  engine_url: string;
  /** What they show it (`Authorization: Bearer`); new with every takeover. */
  secret: string;
  /** The engine's replication sequence at its last renewal, so a follower that missed a message notices. */
  seq: number;
  renewed_at: number;
}

/** Every trading date the market closed, once: the database's guard against a second close. */
export interface MarketDayClosesTable {
  date: string;
  closed_at: number;
}
