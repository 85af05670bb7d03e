import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReadCounter } from './readCounter.js';

test('story pages are counted by id and added in one flush per Karachi day; other pages are not counted', async () => {
  const flushed: { day: string; counts: Map<number, number> }[] = [];
  const counter = new ReadCounter(
    { addReads: async (day, counts) => void flushed.push({ day, counts: new Map(counts) }) },
    {
      now: () => new Date('2026-12-04T20:30:00Z'),
      flushEveryMs: 60_000,
      onError: (error) => assert.fail(String(error)),
    },
  );
  counter.pageServed('article:7:some-slug::');
  counter.pageServed('article:7:some-slug:pending:https://example.com');
  counter.pageServed('article:12:other::');
  counter.pageServed('home');
  counter.pageServed('section:world:1');
  await counter.flush();
  await counter.flush();
  assert.deepEqual(flushed, [
    {
      day: '2026-12-05',
      counts: new Map([
        [7, 2],
        [12, 1],
      ]),
    },
  ]);
});

test('a failed write is reported and the counter carries on', async () => {
  const errors: unknown[] = [];
  let calls = 0;
  const counter = new ReadCounter(
    {
      addReads: async () => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
      },
    },
    { now: () => new Date(), flushEveryMs: 60_000, onError: (error) => void errors.push(error) },
  );
  counter.pageServed('article:1:a::');
  await counter.flush();
  counter.pageServed('article:1:a::');
  await counter.stop();
  assert.equal(errors.length, 1);
  assert.equal(calls, 2);
});
