import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { articlesForReaders } from '../../src/store/articles/articleWithChildren.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
} from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

// The article pages' batched read on PostgreSQL: PostgreSQL keeps one plan for it instead of planning every read
// (which cost several times running it), and lists of any length read each story once.

const name = 'the article read on PostgreSQL';
if (await postgresReachable(name)) {
  let backend: StoreBackend;
  let opened: OpenStore;
  const ids: number[] = [];
  before(async () => {
    backend = postgresBackend(POSTGRES_URL);
    const target = await backend.freshTarget();
    // One connection, so the statements the reads prepared are the ones pg_prepared_statements lists.
    opened = await openTestStore(target.kind === 'postgres' ? { ...target, poolSize: 1 } : target);
    for (const section of SECTIONS) await opened.store.insertSection(section);
    for (let n = 0; n < 70; n++)
      ids.push(await opened.store.insertArticle(draft({ headline: `Story ${n}`, tags: ['rupee', 'imf'] })));
    // An archive's rows, and statistics of them: the planner prices plans by them. With a few dozen rows every
    // plan costs next to nothing, and PostgreSQL kept even the array form's plan (the test then passed on it).
    await sql`insert into articles (slug, headline, summary, section_slug, byline_kind, byline_value, body_json,
        published_at, status)
      select 'archive-' || n, 'Archive story ' || n, 'Summary.', 'world', 'agency', 'Reuters', '[]',
        1700000000000 + n * 60000, 'published'
      from generate_series(1, 5000) as n`.execute(opened.db);
    await sql`insert into article_tags (article_id, tag_id, position)
      select articles.id, tags.id, 0 from articles cross join tags where articles.slug like 'archive-%'`.execute(
      opened.db,
    );
    await sql`analyze articles, article_tags, tags, sections, comments, article_corrections`.execute(opened.db);
  });
  after(async () => {
    await opened.close();
    await backend.dispose();
  });

  test(`${name}: runs a kept plan from the sixth read of a length on, not one made for each read`, async () => {
    for (let n = 0; n < 8; n++) await articlesForReaders(opened.db, 'postgres', [ids[n] as number]);
    for (let n = 0; n < 8; n++) await articlesForReaders(opened.db, 'postgres', ids.slice(n, n + 3));
    const { rows } = await sql<{ generic_plans: number; custom_plans: number; statement: string }>`
      select generic_plans::int, custom_plans::int, statement from pg_prepared_statements
      where statement like '%comments_json%'`.execute(opened.db);
    assert.ok(rows.length > 0, 'the read is a named statement');
    for (const row of rows) {
      assert.ok(
        row.generic_plans >= 3,
        `planned afresh: ${row.custom_plans} plans made for reads, ${row.generic_plans} runs of a kept one`,
      );
    }
    // One statement for a single story and one for lists of three or four (the three padded to four).
    assert.equal(rows.length, 2, rows.map((row) => row.statement).join('\n'));
  });

  test(`${name}: a list of any length reads each story once, repeated and missing ids included`, async () => {
    for (const length of [1, 3, 4, 5, 64, 65, 70]) {
      const asked = ids.slice(0, length);
      const found = await articlesForReaders(opened.db, 'postgres', asked);
      assert.deepEqual(
        [...found.keys()].sort((a, b) => a - b),
        asked,
        `${length} stories`,
      );
    }
    const first = ids[0] as number;
    const withRepeats = await articlesForReaders(opened.db, 'postgres', [first, first, ids[1] as number, 999_999]);
    assert.deepEqual(
      [...withRepeats.keys()].sort((a, b) => a - b),
      [first, ids[1]],
    );
    assert.equal(withRepeats.get(first)?.article.headline, 'Story 0');
    assert.equal((await articlesForReaders(opened.db, 'postgres', [])).size, 0);
  });
}
