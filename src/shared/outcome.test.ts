import assert from 'node:assert/strict';
import { test } from 'node:test';
import { done, refusal, refusalOfProblems } from './outcome.js';

test('done wraps the value', () => {
  assert.deepEqual(done(42), { ok: true, value: 42 });
});

test('refusal carries the problems given, or none', () => {
  assert.deepEqual(refusal('forbidden', 'No.'), { ok: false, reason: 'forbidden', message: 'No.', problems: [] });
  assert.deepEqual(refusal('invalid', 'Fix it.', [{ field: 'alt', message: 'Describe it.' }]), {
    ok: false,
    reason: 'invalid',
    message: 'Fix it.',
    problems: [{ field: 'alt', message: 'Describe it.' }],
  });
});

test('refusalOfProblems tells the problems one after another', () => {
  const problems = [
    { field: '', message: 'The market is closed.' },
    { field: 'symbol', message: 'OGDC is not listed.' },
  ];
  assert.deepEqual(refusalOfProblems('invalid', problems), {
    ok: false,
    reason: 'invalid',
    message: 'The market is closed. OGDC is not listed.',
    problems,
  });
  assert.equal(refusalOfProblems('invalid', []).message, 'Nothing was changed.');
});
