import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
} from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

// PostgreSQL adds to a day's read counts in place: the row's new version stays on its page (a heap-only update,
// no new index entries), because the table's pages are left half empty (migration 0026).

const STORIES = 400;

async function blocksOf(opened: OpenStore): Promise<Map<number, string>> {
  const { rows } = await sql<{ article_id: number; block: string }>`
    select article_id, (ctid::text::point)[0]::bigint::text as block from article_views`.execute(opened.db);
  return new Map(rows.map((row) => [row.article_id, row.block]));
}

const name = 'adding to read counts on PostgreSQL keeps every row on its page';
if (await postgresReachable(name)) {
  let backend: StoreBackend;
  let opened: OpenStore;
  before(async () => {
    backend = await postgresBackend(POSTGRES_URL);
    opened = await openTestStore(await backend.freshTarget());
  });
  after(async () => {
    await opened.close();
    await backend.dispose();
  });

  test(name, async () => {
    for (const section of SECTIONS) await opened.store.insertSection(section);
    const reads = new Map<number, number>();
    for (let n = 0; n < STORIES; n += 1) reads.set(await opened.store.insertArticle(draft()), 1);
    await opened.frontPage.addReads('2026-12-06', reads);
    const before = await blocksOf(opened);
    assert.ok(new Set(before.values()).size > 1, 'the counts fill more than one page');

    await opened.frontPage.addReads('2026-12-06', reads);
    const after = await blocksOf(opened);
    const moved = [...before].filter(([story, block]) => after.get(story) !== block).length;
    assert.equal(moved, 0, `${moved} of ${STORIES} counts moved to another page when added to`);
    const [story] = reads.keys();
    assert.equal(await opened.frontPage.readsOf(story as number, '2026-12-06'), 2);
  });
}
