import type { Kysely } from 'kysely';
import type { DatabaseTarget } from '../../src/store/connect.js';
import { openDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import {
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from '../store/storeBackends.js';

export interface OpenMarketDb {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

export async function openMarketDb(target: DatabaseTarget): Promise<OpenMarketDb> {
  const opened = await openDatabase(target);
  await migrateToLatest(opened.db);
  return { db: opened.db, close: () => opened.close() };
}

/** Runs `suite` on SQLite and on PostgreSQL, with the store tests' policy: PostgreSQL skipped locally when absent, required on CI. */
export async function onBothDialects(
  name: string,
  suite: (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => void,
): Promise<void> {
  suite(sqliteBackend, 'SQLite');
  if (await postgresReachable(`${name} on PostgreSQL`)) suite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
