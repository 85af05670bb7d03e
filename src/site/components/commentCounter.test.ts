import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMENT_MAX_CHARS, commentBodyLength } from '../../news/commentRules.js';
import { commentCount } from './commentCounter.js';

test('the counter says how many characters are left, then how many too many', () => {
  assert.deepEqual(commentCount(0), { text: '1,000 characters left', over: false });
  assert.deepEqual(commentCount(999), { text: '1 character left', over: false });
  assert.deepEqual(commentCount(1000), { text: '0 characters left', over: false });
  assert.deepEqual(commentCount(1001), { text: '1 character too many', over: true });
  assert.deepEqual(commentCount(3500), { text: '2,500 characters too many', over: true });
});

test('500 emoji leave 500 characters, 1000 emoji none: counted as the server counts', () => {
  const emoji = '\u{1F600}';
  assert.equal(COMMENT_MAX_CHARS, 1000);
  assert.equal(commentCount(commentBodyLength(emoji.repeat(500))).text, '500 characters left');
  assert.equal(commentCount(commentBodyLength(emoji.repeat(1000))).over, false);
  assert.equal(commentCount(commentBodyLength(emoji.repeat(1001))).over, true);
});
