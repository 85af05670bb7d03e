import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FeedSequences, SEQ_WINDOW } from './feedSequences.js';

describe('FeedSequences', () => {
  test('a seq is new once per feed, in or out of order within the window', () => {
    const seqs = new FeedSequences();
    for (const seq of [5, 3, 9, 4]) {
      assert.equal(seqs.has('psx', seq), false);
      seqs.remember('psx', seq);
      assert.equal(seqs.has('psx', seq), true);
    }
    assert.equal(seqs.has('psx', 6), false);
    assert.equal(seqs.has('backup', 5), false);
  });

  test('a seq further behind the highest than the window is a resend', () => {
    const seqs = new FeedSequences();
    seqs.remember('psx', 1);
    seqs.remember('psx', 1 + SEQ_WINDOW + 10);
    assert.equal(seqs.has('psx', 5), true);
    // The slot seq 5 shared with a newer seq inside the window was cleared as the window slid.
    assert.equal(seqs.has('psx', 5 + SEQ_WINDOW), false);
    assert.equal(seqs.has('psx', 1 + SEQ_WINDOW + 9), false);
  });

  test('export and restore keep the window exactly, with the highest seq', () => {
    const seqs = new FeedSequences();
    for (const seq of [-3, 2, 40_000, 39_990]) seqs.remember('psx', seq);
    const state = seqs.exportState();
    assert.deepEqual(state, [{ feed: 'psx', seqs: [39_990, 40_000] }]);
    const copy = new FeedSequences();
    copy.restoreState(state);
    assert.equal(copy.has('psx', 39_990), true);
    assert.equal(copy.has('psx', 39_991), false);
    assert.equal(copy.has('psx', 2), true);
    copy.clear();
    assert.equal(copy.has('psx', 40_000), false);
  });
});
