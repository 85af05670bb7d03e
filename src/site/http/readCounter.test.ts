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

test('flushes start at the point of the first interval the phase gives, then come every interval', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const flushedAt: number[] = [];
  let clock = 0;
  const counter = new ReadCounter(
    { addReads: async () => void flushedAt.push(clock) },
    {
      now: () => new Date('2026-12-04T10:00:00Z'),
      flushEveryMs: 5_000,
      phase: 0.5,
      onError: (error) => assert.fail(String(error)),
    },
  );
  const readAndWait = async (ms: number) => {
    counter.pageServed('article:3:a::');
    clock += ms;
    t.mock.timers.tick(ms);
    // The flush writes after a promise or two.
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  };
  counter.start();
  await readAndWait(2_499);
  assert.deepEqual(flushedAt, [], 'nothing before the phase');
  await readAndWait(1);
  assert.deepEqual(flushedAt, [2_500]);
  await readAndWait(4_999);
  assert.deepEqual(flushedAt, [2_500]);
  await readAndWait(1);
  assert.deepEqual(flushedAt, [2_500, 7_500]);
  await readAndWait(5_000);
  assert.deepEqual(flushedAt, [2_500, 7_500, 12_500]);
  counter.pageServed('article:3:a::');
  await counter.stop();
  assert.deepEqual(flushedAt, [2_500, 7_500, 12_500, 12_500], 'stop flushes what is left');
  t.mock.timers.tick(20_000);
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  assert.equal(flushedAt.length, 4, 'no flush after stop');
});

test('a counter stopped before its first flush sets no timer going', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  let flushes = 0;
  const counter = new ReadCounter(
    {
      addReads: async () => {
        flushes += 1;
      },
    },
    {
      now: () => new Date('2026-12-04T10:00:00Z'),
      flushEveryMs: 5_000,
      phase: 0.9,
      onError: (error) => assert.fail(String(error)),
    },
  );
  counter.start();
  counter.pageServed('article:3:a::');
  await counter.stop();
  assert.equal(flushes, 1, 'stop flushes once');
  counter.pageServed('article:4:b::');
  t.mock.timers.tick(60_000);
  for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  assert.equal(flushes, 1, 'the first flush was called off');
});
