import type { Bus } from '../bus/bus.js';
import type { Market } from '../market/book/market.js';
import type { MarketEvent } from '../market/book/marketEvent.js';
import { isTradingDay, PSX_CALENDAR, tradingDateOf } from '../market/sessions/tradingCalendar.js';
import type { MarketRecorder } from './marketRecorder.js';
import { createSimulator } from './simulator.js';

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
  /**
   * Write every trade, rate and day close through the recorder (durable, and
   * announced by it) instead of straight into the market, so a restarted demo
   * keeps its prices.
   */
  readonly recorder?: MarketRecorder;
  /** Told when a recorded tick could not be written. */
  readonly onError?: (error: unknown) => void;
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

  /** The trading date to close, if the Karachi date moved on since the last tick. */
  function dayToClose(now: Date): string | null {
    const calendar = market.calendar ?? PSX_CALENDAR;
    const today = tradingDateOf(now, calendar);
    const previous = lastDate;
    lastDate = today;
    if (previous === null || today <= previous) return null;
    return !market.enforceSessions || isTradingDay(previous, calendar) ? previous : null;
  }

  function tick(): void {
    const now = clock();
    const before = market.version;
    const closing = rollOverDaily ? dayToClose(now) : null;
    if (closing !== null) market.closeDay(closing, now);
    market.tick(now);
    for (const trade of simulator.nextTrades(market, now, tradesPerTick)) market.applyTrade(trade);
    for (const rate of simulator.nextFxRates(market, now)) market.setFxRate(rate);
    if (market.version !== before) bus.publish('market.changed', { version: market.version });
  }

  let inFlight = false;

  /** As `tick`, through the recorder; a tick still being written makes the next one wait its turn. */
  async function recordedTick(recorder: MarketRecorder): Promise<void> {
    const now = clock();
    const closing = rollOverDaily ? dayToClose(now) : null;
    if (closing !== null) await recorder.record([{ kind: 'dayClose', date: closing, time: now }]);
    market.tick(now);
    // Simulated seqs restart with the process, so the trades go unsequenced rather than be taken for duplicates.
    const events: MarketEvent[] = [
      ...simulator
        .nextTrades(market, now, tradesPerTick)
        .map(
          ({ symbol, price, volume, time }): MarketEvent => ({ kind: 'trade', trade: { symbol, price, volume, time } }),
        ),
      ...simulator.nextFxRates(market, now).map((update): MarketEvent => ({ kind: 'fxRate', update })),
    ];
    await recorder.record(events);
  }

  function onTimer(): void {
    const { recorder } = options;
    if (!recorder) {
      tick();
      return;
    }
    if (inFlight) return;
    inFlight = true;
    recordedTick(recorder)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        inFlight = false;
      });
  }

  return {
    start() {
      if (timer !== null) return;
      timer = setInterval(onTimer, intervalMs);
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
