import { Redis } from 'ioredis';
import type { BusLogger } from './redisBus.js';
import { DEFAULT_REDIS_PREFIX, redisKey } from './redisKeys.js';
import type { WindowCounter } from './windowCounter.js';

const FIRST_CONNECTION_WAIT_MS = 1000;

export interface RedisWindowCounterOptions {
  readonly url: string;
  /** Keys are `<prefix>:count:<key>`; default `broadsheet`. */
  readonly keyPrefix?: string;
  readonly logger: BusLogger;
}

/**
 * Fixed windows kept in Redis, so the nodes of a scaled-out site share one
 * count per key. A hit that Redis cannot answer at once fails instead of
 * waiting (no offline queue, a short timeout): the caller decides what a
 * missing answer means.
 */
export function createRedisWindowCounter(options: RedisWindowCounterOptions): WindowCounter & {
  close(): Promise<void>;
} {
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_PREFIX;
  const redis = new Redis(options.url, {
    connectionName: 'broadsheet-counters',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
  });
  // ioredis reconnects by itself; an unhandled 'error' event would end the process instead.
  redis.on('error', (error: unknown) => options.logger.warn({ err: error }, 'Redis counter connection error'));
  // Without an offline queue a command sent while connecting fails: the first hits of a new node wait for the
  // connection instead, briefly, so a node does not count alone just because a reader was quick.
  let connected = false;
  const firstConnection = new Promise<void>((resolve) =>
    redis.once('ready', () => {
      connected = true;
      resolve();
    }),
  );
  return {
    async hit(key, windowMs) {
      if (!connected) await Promise.race([firstConnection, delay(FIRST_CONNECTION_WAIT_MS)]);
      const name = redisKey(prefix, 'count', key);
      // One transaction: the window opens with its expiry, so no key can outlive its window.
      const replies = await redis.multi().set(name, 0, 'PX', windowMs, 'NX').incr(name).pttl(name).exec();
      const [, counted] = replies?.[1] ?? [];
      const [, left] = replies?.[2] ?? [];
      if (typeof counted !== 'number' || typeof left !== 'number') throw new Error('Redis counter gave no count');
      return { count: counted, resetInMs: left > 0 ? left : windowMs };
    },
    async close() {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
