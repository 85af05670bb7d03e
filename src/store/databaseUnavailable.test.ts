import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './databaseUnavailable.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

test('a refused or cut connection, a server shutting down and a statement timeout are unavailability', () => {
  assert.equal(isDatabaseUnavailable(withCode('ECONNREFUSED')), true);
  assert.equal(isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')), true);
  assert.equal(isDatabaseUnavailable(withCode('08006')), true);
  assert.equal(isDatabaseUnavailable(withCode('57014', 'canceling statement due to statement timeout')), true);
  assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
  assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
  assert.equal(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')], 'connect failed')), true);
  assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') })), true);
});

test('a constraint violation, a syntax error or a plain bug is not', () => {
  assert.equal(isDatabaseUnavailable(withCode('23505', 'duplicate key value violates unique constraint')), false);
  assert.equal(isDatabaseUnavailable(withCode('42601', 'syntax error')), false);
  assert.equal(isDatabaseUnavailable(new TypeError('x is undefined')), false);
  assert.equal(isDatabaseUnavailable('text'), false);
  const loop: Error & { cause?: unknown } = new Error('loop');
  loop.cause = loop;
  assert.equal(isDatabaseUnavailable(loop), false);
});
