import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustedProxies } from './trustedProxies.js';

test('addresses and CIDR ranges of both families, and the named ranges, are accepted', () => {
  assert.deepEqual(parseTrustedProxies(' 10.0.0.1, 192.168.0.0/16 ,::1, 2001:db8::/32, loopback,'), {
    entries: ['10.0.0.1', '192.168.0.0/16', '::1', '2001:db8::/32', 'loopback'],
  });
  assert.deepEqual(parseTrustedProxies(''), { entries: [] });
});

test('anything else is a problem naming the entry', () => {
  for (const bad of [
    'proxy.example.com',
    '10.0.0',
    '10.0.0.0/33',
    '::/129',
    '10.0.0.0/8/1',
    '10.0.0.0/x',
    'fe80::1%eth0',
  ]) {
    const parsed = parseTrustedProxies(`127.0.0.1,${bad}`);
    assert.ok('problem' in parsed, bad);
    assert.ok(parsed.problem.includes(`"${bad}"`), parsed.problem);
  }
});
