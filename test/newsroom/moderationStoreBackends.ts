import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresProblem,
  redactedUrl,
  type StoreBackend,
  sqliteBackend,
} from '../store/storeBackends.js';

/** Runs `body` on a fresh migrated store on SQLite and on PostgreSQL (skipped without a server, required on CI). */
export async function onBothEngines(name: string, body: (opened: OpenStore) => Promise<void>): Promise<void> {
  const engines: [string, () => Promise<StoreBackend>][] = [['SQLite', sqliteBackend]];
  const problem = await postgresProblem(POSTGRES_URL);
  if (problem === null) engines.push(['PostgreSQL', async () => postgresBackend(POSTGRES_URL)]);
  else if (process.env.CI === 'true') test(`${name} on PostgreSQL`, () => assert.fail(problem));
  else test(`${name} on PostgreSQL`, { skip: `not reachable at ${redactedUrl(POSTGRES_URL)}` }, () => {});
  for (const [engine, make] of engines) {
    test(`${name} on ${engine}`, async () => {
      const backend = await make();
      const opened = await openTestStore(await backend.freshTarget());
      try {
        await body(opened);
      } finally {
        await opened.close();
        await backend.dispose();
      }
    });
  }
}
