import type { Kysely } from 'kysely';
import type { Article, ArticleSummary, Tag } from '../news/article.js';
import { SUMMARY_COLUMNS, toArticle, toSummary } from './articleRows.js';
import type { Database } from './database.js';
import type { ArticleQuery, Page } from './newsStore.js';

/** One article with its section and its tags in the order the newsroom gave them. */
export async function getArticle(db: Kysely<Database>, id: number): Promise<Article | null> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .selectAll('articles')
    .select(['sections.name as section_name', 'sections.position as section_position'])
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  const tags: Tag[] = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', id)
    .orderBy('article_tags.position')
    .execute();
  const section = { slug: row.section_slug, name: row.section_name, position: row.section_position };
  return toArticle(row, section, tags);
}

/** Articles newest first, optionally of one section and/or tag: one page of them and the total. */
export async function listArticles(db: Kysely<Database>, query: ArticleQuery): Promise<Page<ArticleSummary>> {
  assertCount('limit', query.limit);
  const offset = query.offset ?? 0;
  assertCount('offset', offset);
  const { sectionSlug, tagSlug, excludeId } = query;
  const matching = db
    .selectFrom('articles')
    .$if(sectionSlug !== undefined, (q) => q.where('articles.section_slug', '=', sectionSlug as string))
    .$if(excludeId !== undefined, (q) => q.where('articles.id', '<>', excludeId as number))
    .$if(tagSlug !== undefined, (q) =>
      q.where('articles.id', 'in', (eb) =>
        eb
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select('article_tags.article_id')
          .where('tags.slug', '=', tagSlug as string),
      ),
    );
  const rows = await matching
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(query.limit)
    .offset(offset)
    .execute();
  const { total } = await matching.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
  return { items: rows.map(toSummary), total: Number(total) };
}

/**
 * Stories sharing tags with `article`, most shared tags first, then newest;
 * topped up with the newest stories of its section. Never `article` itself.
 */
export async function relatedArticles(
  db: Kysely<Database>,
  article: Article,
  limit: number,
): Promise<ArticleSummary[]> {
  assertCount('limit', limit);
  const related = await articlesSharingTags(db, article, limit);
  if (related.length >= limit) return related;
  const fill = await db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('section_slug', '=', article.sectionSlug)
    .where('id', 'not in', [article.id, ...related.map((summary) => summary.id)])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit - related.length)
    .execute();
  return [...related, ...fill.map(toSummary)];
}

async function articlesSharingTags(db: Kysely<Database>, article: Article, limit: number): Promise<ArticleSummary[]> {
  const slugs = article.tags.map((tag) => tag.slug);
  if (slugs.length === 0 || limit === 0) return [];
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.fn.countAll().as('shared_tags'))
    .where('tags.slug', 'in', slugs)
    .where('articles.id', '<>', article.id)
    // Grouping by the primary key lets both engines return the other article columns.
    .groupBy('articles.id')
    .orderBy('shared_tags', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}
