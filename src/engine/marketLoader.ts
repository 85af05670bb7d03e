import type { Market } from '../market/book/market.js';
import { applyMarketEvent, changedMarket, type MarketEvent } from '../market/book/marketEvent.js';
import type { MarketLog } from '../store/market/marketLog.js';

export interface MarketLoadOptions {
  readonly log: MarketLog;
  /** A market with the site's rules and no history, into which a checkpoint is restored. */
  readonly createMarket: () => Market;
  /** The market of a database without a checkpoint (the demo market, or an empty one). */
  readonly initial: () => Market;
  /**
   * Keep the initial market as a checkpoint when there was none, so the next
   * start finds the same LDCPs and times whatever the clock says (the demo).
   */
  readonly pinInitial: boolean;
  /** Replay up to and including this position; default all. */
  readonly upTo?: number;
  /** Told after each replayed event, with the market as it stands then (the intraday charts' day so far). */
  readonly onReplayed?: (market: Market, event: MarketEvent) => void;
}

export interface LoadedMarket {
  readonly market: Market;
  /** Position of the checkpoint started from (0: none). */
  readonly checkpoint: number;
  /** Events replayed on top of it. */
  readonly replayed: number;
  /** Events the market refused on replay; always 0 unless the rules changed since they were logged. */
  readonly refused: number;
  /** The last position included. */
  readonly position: number;
}

/** The market as the log left it: the latest checkpoint, then every event after it, in order. */
export async function loadMarket(options: MarketLoadOptions): Promise<LoadedMarket> {
  const checkpoint = await options.log.latestCheckpoint();
  let market: Market;
  if (checkpoint) {
    market = options.createMarket();
    market.restoreState(checkpoint.state);
  } else {
    market = options.initial();
  }
  let position = checkpoint?.position ?? 0;
  let replayed = 0;
  let refused = 0;
  for await (const logged of options.log.eventsAfter(position, options.upTo)) {
    const outcome = applyMarketEvent(market, logged.event);
    if (changedMarket(outcome)) replayed += 1;
    else refused += 1;
    position = logged.position;
    options.onReplayed?.(market, logged.event);
  }
  if (!checkpoint && options.pinInitial) {
    await options.log.writeCheckpoint(position, market.exportState(), 'start');
  }
  return { market, checkpoint: checkpoint?.position ?? 0, replayed, refused, position };
}
