import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './statementCache.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-statements-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  const database = new Sqlite(join(dir, name));
  database.exec('create table t (id integer primary key, v text)');
  return database;
}

test('the same SQL gets the same compiled statement; other SQL does not', () => {
  const cached = withStatementCache(open('same.sqlite'));
  const first = cached.prepare('select v from t where id = ?');
  assert.equal(cached.prepare('select v from t where id = ?'), first);
  assert.notEqual(cached.prepare('select id from t where id = ?'), first);
  cached.close();
});

test('a statement busy streaming rows is not handed out again', () => {
  const database = open('busy.sqlite');
  database.prepare('insert into t (v) values (?), (?), (?)').run('a', 'b', 'c');
  const cached = withStatementCache(database);
  const select = 'select v from t order by id';
  const streaming = cached.prepare(select);
  const rows = streaming.iterate([]);
  assert.deepEqual(rows.next().value, { v: 'a' });
  // Handing out the streaming statement would let a second caller reset it mid-stream.
  assert.notEqual(cached.prepare(select), streaming);
  assert.deepEqual([...rows], [{ v: 'b' }, { v: 'c' }]);
  assert.equal(cached.prepare(select), streaming, 'once drained it is the cached one again');
  cached.close();
});

test('beyond its capacity the least recently used statement is compiled again', () => {
  const cached = withStatementCache(open('capacity.sqlite'), 2);
  const a = cached.prepare('select 1');
  const b = cached.prepare('select 2');
  assert.equal(cached.prepare('select 1'), a); // now 'select 2' is the oldest
  cached.prepare('select 3');
  assert.equal(cached.prepare('select 1'), a);
  assert.notEqual(cached.prepare('select 2'), b);
  cached.close();
});

test('Kysely on the cached database runs repeated writes and reads correctly', async () => {
  const db = new Kysely<{ t: { id: number; v: string } }>({
    dialect: new SqliteDialect({ database: withStatementCache(open('kysely.sqlite')) }),
  });
  for (let i = 0; i < 50; i++)
    await db
      .insertInto('t')
      .values({ id: i, v: `v${i}` })
      .execute();
  const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
  assert.equal(count.rows[0]?.n, 50);
  const row = await db.selectFrom('t').select('v').where('id', '=', 42).executeTakeFirst();
  assert.equal(row?.v, 'v42');
  await db.destroy();
});
