import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginThrottle } from './loginThrottle.js';

const policy = { maxFailures: 3, windowMs: 60_000 };

test('a key is refused after maxFailures within the window, with the wait until the oldest expires', () => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(policy, () => now);
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(throttle.check(['ip:1']), { allowed: true });
    throttle.fail(['ip:1']);
    now += 10_000;
  }
  // Failures at 0 s, 10 s, 20 s; now is 30 s: the first expires at 60 s.
  assert.deepEqual(throttle.check(['ip:1']), { allowed: false, retryAfterSeconds: 30 });
  now += 30_000;
  assert.deepEqual(throttle.check(['ip:1']), { allowed: true });
});

test('any refused key refuses the attempt; other keys are untouched', () => {
  const throttle = new LoginThrottle(policy, () => 0);
  throttle.fail(['ip:1', 'email:a@x']);
  throttle.fail(['ip:2', 'email:a@x']);
  throttle.fail(['ip:3', 'email:a@x']);
  assert.equal(throttle.check(['ip:9', 'email:a@x']).allowed, false);
  assert.equal(throttle.check(['ip:1', 'email:b@x']).allowed, true);
});

test('clearing a key forgets its failures', () => {
  const throttle = new LoginThrottle(policy, () => 0);
  for (let i = 0; i < 3; i++) throttle.fail(['email:a@x']);
  throttle.clear('email:a@x');
  assert.equal(throttle.check(['email:a@x']).allowed, true);
});
