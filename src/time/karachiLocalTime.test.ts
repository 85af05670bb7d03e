import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKarachiLocal, toKarachiLocal } from './karachiLocalTime.js';

test('a datetime-local value is Karachi wall-clock time (UTC+5)', () => {
  assert.equal(parseKarachiLocal('2026-11-28T14:05')?.toISOString(), '2026-11-28T09:05:00.000Z');
  assert.equal(parseKarachiLocal('2026-01-01T02:00')?.toISOString(), '2025-12-31T21:00:00.000Z');
  assert.equal(toKarachiLocal(new Date('2026-11-28T09:05:00Z')), '2026-11-28T14:05');
});

test('anything that is not a real minute is refused', () => {
  for (const bad of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'soon']) {
    assert.equal(parseKarachiLocal(bad), null, bad);
  }
});
