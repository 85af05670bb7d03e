/** Hits counted in one fixed window, and how long the window has left. */
export interface WindowCount {
  readonly count: number;
  readonly resetInMs: number;
}

/**
 * Counts hits per key in a fixed window that opens with the key's first hit:
 * in this process, or in Redis so every node of a site counts together.
 */
export interface WindowCounter {
  hit(key: string, windowMs: number): Promise<WindowCount>;
}

// Forget finished windows once the table grows, so a flood of keys cannot grow memory for ever.
const SWEEP_THRESHOLD = 10_000;

/** The counter of one process: the default, and what a node falls back to while Redis does not answer. */
export function createMemoryWindowCounter(clock: () => number): WindowCounter {
  const windows = new Map<string, { start: number; windowMs: number; count: number }>();
  return {
    async hit(key, windowMs) {
      const now = clock();
      if (windows.size > SWEEP_THRESHOLD) {
        for (const [other, window] of windows) if (now - window.start >= window.windowMs) windows.delete(other);
      }
      let window = windows.get(key);
      if (window === undefined || now - window.start >= window.windowMs) {
        window = { start: now, windowMs, count: 0 };
        windows.set(key, window);
      }
      window.count++;
      return { count: window.count, resetInMs: window.start + window.windowMs - now };
    },
  };
}
