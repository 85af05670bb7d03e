import type { Bus } from '../../bus/bus.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import { IntradayPaths, type SeriesKey } from '../../market/quotes/intradayPaths.js';
import type { IntradayPoint } from '../../market/quotes/intradaySeries.js';
import type { Service } from '../../shared/service.js';

export type { SeriesKey } from '../../market/quotes/intradayPaths.js';

/**
 * Today's path of every stock and index, kept in memory by this web node from
 * the snapshots it sees: one sample per market change (the bus tells), one
 * point per minute per series. `paths` may arrive already holding the day so
 * far (the log replayed at start, the demo's back-filled session); without
 * that a node started mid-day draws from its start.
 */
export class IntradayRecorder implements Service {
  readonly name = 'intraday recorder';
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly market: MarketReader,
    private readonly bus: Bus,
    private readonly paths: IntradayPaths = new IntradayPaths(),
  ) {}

  /** Samples now and on every `market.changed`. */
  start(): void {
    if (this.unsubscribe !== null) return;
    this.sample();
    this.unsubscribe = this.bus.subscribe('market.changed', () => this.sample());
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Takes the current snapshot in, if it is newer than the last one taken. */
  sample(): void {
    this.paths.take(this.market.snapshot());
  }

  points(key: SeriesKey): readonly IntradayPoint[] {
    this.sample();
    return this.paths.points(key);
  }
}
