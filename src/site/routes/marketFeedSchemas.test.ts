import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseInstant } from './marketFeedSchemas.js';

/** The general reading: a Date of the text, which must come back as the same wall-clock date and time. */
function generalReading(text: string): number | null {
  const fields = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(text);
  const time = new Date(text);
  if (fields === null || Number.isNaN(time.getTime())) return null;
  const iso = time.toISOString();
  return iso.slice(0, 10) === fields[1] && iso.slice(11, 19) === fields[2] ? time.getTime() : null;
}

test('instants feeds send are read exactly, and days or times that do not exist are refused', () => {
  assert.equal(parseInstant('2024-08-02T05:31:07.120Z')?.toISOString(), '2024-08-02T05:31:07.120Z');
  assert.equal(parseInstant('2024-02-29T23:59:59Z')?.toISOString(), '2024-02-29T23:59:59.000Z');
  assert.equal(parseInstant('2000-02-29T00:00:00Z')?.toISOString(), '2000-02-29T00:00:00.000Z');
  assert.equal(parseInstant('0050-01-01T00:00:00Z')?.toISOString(), '0050-01-01T00:00:00.000Z');
  for (const text of ['2023-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2023-04-31T00:00:00Z', '2023-02-28T24:00:00Z']) {
    assert.equal(parseInstant(text), null, text);
  }
  for (const text of ['2023-12-31T23:59:60Z', '2024-13-01T00:00:00Z', '2024-00-10T00:00:00Z', '2024-01-00T00:00:00Z']) {
    assert.equal(parseInstant(text), null, text);
  }
});

test('property: the digit-by-digit reading agrees with the general one on every field, in range or not', () => {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  fc.assert(
    fc.property(
      fc.record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 25 }),
        minute: fc.integer({ min: 0, max: 61 }),
        second: fc.integer({ min: 0, max: 61 }),
        milli: fc.option(fc.integer({ min: 0, max: 999 })),
      }),
      ({ year, month, day, hour, minute, second, milli }) => {
        const fraction = milli === null ? '' : `.${pad(milli, 3)}`;
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction}Z`;
        assert.equal(parseInstant(text)?.getTime() ?? null, generalReading(text), text);
      },
    ),
    { numRuns: 20_000 },
  );
});
