import { createMemoryWindowCounter, type WindowCounter } from '../../bus/windowCounter.js';

/** Whether one more comment from an address is allowed now. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface CommentRateLimiter {
  take(address: string): Promise<RateDecision>;
}

const WINDOW_MS = 60_000;

export interface CommentRateLimiterOptions {
  /** Comments per address per minute; 0 switches the limit off. */
  readonly perMinute: number;
  readonly clock: () => number;
  /** The site's shared counter (Redis) when it has one: every node then counts one reader's comments together. */
  readonly shared?: WindowCounter;
  /** Told once when the shared counter stops answering and the node counts alone, and once when it answers again. */
  readonly onSharedCounter?: (state: 'lost' | 'back', error?: unknown) => void;
}

/**
 * A fixed one-minute window per address (the reader's, as seen through
 * trusted proxies), shared by the JSON API and the HTML form so that
 * switching between them does not double the allowance. While the shared
 * counter does not answer, the node counts alone rather than refuse every
 * comment or let every one through.
 */
export function createCommentRateLimiter(options: CommentRateLimiterOptions): CommentRateLimiter {
  const local = createMemoryWindowCounter(options.clock);
  let sharedLost = false;
  const count = async (key: string) => {
    if (options.shared === undefined) return local.hit(key, WINDOW_MS);
    try {
      const counted = await options.shared.hit(key, WINDOW_MS);
      if (sharedLost) options.onSharedCounter?.('back');
      sharedLost = false;
      return counted;
    } catch (error) {
      if (!sharedLost) options.onSharedCounter?.('lost', error);
      sharedLost = true;
      return local.hit(key, WINDOW_MS);
    }
  };
  return {
    async take(address) {
      if (options.perMinute <= 0) return { allowed: true };
      const { count: made, resetInMs } = await count(`comment:${address}`);
      if (made <= options.perMinute) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
    },
  };
}
