import type { MarketEventKind } from '../market/book/marketEvent.js';

/**
 * A market event as the log stores it: its kind, a trade's feed and seq, the
 * JSON body and the event's time. The engine sends its committed batches in
 * this form, so a follower applies exactly what a replay of the log would.
 */
export interface WireMarketEvent {
  readonly kind: MarketEventKind;
  readonly feed: string | null;
  readonly seq: number | null;
  readonly bodyJson: string;
  readonly eventTime: number;
}

/**
 * One group commit of the engine (docs/adr/0006-market-authority.md): the
 * events it took, in order, numbered within the engine's lease epoch. A
 * follower applies batch `seq` only after `seq - 1`; a gap or another epoch
 * sends it to the engine's snapshot instead.
 */
export interface MarketBatch {
  readonly epoch: number;
  readonly seq: number;
  readonly events: readonly WireMarketEvent[];
}

const KINDS: Record<MarketEventKind, true> = {
  trade: true,
  fxRate: true,
  corporateAction: true,
  dayClose: true,
  deskChange: true,
};

/** Checks the shape; the body is read by the log's codec, as a replay would read it. */
export function isWireMarketEvent(value: unknown): value is WireMarketEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.kind === 'string' &&
    Object.hasOwn(KINDS, event.kind) &&
    (event.feed === null || typeof event.feed === 'string') &&
    (event.seq === null || Number.isSafeInteger(event.seq)) &&
    typeof event.bodyJson === 'string' &&
    Number.isFinite(event.eventTime)
  );
}

export function isMarketBatch(value: unknown): value is MarketBatch {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(batch.epoch) &&
    Number.isSafeInteger(batch.seq) &&
    Array.isArray(batch.events) &&
    batch.events.every(isWireMarketEvent)
  );
}
