import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatMastheadDate,
  formatPublished,
  karachiDateKey,
  karachiTime,
  karachiWeekdayName,
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
