import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deviceName } from './deviceName.js';

test('common browsers are named with their system', () => {
  const cases: [string, string][] = [
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox on Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      'Edge on Windows',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      'Chrome on Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      'Safari on iPhone',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      'Safari on macOS',
    ],
    ['curl/8.5.0', 'curl'],
  ];
  for (const [agent, name] of cases) assert.equal(deviceName(agent), name, agent);
});

test('no user agent, or one nothing is known of, says so', () => {
  assert.equal(deviceName(null), 'Unknown browser');
  assert.equal(deviceName('  '), 'Unknown browser');
  assert.equal(deviceName('node'), 'Other client');
  assert.equal(deviceName('Something (X11; Linux x86_64)'), 'A browser on Linux');
});
