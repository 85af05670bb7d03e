import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { karachiDateOf, karachiDayRange } from './karachiDay.js';

describe('karachiDayRange', () => {
  test('a Karachi day starts at 19:00 UTC the evening before', () => {
    const { startMs, endMs } = karachiDayRange('2023-01-31');
    assert.equal(new Date(startMs).toISOString(), '2023-01-30T19:00:00.000Z');
    assert.equal(new Date(endMs).toISOString(), '2023-01-31T19:00:00.000Z');
  });

  test('rejects malformed and impossible dates', () => {
    assert.throws(() => karachiDayRange('2023-1-31'), RangeError);
    assert.throws(() => karachiDayRange('2023-02-30'), RangeError);
    assert.throws(() => karachiDayRange('2023-13-01'), RangeError);
    assert.throws(() => karachiDayRange(''), RangeError);
  });

  test('accepts a leap day', () => {
    assert.equal(karachiDateOf(karachiDayRange('2024-02-29').startMs), '2024-02-29');
  });
});

describe('karachiDateOf', () => {
  test('an instant after 19:00 UTC is already the next day in Karachi', () => {
    assert.equal(karachiDateOf(Date.parse('2023-01-31T18:59:59.999Z')), '2023-01-31');
    assert.equal(karachiDateOf(Date.parse('2023-01-31T19:00:00.000Z')), '2023-02-01');
  });
});
