import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SharedReads } from './sharedReads.js';

test('a read is shared until it is too old, the clock goes back, or everything is cleared', async () => {
  let now = 1000;
  let reads = 0;
  const shared = new SharedReads(() => now);
  const load = async () => {
    reads += 1;
    return reads;
  };
  assert.equal(await shared.get('sections', 100, load), 1);
  now += 99;
  assert.equal(await shared.get('sections', 100, load), 1);
  assert.equal(await shared.get('other', 100, load), 2, 'each key is read on its own');
  now += 1;
  assert.equal(await shared.get('sections', 100, load), 3, 'read afresh once maxAgeMs has passed');
  now -= 50;
  assert.equal(await shared.get('sections', 100, load), 4, 'read afresh when the clock went back');
  shared.clear();
  assert.equal(await shared.get('sections', 100, load), 5, 'read afresh after clear');
});

test('a failed read is not kept', async () => {
  const shared = new SharedReads(() => 0);
  await assert.rejects(shared.get('x', 1000, () => Promise.reject(new Error('down'))));
  assert.equal(await shared.get('x', 1000, async () => 'up'), 'up');
});

test('past maxEntries the entry stored longest ago is dropped first', async () => {
  let reads = 0;
  const shared = new SharedReads(() => 0, 2);
  const load = async () => {
    reads += 1;
    return reads;
  };
  assert.equal(await shared.get('a', 1000, load), 1);
  assert.equal(await shared.get('b', 1000, load), 2);
  assert.equal(await shared.get('c', 1000, load), 3);
  assert.equal(await shared.get('b', 1000, load), 2, 'b is still kept');
  assert.equal(await shared.get('a', 1000, load), 4, 'a went first');
});
