import { test } from 'node:test';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from '../store/storeBackends.js';

/** Runs `body` on a fresh migrated store on SQLite and on PostgreSQL (skipped without a server, required on CI). */
export async function onBothEngines(name: string, body: (opened: OpenStore) => Promise<void>): Promise<void> {
  const engines: [string, () => Promise<StoreBackend>][] = [['SQLite', sqliteBackend]];
  if (await postgresReachable(`${name} on PostgreSQL`))
    engines.push(['PostgreSQL', async () => postgresBackend(POSTGRES_URL)]);
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
