import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey, DEFAULT_LOGIN_THROTTLE, delayAfter, throttleKeys, waitBeforeTry } from './loginThrottle.js';

const policy = DEFAULT_LOGIN_THROTTLE;

test('three free failures (ten for an address), then 1 s, 2 s, 4 s … capped at 15 minutes', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((failures) => delayAfter('account:a@x', failures, policy)),
    [0, 0, 0, 1000, 2000, 4000, 8000],
  );
  assert.deepEqual(
    [9, 10, 11].map((failures) => delayAfter('address:192.0.2.1', failures, policy)),
    [0, 1000, 2000],
  );
  assert.equal(delayAfter('device:abc', 13, policy), 15 * 60 * 1000);
  assert.equal(delayAfter('account:a@x', 5000, policy), 15 * 60 * 1000);
});

test('the wait is the longest of the keys, counted from each last failure; old counts are forgotten', () => {
  const now = 1_000_000;
  assert.equal(waitBeforeTry(new Map(), { now, policy }), 0);
  const counts = new Map([
    ['account:a@x', { failures: 4, lastFailureAt: now - 500 }], // 2 s after it: 1.5 s left
    ['device:abc', { failures: 3, lastFailureAt: now - 200 }], // 1 s after it: 0.8 s left
    ['address:192.0.2.1', { failures: 9, lastFailureAt: now }], // still free
  ]);
  assert.equal(waitBeforeTry(counts, { now, policy }), 1500);
  assert.equal(waitBeforeTry(counts, { now: now + 1500, policy }), 0);
  const forgotten = new Map([['account:a@x', { failures: 50, lastFailureAt: now - policy.forgetAfterMs }]]);
  assert.equal(waitBeforeTry(forgotten, { now, policy }), 0);
});

test('a known device is throttled alone; anyone else by account and address', () => {
  assert.deepEqual(throttleKeys({ kind: 'device', deviceId: 'abc' }), ['device:abc']);
  assert.deepEqual(throttleKeys({ kind: 'stranger', email: 'ed@example.com', address: '192.0.2.1' }), [
    'account:ed@example.com',
    'address:192.0.2.1',
  ]);
});

test('IPv6 addresses count by their /64; IPv4 and mapped IPv4 by the address', () => {
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:0db8:0001:0002:ffff:1:2:3'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8::7'), '2001:db8:0:0::/64');
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('192.0.2.1'), '192.0.2.1');
  assert.equal(addressKey('::ffff:192.0.2.1'), '::ffff:192.0.2.1');
});
