import type { Kysely } from 'kysely';
import type { Byline, Tag } from '../../news/article.js';
import { karachiDateOf } from '../../shared/pakistanTime.js';
import type { Database } from '../database.js';
import { assertCount, PUBLISHED } from './articleQueries.js';
import { toByline } from './articleRows.js';
import type { ArticleStamp, NeighbouringDays, PublishedMonth } from './newsStore.js';

// What crawlers and archive pages need to reach every published story by links:
// who wrote, which tags exist, which months and days have stories.

export async function listBylines(db: Kysely<Database>): Promise<Byline[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['byline_kind', 'byline_value'])
    .where('status', '=', PUBLISHED)
    .distinct()
    .execute();
  return rows.map((row) => toByline(row.byline_kind, row.byline_value));
}

export async function listPublishedTags(db: Kysely<Database>): Promise<Tag[]> {
  return db
    .selectFrom('tags')
    .select(['tags.slug', 'tags.name'])
    .where('tags.id', 'in', (eb) =>
      eb
        .selectFrom('article_tags')
        .innerJoin('articles', 'articles.id', 'article_tags.article_id')
        .select('article_tags.tag_id')
        .where('articles.status', '=', PUBLISHED),
    )
    .orderBy('tags.slug')
    .execute();
}

/**
 * Grouped here rather than in SQL: a Karachi month from an epoch-millisecond
 * column is spelled differently by each engine, and two numbers per story is
 * little to read even for a long archive (the sitemap index is cached).
 */
export async function publishedMonths(db: Kysely<Database>): Promise<PublishedMonth[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['published_at', 'updated_at'])
    .where('status', '=', PUBLISHED)
    .execute();
  const newest = new Map<string, number>();
  for (const row of rows) {
    const month = karachiDateOf(Number(row.published_at)).slice(0, 7);
    const changed = Math.max(Number(row.published_at), Number(row.updated_at ?? 0));
    newest.set(month, Math.max(newest.get(month) ?? 0, changed));
  }
  return [...newest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, at]) => ({ month, lastModified: new Date(at) }));
}

export async function articleStamps(
  db: Kysely<Database>,
  range: { readonly from: Date; readonly before: Date; readonly limit: number },
): Promise<ArticleStamp[]> {
  assertCount('limit', range.limit);
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'headline', 'published_at', 'updated_at'])
    .where('status', '=', PUBLISHED)
    .where('published_at', '>=', range.from.getTime())
    .where('published_at', '<', range.before.getTime())
    .orderBy('published_at')
    .orderBy('id')
    .limit(range.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    publishedAt: new Date(Number(row.published_at)),
    modifiedAt: new Date(Math.max(Number(row.published_at), Number(row.updated_at ?? 0))),
  }));
}

export async function neighbouringDays(
  db: Kysely<Database>,
  day: { readonly startMs: number; readonly endMs: number },
): Promise<NeighbouringDays> {
  const published = db.selectFrom('articles').where('status', '=', PUBLISHED);
  const [before, after] = await Promise.all([
    published
      .select((eb) => eb.fn.max('published_at').as('at'))
      .where('published_at', '<', day.startMs)
      .executeTakeFirst(),
    published
      .select((eb) => eb.fn.min('published_at').as('at'))
      .where('published_at', '>=', day.endMs)
      .executeTakeFirst(),
  ]);
  const dayOf = (at: number | string | null | undefined): string | null =>
    at === null || at === undefined ? null : karachiDateOf(Number(at));
  return { previous: dayOf(before?.at), next: dayOf(after?.at) };
}
