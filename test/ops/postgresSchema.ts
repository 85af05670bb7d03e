import pg from 'pg';
import { POSTGRES_URL, postgresProblem } from '../store/storeBackends.js';
import { isCi } from '../support/environment.js';

/** Why the PostgreSQL tests of this folder skip (a message), or false when PostgreSQL answers or on CI. */
export async function skipWithoutPostgres(): Promise<string | false> {
  const problem = await postgresProblem(POSTGRES_URL);
  if (problem === null || isCi()) return false;
  const message = `SKIPPED: PostgreSQL not reachable at ${POSTGRES_URL} (${problem}). Set CI=true to make this a failure.`;
  console.warn(message);
  return message;
}

/**
 * An empty schema of its own for server processes, and the URL that points
 * them at it (`options=-c search_path=…`, as an operator would give one).
 */
export async function freshSchema(label: string): Promise<{ url: string; schema: string; drop(): Promise<unknown> }> {
  const schema = `broadsheet_ops_${label}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  await admin((client) => client.query(`create schema "${schema}"`));
  return {
    url: url.toString(),
    schema,
    drop: () => admin((client) => client.query(`drop schema if exists "${schema}" cascade`)),
  };
}

/** Runs `work` on a connection of its own to the test database (not through any server). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
