import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { POSTGRES_URL, postgresProblem, redactedUrl } from './storeBackends.js';

// Migrating finds Kysely's bookkeeping table by listing every schema's tables; other schemas of the same
// database being created, altered and dropped meanwhile (parallel test runs, tenants) used to fail that listing.

const problem = await postgresProblem(POSTGRES_URL);
const skip =
  problem !== null && process.env.CI !== 'true'
    ? `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}: ${problem}`
    : false;

test('migrations run while other schemas of the database are altered and dropped', { skip }, async () => {
  assert.equal(problem, null, `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}: ${problem}`);
  const pool = new pg.Pool({ connectionString: POSTGRES_URL });
  const prefix = `broadsheet_churn_${process.pid}_${Date.now().toString(36)}`;
  let stop = false;
  const churn = (async () => {
    // The churn's own failures (a busy server) are not what is tested; it only has to keep schemas moving.
    for (let round = 0; !stop; round += 1) {
      const schema = `${prefix}_${round % 4}`;
      await pool.query(
        `create schema if not exists "${schema}"; create table if not exists "${schema}".t (id serial primary key)`,
      );
      // Columns come and go too (another run's migrations): a column gone between the listing's look at the
      // catalog and its question about that column fails the listing with 42703.
      await pool.query(`alter table "${schema}".t add column extra integer`);
      await pool.query(`alter table "${schema}".t drop column extra`);
      await pool.query(`drop schema if exists "${schema}" cascade`);
      // As often as parallel runs or tenant removals could plausibly drop schemas, and then some.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })().catch(async () => {
    while (!stop) await new Promise((resolve) => setTimeout(resolve, 10));
  });
  const failures: string[] = [];
  try {
    for (let run = 0; run < 20; run += 1) {
      const schema = `${prefix}_mig_${run}`;
      const opened = await openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
      try {
        await migrateToLatest(opened.db);
      } catch (error) {
        failures.push((error as Error).message);
      } finally {
        await opened.close();
        await pool.query(`drop schema if exists "${schema}" cascade`);
      }
    }
  } finally {
    stop = true;
    await churn;
    await pool.end();
  }
  assert.deepEqual(failures, []);
});
