import type { MarketSnapshot } from '../book/marketSnapshot.js';
import { PSX_CALENDAR, tradingDateOf } from '../sessions/tradingCalendar.js';
import { type IntradayPoint, IntradaySeries } from './intradaySeries.js';

/** `s:OGDC` for a stock, `i:KSE100` for an index: the ticker's keys. */
export type SeriesKey = `s:${string}` | `i:${string}`;

/** Something whose snapshot can be taken: a Market, or a reader of one. */
export interface SnapshotSource {
  snapshot(): MarketSnapshot;
}

/**
 * Today's path of every stock and index, one point per minute per series,
 * built from the snapshots it is given. Besides the live market's changes it
 * can be fed while a market is being built (a replayed log, a back-filled
 * demo session), so a node's charts start with the day so far.
 */
export class IntradayPaths {
  private readonly series = new Map<SeriesKey, IntradaySeries>();
  private lastVersion = -1;
  private lastMinute = Number.NEGATIVE_INFINITY;

  /**
   * Takes the snapshot in, if it is not the one taken last, as of `at`
   * (default its `asOf`): a market being built from past events is dated by
   * the event, since its snapshot's figures may carry a later time (the
   * live FX rates).
   */
  take(snapshot: MarketSnapshot, at: Date = snapshot.asOf): void {
    if (snapshot.version === this.lastVersion) return;
    this.lastVersion = snapshot.version;
    const day = tradingDateOf(at, PSX_CALENDAR);
    for (const quote of snapshot.quotes) this.seriesOf(`s:${quote.symbol}`).record(day, at, quote.last);
    for (const index of snapshot.indices) this.seriesOf(`i:${index.code}`).record(day, at, index.value);
  }

  /**
   * While many changes are applied in a row (a replay): takes a snapshot only
   * when `time` enters a new minute, so a day of trades costs one snapshot a
   * minute. Call `take` once at the end for the last minute.
   */
  observe(source: SnapshotSource, time: Date): void {
    const minute = Math.floor(time.getTime() / 60_000);
    if (!(minute > this.lastMinute)) return;
    this.lastMinute = minute;
    this.take(source.snapshot(), time);
  }

  points(key: SeriesKey): readonly IntradayPoint[] {
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
