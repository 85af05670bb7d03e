import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventFrame, parseLastEventId, retryFrame } from './sseFrames.js';

describe('event-stream frames', () => {
  test('an event is its type, id and one data line, ended by a blank line', () => {
    assert.equal(eventFrame('update', 42, '{"a":1}').toString(), 'event: update\nid: 42\ndata: {"a":1}\n\n');
    assert.equal(retryFrame(3000).toString(), 'retry: 3000\n\n');
  });

  test('Last-Event-ID is a plain non-negative integer or absent', () => {
    assert.equal(parseLastEventId('17'), 17);
    assert.equal(parseLastEventId(' 17 '), 17);
    for (const bad of [undefined, '', 'abc', '-1', '1.5', '1e3', '9999999999999999']) {
      assert.equal(parseLastEventId(bad), null, String(bad));
    }
  });
});
