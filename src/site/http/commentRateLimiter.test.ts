import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WindowCounter } from '../../bus/windowCounter.js';
import { createCommentRateLimiter } from './commentRateLimiter.js';

test('allows perMinute comments per address, then tells when to retry', async () => {
  let now = 1_000_000;
  const limiter = createCommentRateLimiter({ perMinute: 2, clock: () => now });
  assert.deepEqual(await limiter.take('1.1.1.1'), { allowed: true });
  assert.deepEqual(await limiter.take('1.1.1.1'), { allowed: true });
  now += 15_000;
  assert.deepEqual(await limiter.take('1.1.1.1'), { allowed: false, retryAfterSeconds: 45 });
  assert.deepEqual(await limiter.take('2.2.2.2'), { allowed: true }, 'other addresses have their own window');
  now += 45_000;
  assert.deepEqual(await limiter.take('1.1.1.1'), { allowed: true }, 'a new minute starts afresh');
});

test('0 switches the limit off', async () => {
  const limiter = createCommentRateLimiter({ perMinute: 0, clock: () => 0 });
  for (let i = 0; i < 100; i++) assert.equal((await limiter.take('a')).allowed, true);
});

test('while the shared counter fails the node counts alone, and says so once each way', async () => {
  let failing = true;
  const shared: WindowCounter = {
    async hit() {
      if (failing) throw new Error('Redis away');
      return { count: 1, resetInMs: 60_000 };
    },
  };
  const told: string[] = [];
  const limiter = createCommentRateLimiter({
    perMinute: 1,
    clock: () => 0,
    shared,
    onSharedCounter: (state) => told.push(state),
  });
  assert.deepEqual(await limiter.take('a'), { allowed: true });
  assert.deepEqual(await limiter.take('a'), { allowed: false, retryAfterSeconds: 60 }, 'counted locally');
  failing = false;
  assert.deepEqual(await limiter.take('a'), { allowed: true }, 'the shared count again');
  assert.deepEqual(told, ['lost', 'back']);
});
