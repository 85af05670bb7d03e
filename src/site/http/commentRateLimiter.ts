/** Whether one more comment from an address is allowed now. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface CommentRateLimiter {
  take(address: string): RateDecision;
}

const WINDOW_MS = 60_000;
// Forget finished windows once the table grows, so a flood of addresses cannot grow memory for ever.
const SWEEP_THRESHOLD = 10_000;

/**
 * A fixed one-minute window per address, shared by the JSON API and the HTML
 * form so that switching between them does not double the allowance.
 * `perMinute` 0 switches the limit off.
 */
export function createCommentRateLimiter(perMinute: number, clock: () => number): CommentRateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(address) {
      if (perMinute <= 0) return { allowed: true };
      const now = clock();
      if (windows.size > SWEEP_THRESHOLD) {
        for (const [key, window] of windows) {
          if (now - window.start >= WINDOW_MS) windows.delete(key);
        }
      }
      const window = windows.get(address);
      if (window === undefined || now - window.start >= WINDOW_MS) {
        windows.set(address, { start: now, count: 1 });
        return { allowed: true };
      }
      if (window.count < perMinute) {
        window.count++;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    },
  };
}
