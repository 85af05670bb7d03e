import type { Bus } from '../bus/bus.js';
import type { Market } from '../market/book/market.js';

export interface MarketClockOptions {
  readonly market: Market;
  readonly bus: Bus;
  /** The server's clock; a test supplies its own. */
  readonly now: () => Date;
  /** How often the status is looked at; a phase change shows at most this late. */
  readonly intervalMs: number;
}

export interface MarketClock {
  start(): void;
  stop(): void;
}

/**
 * Moves a market without a simulator through the calendar's phases and the
 * halt's end. Only trades and desk changes move a market, so on a real site
 * between two trades (a closed night, a halt) the status line would go on
 * saying "Market open until 15:30" after 15:30; this ticks it with the
 * server's clock and announces a change of status like any other change.
 */
export function createMarketClock(options: MarketClockOptions): MarketClock {
  const { market, bus, now, intervalMs } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('intervalMs must be positive');
  let timer: ReturnType<typeof setInterval> | null = null;

  function tick(): void {
    const before = market.version;
    market.tick(now());
    if (market.version !== before) bus.publish('market.changed', { version: market.version });
  }

  return {
    start() {
      if (timer !== null) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer === null) return;
      clearInterval(timer);
      timer = null;
    },
  };
}
