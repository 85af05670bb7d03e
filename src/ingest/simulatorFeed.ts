import type { Bus } from '../bus/bus.js';
import type { Market } from '../market/market.js';
import { createSimulator } from '../market/simulator.js';
import { isTradingDay, PSX_CALENDAR, tradingDateOf } from '../market/tradingCalendar.js';

export interface SimulatorFeedOptions {
  readonly market: Market;
  readonly bus: Bus;
  readonly intervalMs: number;
  readonly tradesPerTick: number;
  readonly seed: number;
  /** Where ticks get their time; the wall clock unless a test supplies one. */
  readonly clock?: () => Date;
  /**
   * Close the day when the Karachi date changes between two ticks. Default
   * true. With sessions enforced only trading days are closed; a demo that
   * trades every day closes every day.
   */
  readonly rollOverDaily?: boolean;
}

export interface SimulatorFeed {
  start(): void;
  stop(): void;
}

/**
 * The demo market's data source: every interval it prints simulated trades
 * and FX moves into the market and announces the new version once, so
 * subscribers see one conflated change per tick rather than one per trade.
 */
export function createSimulatorFeed(options: SimulatorFeedOptions): SimulatorFeed {
  const { market, bus, intervalMs, tradesPerTick } = options;
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('intervalMs must be positive');
  if (!Number.isSafeInteger(tradesPerTick) || tradesPerTick < 0) throw new RangeError('tradesPerTick must be >= 0');
  const simulator = createSimulator({ seed: options.seed });
  const clock = options.clock ?? (() => new Date());
  const rollOverDaily = options.rollOverDaily ?? true;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastDate: string | null = null;

  function rollOver(now: Date): void {
    const calendar = market.calendar ?? PSX_CALENDAR;
    const today = tradingDateOf(now, calendar);
    if (lastDate !== null && today > lastDate) {
      const closes = !market.enforceSessions || isTradingDay(lastDate, calendar);
      if (closes) market.closeDay(lastDate, now);
    }
    lastDate = today;
  }

  function tick(): void {
    const now = clock();
    const before = market.version;
    if (rollOverDaily) rollOver(now);
    market.tick(now);
    for (const trade of simulator.nextTrades(market, now, tradesPerTick)) market.applyTrade(trade);
    for (const rate of simulator.nextFxRates(market, now)) market.setFxRate(rate);
    if (market.version !== before) bus.publish('market.changed', { version: market.version });
  }

  return {
    start() {
      if (timer !== null) return;
      timer = setInterval(tick, intervalMs);
      // A demo feed must never be what keeps the process alive.
      timer.unref();
    },
    stop() {
      if (timer === null) return;
      clearInterval(timer);
      timer = null;
    },
  };
}
