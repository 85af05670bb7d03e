import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newsStoreSuite } from './newsStoreSuite.js';
import { POSTGRES_URL, postgresBackend, postgresProblem, redactedUrl, sqliteBackend } from './storeBackends.js';

newsStoreSuite(sqliteBackend, 'SQLite');

const problem = await postgresProblem(POSTGRES_URL);
const unreachable = `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}: ${problem}`;
if (problem === null) {
  newsStoreSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
} else if (process.env.CI === 'true') {
  // On CI the PostgreSQL suite is required: a missing server is a failure, not a skip.
  test('NewsStore on PostgreSQL', () => assert.fail(unreachable));
} else {
  test('NewsStore on PostgreSQL', { skip: unreachable }, () => {});
}
