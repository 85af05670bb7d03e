import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompiledQuery } from 'kysely';
import { readersStatement } from '../../src/store/articles/articleWithChildren.js';
import { openTestStore, sqliteBackend } from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

test("SQLite reads a batch of article pages by primary key, never walking the status index's published stories", async (t) => {
  const backend = await sqliteBackend();
  t.after(() => backend.dispose());
  const opened = await openTestStore(await backend.freshTarget());
  t.after(() => opened.close());
  for (const section of SECTIONS) await opened.store.insertSection(section);
  const ids: number[] = [];
  for (let n = 0; n < 3; n++) ids.push(await opened.store.insertArticle(draft()));
  const statement = readersStatement(opened.db, 'sqlite', ids);
  const { rows } = await opened.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${statement.sql}`, [...statement.parameters]),
  );
  const articles = rows.map((row) => row.detail).filter((detail) => /\b(SCAN|SEARCH) articles\b/.test(detail));
  assert.deepEqual(
    articles,
    ['SEARCH articles USING INTEGER PRIMARY KEY (rowid=?)'],
    rows.map((row) => row.detail).join('\n'),
  );
});
