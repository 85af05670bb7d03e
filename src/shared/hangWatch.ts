/**
 * How often a process watching others for a stuck event loop (the `--workers` primary, the stream worker pool)
 * pings them: every second, or a quarter of the hang timeout when that is shorter (at least every 100 ms), so a
 * worker is found silent within a little over the timeout, never after several missed rounds.
 */
export function pingEveryMs(hangTimeoutMs: number): number {
  return Math.min(1000, Math.max(100, Math.floor(hangTimeoutMs / 4)));
}
