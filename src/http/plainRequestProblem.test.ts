import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainRequestProblem } from './plainRequestProblem.js';

test('a bad symbol in the address is told as what to do, without the validator’s words', () => {
  const problem = plainRequestProblem({
    method: 'GET',
    code: 'FST_ERR_VALIDATION',
    validation: [{ instancePath: '/symbol', params: { limit: 1 } }],
  });
  assert.equal(problem.message, 'Choose a stock symbol, such as OGDC, from the markets page.');
  assert.doesNotMatch(`${problem.title} ${problem.message}`, /params|must NOT|characters|instance|schema/);
});

test('each known field has its own advice, said once', () => {
  const problem = plainRequestProblem({
    method: 'GET',
    validation: [
      { instancePath: '/page', params: {} },
      { instancePath: '/page', params: {} },
      { instancePath: '/range', params: {} },
    ],
  });
  assert.equal(
    problem.message,
    'Page numbers are whole numbers, starting at 1. Choose a chart range: one month, six months, one year or all.',
  );
});

test('a missing or unknown field gets the general advice', () => {
  for (const validation of [[{ instancePath: '', params: { missingProperty: 'zzz' } }], [], undefined]) {
    const problem = plainRequestProblem({ method: 'GET', validation });
    assert.match(problem.message, /^Something in this address is not as we expect/);
  }
});

test('a body that could not be read at all is said plainly, with a title for a sent form', () => {
  const problem = plainRequestProblem({ method: 'POST', code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
  assert.equal(problem.title, 'Please check what you sent');
  assert.match(problem.message, /too large/);
  assert.equal(
    plainRequestProblem({ method: 'POST', validation: [{ instancePath: '/body', params: {} }] }).message,
    'Your comment is too long to send; shorten it and try again.',
  );
});
