/** One intraday observation: a price in paisa or an index value in hundredths of a point. */
export interface IntradayPoint {
  /** Epoch seconds, UTC (what the chart's time axis takes). */
  readonly time: number;
  readonly value: number;
}

const MINUTE_SECONDS = 60;

/**
 * A day's path of one stock or index, one point per minute: a change within a
 * minute replaces that minute's point, so the ring holds at most `capacity`
 * minutes (PSX's longest session is six hours: 360) however fast trades come.
 * A sample from another trading day starts the path afresh.
 */
export class IntradaySeries {
  private readonly points: IntradayPoint[] = [];
  private day: string | null = null;

  constructor(private readonly capacity = 420) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError('capacity must be a whole number ≥ 2');
  }

  /** Records `value` at `time`, which belongs to trading day `day` (`YYYY-MM-DD`); older samples are ignored. */
  record(day: string, time: Date, value: number): void {
    if (day !== this.day) {
      this.points.length = 0;
      this.day = day;
    }
    const minute = Math.floor(time.getTime() / 1000 / MINUTE_SECONDS) * MINUTE_SECONDS;
    const last = this.points.at(-1);
    if (last !== undefined && minute < last.time) return;
    if (last !== undefined && minute === last.time) {
      if (last.value !== value) this.points[this.points.length - 1] = { time: minute, value };
      return;
    }
    this.points.push({ time: minute, value });
    if (this.points.length > this.capacity) this.points.splice(0, this.points.length - this.capacity);
  }

  /** The trading day the points belong to, or null before the first sample. */
  get tradingDay(): string | null {
    return this.day;
  }

  /** The points, oldest first. */
  list(): readonly IntradayPoint[] {
    return [...this.points];
  }
}
