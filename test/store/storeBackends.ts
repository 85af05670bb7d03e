import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/store/connect.js';
import { type OpenedStore, openStore } from '../../src/store/openStore.js';

/** A database engine the store suite runs against; each `freshTarget` is an empty database of its own. */
export interface StoreBackend {
  readonly name: string;
  freshTarget(): Promise<DatabaseTarget>;
  /** Removes everything `freshTarget` created. */
  dispose(): Promise<void>;
}

/** A migrated store with every aggregate's store object, as the app opens it. */
export type OpenStore = OpenedStore;

export const openTestStore: (target: DatabaseTarget) => Promise<OpenStore> = openStore;

export async function sqliteBackend(): Promise<StoreBackend> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-store-'));
  let count = 0;
  return {
    name: 'SQLite',
    // A nested folder, so the test also proves openDatabase creates the parent directory.
    freshTarget: async () => ({ kind: 'sqlite', path: join(dir, `run-${++count}`, 'news.db') }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Null when PostgreSQL answers, otherwise why not. */
export async function postgresProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Whether a file's PostgreSQL-only tests can run. When PostgreSQL does not answer, a test named `name` stands
 * for them: failed in CI (which must run them), skipped elsewhere with the reason (a machine without PostgreSQL
 * still runs the rest of the suite).
 */
export async function postgresReachable(name: string): Promise<boolean> {
  const problem = await postgresProblem(POSTGRES_URL);
  if (problem === null) return true;
  const why = `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}: ${problem}`;
  if (process.env.CI === 'true') test(name, () => assert.fail(why));
  else test(name, { skip: why }, () => {});
  return false;
}

// Two backends made in the same millisecond of one process (two suites of one file) must not share names:
// one's dispose would drop the other's schemas under its running tests.
let backendsMade = 0;

/** Each target is a schema of its own, named after this process and backend, so parallel runs never meet. */
export function postgresBackend(url: string): StoreBackend {
  backendsMade += 1;
  const runId = `${process.pid}_${Date.now().toString(36)}_${backendsMade}`;
  const schemas: string[] = [];
  return {
    name: 'PostgreSQL',
    freshTarget: async () => {
      const schema = `broadsheet_test_${runId}_${schemas.length + 1}`;
      schemas.push(schema);
      return { kind: 'postgres', url, schema };
    },
    dispose: async () => {
      const pool = new pg.Pool({ connectionString: url });
      try {
        for (const schema of schemas) await pool.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await pool.end();
      }
    },
  };
}

/** The URL with any password hidden, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
