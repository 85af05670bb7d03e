import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type OpenStore, openTestStore, type StoreBackend, sqliteBackend } from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

let backend: StoreBackend;
let opened: OpenStore;
before(async () => {
  backend = await sqliteBackend();
  opened = await openTestStore(await backend.freshTarget());
});
after(async () => {
  await opened.close();
  await backend.dispose();
});

test("a section's published stories are counted from an index, not by reading every story", async () => {
  for (const section of SECTIONS) await opened.store.insertSection(section);
  for (let n = 0; n < 30; n += 1)
    await opened.store.insertArticle(draft({ sectionSlug: n % 3 === 0 ? 'markets' : 'world' }));
  const { rows } = await sql<{ detail: string }>`explain query plan
    select count(*) from articles where status = 'published' and section_slug = 'markets'`.execute(opened.db);
  const plan = rows.map((row) => row.detail).join('\n');
  assert.match(plan, /USING COVERING INDEX articles_section_status_idx/, plan);
  const page = await opened.store.listArticles({ sectionSlug: 'markets', limit: 5 });
  assert.equal(page.total, (await opened.store.listArticles({ sectionSlug: 'markets', limit: 100 })).items.length);
});
