import { type Kysely, type MigrationResult, Migrator, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import type { Database, StoreDialect } from './database.js';
import { storeMigrations } from './migrations/list.js';

/** Brings the schema up to date. Throws when a migration fails, naming it. */
export function migrateToLatest(db: Kysely<Database>): Promise<readonly MigrationResult[]> {
  return migrateUpTo(db, null);
}

/**
 * Runs the migrations up to and including `last` (every one when null): a database as an older release left
 * it, for tests of a migration. Throws when a migration fails, naming it.
 */
export async function migrateUpTo(db: Kysely<Database>, last: string | null): Promise<readonly MigrationResult[]> {
  const dialect = dialectOf(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => storeMigrations(dialect) },
    // Kysely looks for its bookkeeping table in every schema unless told
    // which one; naming the current schema keeps two schemas in one database
    // (one per test run, or per tenant) from seeing each other's history.
    ...(dialect === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  });
  const run = () => (last === null ? migrator.migrateToLatest() : migrator.migrateTo(last));
  let { error, results = [] } = await run();
  // Kysely looks for its bookkeeping table by listing the tables and columns of every schema in the database;
  // another schema dropped or migrated meanwhile (a parallel test run, a tenant removed) fails that listing
  // before anything of ours ran: 3F000 for a schema gone, 42P01 or 42703 for a table or column gone (the
  // listing asks pg_get_serial_sequence of each column it saw). That is not our failure: look again.
  // Within a bound of 15 s, so a schema that is really missing still fails.
  const deadline = Date.now() + 15_000;
  while (error !== undefined && results.length === 0 && isCatalogRace(error) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    ({ error, results = [] } = await run());
  }
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const where = failed === undefined ? 'before any migration ran' : `in migration ${failed}`;
    throw new Error(`Database migration failed ${where}: ${describe(error)}`, { cause: error });
  }
  return results;
}

/** Which engine a Kysely instance talks to, read from its adapter. */
export function dialectOf(db: Kysely<Database>): StoreDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof PostgresAdapter) return 'postgres';
  throw new Error(`Unsupported database adapter ${adapter.constructor.name}`);
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (schema == null) throw new Error('PostgreSQL has no current schema: check search_path');
  return schema;
}

/** PostgreSQL's "schema … does not exist" (invalid_schema_name), raised by a catalogue query. */
/** Invalid schema name, undefined table, undefined column: what a catalog listing meets when other DDL runs. */
const CATALOG_RACE_CODES = new Set(['3F000', '42P01', '42703']);

function isCatalogRace(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && CATALOG_RACE_CODES.has(String((error as { code?: unknown }).code))
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
