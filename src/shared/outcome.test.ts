import assert from 'node:assert/strict';
import { test } from 'node:test';
import { done, refusal } from './outcome.js';

test('done wraps the value', () => {
  assert.deepEqual(done(42), { ok: true, value: 42 });
});

test('refusal carries problems only when given', () => {
  assert.deepEqual(refusal('forbidden', 'No.'), { ok: false, reason: 'forbidden', message: 'No.' });
  assert.deepEqual(refusal('invalid', 'Fix it.', [{ field: 'alt', message: 'Describe it.' }]), {
    ok: false,
    reason: 'invalid',
    message: 'Fix it.',
    problems: [{ field: 'alt', message: 'Describe it.' }],
  });
});
