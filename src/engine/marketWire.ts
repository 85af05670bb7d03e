import type { WireMarketEvent } from '../bus/marketReplication.js';
import type { MarketEvent, MarketEventOutcome } from '../market/book/marketEvent.js';
import { decodeEvent, encodeEvent } from '../store/market/marketEventCodec.js';

/** An event in the log's own form, for the bus and the engine's HTTP answers. */
export function wireOf(event: MarketEvent): WireMarketEvent {
  return encodeEvent(event);
}

/** Back from the log's form; a body that does not fit its kind fails where the market judges it. */
export function eventOfWire(wire: WireMarketEvent): MarketEvent {
  return decodeEvent({
    kind: wire.kind,
    feed: wire.feed,
    seq: wire.seq,
    body_json: wire.bodyJson,
    event_time: wire.eventTime,
  });
}

/**
 * The engine's answers as JSON brought back to their types: every outcome is
 * plain data but a day close's `closedAt`, an instant.
 */
export function outcomesOfJson(outcomes: readonly MarketEventOutcome[]): MarketEventOutcome[] {
  return outcomes.map((outcome) => {
    if (outcome.kind !== 'dayClose' || !outcome.result.ok) return outcome;
    const { endOfDay } = outcome.result;
    return {
      ...outcome,
      result: { ...outcome.result, endOfDay: { ...endOfDay, closedAt: new Date(endOfDay.closedAt) } },
    };
  });
}
