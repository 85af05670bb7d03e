import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCommentRateLimiter } from './commentRateLimiter.js';

test('allows perMinute comments per address, then tells when to retry', () => {
  let now = 1_000_000;
  const limiter = createCommentRateLimiter(2, () => now);
  assert.deepEqual(limiter.take('1.1.1.1'), { allowed: true });
  assert.deepEqual(limiter.take('1.1.1.1'), { allowed: true });
  now += 15_000;
  assert.deepEqual(limiter.take('1.1.1.1'), { allowed: false, retryAfterSeconds: 45 });
  assert.deepEqual(limiter.take('2.2.2.2'), { allowed: true }, 'other addresses have their own window');
  now += 45_000;
  assert.deepEqual(limiter.take('1.1.1.1'), { allowed: true }, 'a new minute starts afresh');
});

test('0 switches the limit off', () => {
  const limiter = createCommentRateLimiter(0, () => 0);
  for (let i = 0; i < 100; i++) assert.equal(limiter.take('a').allowed, true);
});
