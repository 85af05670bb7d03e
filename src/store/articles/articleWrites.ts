import type { Kysely, Transaction } from 'kysely';
import type { ArticleDraft, Tag } from '../../news/article.js';
import type { Database } from '../database.js';
import { bylineColumns, moreBylinesColumn } from './articleRows.js';

/** Rows per multi-row INSERT: far below the bind-parameter limits of both engines. */
const ROWS_PER_INSERT = 500;

/** Inserts the tags that are new, keeps the existing ones; returns the id of every slug. */
export async function ensureTags(trx: Transaction<Database>, tags: readonly Tag[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(tags)) {
    await trx
      .insertInto('tags')
      .values(batch.map((tag) => ({ slug: tag.slug, name: tag.name })))
      // The first spelling stored stays the display name of the tag.
      .onConflict((conflict) => conflict.column('slug').doNothing())
      .execute();
    const rows = await trx
      .selectFrom('tags')
      .select(['id', 'slug'])
      .where(
        'slug',
        'in',
        batch.map((tag) => tag.slug),
      )
      .execute();
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

/**
 * Inserts one article and links its canonical tags, which must already be in
 * `tagIds`. Returns the new article id.
 */
export async function insertArticleRow(
  trx: Transaction<Database>,
  draft: ArticleDraft,
  tags: readonly Tag[],
  tagIds: ReadonlyMap<string, number>,
): Promise<number> {
  const { id } = await trx
    .insertInto('articles')
    .values({
      slug: draft.slug,
      headline: draft.headline,
      summary: draft.summary,
      section_slug: draft.sectionSlug,
      ...bylineColumns(draft.byline),
      more_bylines_json: moreBylinesColumn(draft.moreBylines),
      dateline: draft.dateline,
      body_json: JSON.stringify(draft.body),
      published_at: draft.publishedAt.getTime(),
      print_page: draft.printPage,
      updated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const links = tags.map((tag, position) => ({ article_id: id, tag_id: tagIdOf(tagIds, tag.slug), position }));
  await insertArticleTags(trx, links);
  return id;
}

export async function insertArticleTags(
  trx: Transaction<Database>,
  links: readonly { article_id: number; tag_id: number; position: number }[],
): Promise<void> {
  for (const batch of chunks(links)) await trx.insertInto('article_tags').values(batch).execute();
}

/** Throws a clear error instead of a foreign-key violation when a draft names no existing section. */
export async function assertSectionsExist(db: Kysely<Database>, slugs: readonly string[]): Promise<void> {
  const wanted = [...new Set(slugs)];
  if (wanted.length === 0) return;
  const rows = await db.selectFrom('sections').select('slug').where('slug', 'in', wanted).execute();
  const known = new Set(rows.map((row) => row.slug));
  const missing = wanted.filter((slug) => !known.has(slug));
  if (missing.length > 0) throw new Error(`Unknown section ${missing.map((slug) => `"${slug}"`).join(', ')}`);
}

export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_INSERT) {
    result.push(items.slice(start, start + ROWS_PER_INSERT));
  }
  return result;
}

function tagIdOf(tagIds: ReadonlyMap<string, number>, slug: string): number {
  const id = tagIds.get(slug);
  if (id === undefined) throw new Error(`Tag "${slug}" was not stored before its article`);
  return id;
}
