import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatMastheadDate,
  formatPublished,
  karachiClock,
  karachiDateKey,
  karachiDateOf,
  karachiDayRange,
  karachiTime,
  karachiWeekdayName,
  parseKarachiLocal,
  toKarachiIsoString,
  toKarachiLocal,
} from './pakistanTime.js';

const utc = (iso: string) => new Date(`${iso}Z`);

describe('formatPublished', () => {
  test('matches the reference byline stamp', () => {
    assert.equal(formatPublished(utc('2023-01-31T13:03:00')), '31 Jan, 2023 06:03pm');
  });

  test('midnight and noon in Karachi read 12:xx am and pm', () => {
    assert.equal(formatPublished(utc('2023-01-31T19:00:00')), '01 Feb, 2023 12:00am');
    assert.equal(formatPublished(utc('2023-01-31T07:30:00')), '31 Jan, 2023 12:30pm');
  });

  test('morning hours are zero-padded', () => {
    assert.equal(formatPublished(utc('2024-08-21T01:43:00')), '21 Aug, 2024 06:43am');
  });

  test('September is three letters', () => {
    assert.equal(formatPublished(utc('2024-09-05T04:00:00')), '05 Sep, 2024 09:00am');
  });
});

describe('Karachi calendar boundaries (UTC+5)', () => {
  test('18:59 UTC is still the same day, 19:00 UTC is the next', () => {
    assert.equal(karachiDateKey(utc('2023-01-31T18:59:59')), '2023-01-31');
    assert.equal(karachiDateKey(utc('2023-01-31T19:00:00')), '2023-02-01');
  });

  test('new year arrives five hours before UTC', () => {
    assert.equal(karachiDateKey(utc('2023-12-31T18:59:00')), '2023-12-31');
    assert.equal(karachiDateKey(utc('2023-12-31T19:00:00')), '2024-01-01');
    assert.equal(formatMastheadDate(utc('2023-12-31T19:00:00')), 'Jan 01, 2024');
  });

  test('early UTC morning is already late morning in Karachi', () => {
    assert.equal(karachiDateKey(utc('2023-02-01T00:00:00')), '2023-02-01');
  });

  test('no daylight saving shift in summer', () => {
    assert.equal(formatPublished(utc('2023-07-01T13:03:00')), '01 Jul, 2023 06:03pm');
  });

  test('leap day', () => {
    assert.equal(karachiDateKey(utc('2024-02-28T19:00:00')), '2024-02-29');
  });
});

describe('other formats', () => {
  test('masthead date matches the reference page', () => {
    assert.equal(formatMastheadDate(utc('2023-01-31T13:03:00')), 'Jan 31, 2023');
  });

  test('weekday follows the Karachi date, not the UTC one', () => {
    assert.equal(karachiWeekdayName(utc('2023-01-31T18:59:00')), 'Tuesday');
    assert.equal(karachiWeekdayName(utc('2023-01-31T19:00:00')), 'Wednesday');
  });

  test('karachiTime returns wall-clock fields', () => {
    assert.deepEqual(karachiTime(utc('2023-01-31T19:05:00')), {
      year: 2023,
      month: 2,
      day: 1,
      hour: 0,
      minute: 5,
      weekday: 3,
    });
  });
});

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

test('a datetime-local value is Karachi wall-clock time (UTC+5)', () => {
  assert.equal(parseKarachiLocal('2026-11-28T14:05')?.toISOString(), '2026-11-28T09:05:00.000Z');
  assert.equal(parseKarachiLocal('2026-01-01T02:00')?.toISOString(), '2025-12-31T21:00:00.000Z');
  assert.equal(toKarachiLocal(new Date('2026-11-28T09:05:00Z')), '2026-11-28T14:05');
});

test('an ISO 8601 stamp carries the +05:00 offset and names the same instant', () => {
  const at = new Date('2023-01-31T22:03:09.500Z');
  assert.equal(toKarachiIsoString(at), '2023-02-01T03:03:09+05:00');
  assert.equal(Date.parse(toKarachiIsoString(at)), Date.parse('2023-01-31T22:03:09Z'));
});

test('anything that is not a real minute is refused', () => {
  for (const bad of ['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'soon']) {
    assert.equal(parseKarachiLocal(bad), null, bad);
  }
});

test('karachiClock is the Karachi wall clock, hours and minutes', () => {
  assert.equal(karachiClock(new Date('2023-01-31T13:03:00Z')), '18:03');
  assert.equal(karachiClock(new Date('2023-01-31T19:30:00Z')), '00:30');
});
