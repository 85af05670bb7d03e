import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { type Refusal, type RefusalReason, refusal } from '../shared/outcome.js';
import { sendApiRefusal, statusForRefusal } from './refusalStatus.js';

test('statusForRefusal gives each reason its HTTP status', () => {
  const expected: Record<RefusalReason, number> = {
    malformed: 400,
    unauthenticated: 401,
    forbidden: 403,
    'not-found': 404,
    conflict: 409,
    'too-large': 413,
    unsupported: 415,
    invalid: 422,
    unavailable: 503,
  };
  for (const [reason, status] of Object.entries(expected)) {
    assert.equal(statusForRefusal(reason as RefusalReason), status, reason);
  }
});

async function answer(refused: Refusal) {
  const app = Fastify();
  app.get('/', async (_request, reply) => sendApiRefusal(reply, refused));
  try {
    const response = await app.inject({ method: 'GET', url: '/' });
    return { status: response.statusCode, cache: response.headers['cache-control'], body: response.json() };
  } finally {
    await app.close();
  }
}

test('sendApiRefusal answers with the status, the message and the per-field problems only', async () => {
  const sent = await answer(
    refusal('invalid', 'Nothing was changed.', [
      { field: '', message: 'The market is closed.' },
      { field: 'symbol', message: 'OGDC is not listed.' },
    ]),
  );
  assert.equal(sent.status, 422);
  assert.equal(sent.cache, 'no-store');
  assert.deepEqual(sent.body, {
    error: 'Unprocessable Entity',
    message: 'Nothing was changed.',
    details: [{ field: 'symbol', message: 'OGDC is not listed.' }],
  });
});

test('sendApiRefusal leaves details out when no field is named', async () => {
  const sent = await answer(refusal('not-found', 'There is no article with this id.'));
  assert.equal(sent.status, 404);
  assert.deepEqual(sent.body, { error: 'Not Found', message: 'There is no article with this id.' });
});
