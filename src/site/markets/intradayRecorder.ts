import type { Bus } from '../../bus/bus.js';
import type { MarketReader } from '../../market/book/marketSnapshot.js';
import { type IntradayPoint, IntradaySeries } from '../../market/quotes/intradaySeries.js';
import { PSX_CALENDAR, tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import type { Service } from '../../shared/service.js';

/** `s:OGDC` for a stock, `i:KSE100` for an index: the ticker's keys. */
export type SeriesKey = `s:${string}` | `i:${string}`;

/**
 * Today's path of every stock and index, kept in memory by this web node from
 * the snapshots it sees: one sample per market change (the bus tells), one
 * point per minute per series. A node started mid-day draws from its start.
 */
export class IntradayRecorder implements Service {
  readonly name = 'intraday recorder';
  private readonly series = new Map<SeriesKey, IntradaySeries>();
  private lastVersion = -1;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly market: MarketReader,
    private readonly bus: Bus,
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
    const snapshot = this.market.snapshot();
    if (snapshot.version === this.lastVersion) return;
    this.lastVersion = snapshot.version;
    const day = tradingDateOf(snapshot.asOf, PSX_CALENDAR);
    for (const quote of snapshot.quotes) this.seriesOf(`s:${quote.symbol}`).record(day, snapshot.asOf, quote.last);
    for (const index of snapshot.indices) this.seriesOf(`i:${index.code}`).record(day, snapshot.asOf, index.value);
  }

  points(key: SeriesKey): readonly IntradayPoint[] {
    this.sample();
    return this.series.get(key)?.list() ?? [];
  }

  private seriesOf(key: SeriesKey): IntradaySeries {
    let series = this.series.get(key);
    if (series === undefined) {
      series = new IntradaySeries();
      this.series.set(key, series);
    }
    return series;
  }
}
