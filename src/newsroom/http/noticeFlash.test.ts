import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noticeFlash } from './noticeFlash.js';

const NOTICES = { saved: 'Saved.', gone: 'Removed.' };

test('a known notice name gives its message as a notice', () => {
  assert.deepEqual(noticeFlash(NOTICES, 'saved'), { kind: 'notice', message: 'Saved.' });
});

test('no notice, an unknown one, or an inherited property name gives nothing', () => {
  assert.equal(noticeFlash(NOTICES, undefined), undefined);
  assert.equal(noticeFlash(NOTICES, '<script>'), undefined);
  assert.equal(noticeFlash(NOTICES, 'toString'), undefined);
  assert.equal(noticeFlash(NOTICES, '__proto__'), undefined);
});
