import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate as nextRound } from 'node:timers/promises';
import { batchedReads } from './batchedReads.js';

/** A store of even ids whose value is the id squared, recording each batch it is asked. */
function evenSquares(failing: (ids: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const read = batchedReads<number>(async (ids) => {
    batches.push([...ids]);
    if (failing(ids)) throw new Error('connection lost');
    return new Map(ids.filter((id) => id % 2 === 0).map((id) => [id, id * id]));
  });
  return { read, batches };
}

test('reads asked in one round go in one batch, each answered with its own value or null', async () => {
  const { read, batches } = evenSquares();
  const answers = await Promise.all([4, 3, 10, 4, 0].map(read));
  assert.deepEqual(answers, [16, null, 100, 16, 0]);
  assert.deepEqual(batches, [[4, 3, 10, 4, 0]]);
});

test('a read asked after its round ends goes in the next batch, never waiting for one already sent', async () => {
  const { read, batches } = evenSquares();
  const first = read(2);
  await nextRound();
  const second = read(6);
  assert.deepEqual(await Promise.all([first, second]), [4, 36]);
  assert.deepEqual(batches, [[2], [6]]);
});

test('more than a batch holds are read in several queries', async () => {
  const { read, batches } = evenSquares();
  const ids = Array.from({ length: 130 }, (_, n) => n);
  const answers = await Promise.all(ids.map(read));
  assert.deepEqual(
    answers,
    ids.map((id) => (id % 2 === 0 ? id * id : null)),
  );
  assert.deepEqual(
    batches.map((batch) => batch.length),
    [64, 64, 2],
  );
  assert.deepEqual(batches.flat(), ids);
});

test('a failed query fails every read of its batch, and the next batch reads afresh', async () => {
  let fail = true;
  const { read, batches } = evenSquares(() => fail);
  const failed = await Promise.allSettled([read(2), read(4)]);
  assert.deepEqual(
    failed.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).message : 'read')),
    ['connection lost', 'connection lost'],
  );
  fail = false;
  assert.deepEqual(await Promise.all([read(2), read(4)]), [4, 16]);
  assert.equal(batches.length, 2, 'nothing is kept from one batch to the next');
});
