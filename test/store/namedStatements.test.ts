import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type OpenDatabase, openDatabase } from '../../src/store/connect.js';
import { POSTGRES_URL, postgresBackend, postgresReachable, type StoreBackend } from './storeBackends.js';

// Every warning of this process, from its start: pg warns once per process, at the first query sent on a client
// while another runs there, and the suite's own set-up (a fresh pool's first query) is where that would happen.
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(warning.message));

/** The statements this connection holds prepared, by text (the pool has one connection, so it is the one used). */
async function prepared(opened: OpenDatabase): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(opened.db);
  return rows.map((row) => row.statement);
}

function suite(): void {
  describe('named statements on PostgreSQL', () => {
    let backend: StoreBackend;
    let opened: OpenDatabase;
    before(async () => {
      backend = postgresBackend(POSTGRES_URL);
      const target = await backend.freshTarget();
      if (target.kind !== 'postgres') throw new Error('a PostgreSQL target');
      opened = await openDatabase({ ...target, poolSize: 1 });
    });
    after(async () => {
      await opened.close();
      await backend.dispose();
    });

    test('no query is sent on a busy client: pg deprecates it', async () => {
      await sql`select ${1}::int as one`.execute(opened.db);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((message) => message.includes('already executing a query')),
        [],
      );
    });

    test('a statement run over and over is planned once for all values (a generic plan), not on every run', async () => {
      const read = (n: number) =>
        sql<{ n: number }>`select ${n}::int * 2 as n from pg_class limit 1`.execute(opened.db);
      for (let n = 0; n < 8; n += 1) assert.deepEqual((await read(n)).rows, [{ n: n * 2 }]);
      const { rows } = await sql<{
        generic: string | number;
      }>`select generic_plans as generic from pg_prepared_statements
        where statement like '%::int * 2 as n from pg_class%'`.execute(opened.db);
      assert.equal(rows.length, 1, 'prepared once');
      assert.ok(Number(rows[0]?.generic) > 0, `a generic plan after five runs, got ${rows[0]?.generic}`);
    });

    test('a full-text search is sent unnamed, so each run is planned for its own words', async () => {
      const search = (words: string) =>
        sql<{
          hit: boolean;
        }>`select to_tsvector('simple', 'the rupee fell') @@ plainto_tsquery('simple', ${words}) as hit`.execute(
          opened.db,
        );
      assert.deepEqual((await search('rupee')).rows, [{ hit: true }]);
      assert.deepEqual((await search('dollar')).rows, [{ hit: false }]);
      assert.ok(!(await prepared(opened)).some((text) => text.includes('plainto_tsquery')), 'not prepared');
    });

    test('a statement with parameters is prepared once on its connection and then only executed', async () => {
      const twice = (n: number) => sql<{ n: number }>`select ${n}::int + 1 as n`.execute(opened.db);
      assert.deepEqual((await twice(1)).rows, [{ n: 2 }]);
      assert.deepEqual((await twice(41)).rows, [{ n: 42 }]);
      const texts = (await prepared(opened)).filter((text) => text.includes('::int + 1 as n'));
      assert.equal(texts.length, 1, 'one prepared statement for the text, whatever its values');
      assert.ok(!(await prepared(opened)).some((text) => text.includes('pg_prepared_statements')), 'no parameters');
    });

    test('a long list of values is sent unnamed: its text varies with the data', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => i);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from generate_series(0, 99) as g(i)
        where i in (${sql.join(ids)})`.execute(opened.db);
      assert.deepEqual(rows, [{ n: 40 }]);
      assert.ok(!(await prepared(opened)).some((text) => text.includes('generate_series')));
    });

    test('a column added under a prepared `*` is read, not refused', async () => {
      await sql`create table named_probe (a int not null)`.execute(opened.db);
      await sql`insert into named_probe (a) values (${1})`.execute(opened.db);
      const read = () => sql<Record<string, unknown>>`select * from named_probe where a = ${1}`.execute(opened.db);
      assert.deepEqual((await read()).rows, [{ a: 1 }]);
      assert.deepEqual((await read()).rows, [{ a: 1 }]);
      await sql`alter table named_probe add column b text not null default 'added'`.execute(opened.db);
      assert.deepEqual((await read()).rows, [{ a: 1, b: 'added' }]);
      assert.deepEqual((await read()).rows, [{ a: 1, b: 'added' }]);
    });

    test('a statement that fails to parse is reported each time and spoils nothing after it', async () => {
      const broken = () => sql`select no_such_column from named_probe where a = ${1}`.execute(opened.db);
      await assert.rejects(broken(), /no_such_column/);
      await assert.rejects(broken(), /no_such_column/);
      assert.deepEqual((await sql`select ${'still'}::text as word`.execute(opened.db)).rows, [{ word: 'still' }]);
    });
  });
}

if (await postgresReachable('named statements on PostgreSQL')) suite();
