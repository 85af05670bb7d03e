import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Article, ArticleSummary, Byline, Correction, Tag } from '../../news/article.js';
import type { Database } from '../database.js';
import { bylineColumns, SUMMARY_COLUMNS, toArticle, toSummary } from './articleRows.js';
import { CORRECTION_COLUMNS, correctionOf } from './correctionRows.js';
import type { ArticleQuery, Page } from './newsStore.js';

/** The one rule every reader query keeps: only published stories are on the site. */
export const PUBLISHED = 'published' as const;

/** One published article with its section, its tags in the order the newsroom gave them, and its corrections. */
export async function getArticle(db: Kysely<Database>, id: number): Promise<Article | null> {
  return getAnyArticle(db, id, { publishedOnly: true });
}

/**
 * One article whatever its status: the newsroom's preview reads drafts with
 * this. Reader code goes through `getArticle`.
 */
export async function getAnyArticle(
  db: Kysely<Database>,
  id: number,
  options: { readonly publishedOnly: boolean },
): Promise<Article | null> {
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .selectAll('articles')
    .select(['sections.name as section_name', 'sections.position as section_position'])
    .where('articles.id', '=', id)
    .$if(options.publishedOnly, (q) => q.where('articles.status', '=', PUBLISHED))
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
  return toArticle(row, section, tags, await correctionsOf(db, id));
}

/** Whether an article was killed: readers get 410 Gone for it rather than 404. */
export async function isWithdrawn(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'killed';
}

async function correctionsOf(db: Kysely<Database>, id: number): Promise<Correction[]> {
  const rows = await db
    .selectFrom('article_corrections')
    .select(CORRECTION_COLUMNS)
    .where('article_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(correctionOf);
}

/** Articles newest first, optionally of one section and/or tag: one page of them and the total. */
export async function listArticles(db: Kysely<Database>, query: ArticleQuery): Promise<Page<ArticleSummary>> {
  const matching = matchingArticles(db, query);
  const items = await latestOf(matching, query);
  const { total } = await matching.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
  return { items, total: Number(total) };
}

/**
 * The newest stories `query` asks for, without counting them all: what a page that shows a few and no
 * page numbers needs (the article page's Read more). The count reads every match, which on an archive
 * costs more than the rest of the page.
 */
export function latestArticles(db: Kysely<Database>, query: ArticleQuery): Promise<ArticleSummary[]> {
  return latestOf(matchingArticles(db, query), query);
}

function matchingArticles(db: Kysely<Database>, query: ArticleQuery) {
  assertCount('limit', query.limit);
  assertCount('offset', query.offset ?? 0);
  const { sectionSlug, tagSlug, excludeId, byline, publishedFrom, publishedBefore } = query;
  return db
    .selectFrom('articles')
    .where('articles.status', '=', PUBLISHED)
    .$if(sectionSlug !== undefined, (q) => q.where('articles.section_slug', '=', sectionSlug as string))
    .$if(byline !== undefined, (q) => {
      const columns = bylineColumns(byline as Byline);
      return q
        .where('articles.byline_kind', '=', columns.byline_kind)
        .where('articles.byline_value', '=', columns.byline_value);
    })
    .$if(publishedFrom !== undefined, (q) => q.where('articles.published_at', '>=', (publishedFrom as Date).getTime()))
    .$if(publishedBefore !== undefined, (q) =>
      q.where('articles.published_at', '<', (publishedBefore as Date).getTime()),
    )
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
}

async function latestOf(matching: ReturnType<typeof matchingArticles>, query: ArticleQuery): Promise<ArticleSummary[]> {
  const rows = await matching
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map(toSummary);
}

/**
 * Stories sharing tags with `article`, most shared tags first, then newest;
 * topped up with the newest stories of its section. Never `article` itself.
 */
/** How many of each tag's newest stories related stories are chosen from. */
const RELATED_PER_TAG = 100;

/**
 * The ids of each tag's newest stories, read from the tag index (tag, article id) backwards and stopped at
 * RELATED_PER_TAG per tag: the cost does not grow with the archive. The tag's id is a scalar subquery, not a
 * join: joined, PostgreSQL cannot tell the tag is one row, and walked the primary key (article id, tag)
 * backwards through every tag's rows, filtering (10–12k rows per tag at 100,000 stories, 11 ms a page).
 */
function newestTagged(slugs: readonly string[]): RawBuilder<number> {
  const perTag = slugs.map(
    (slug) => sql`select article_id from (select article_tags.article_id from article_tags
      where article_tags.tag_id = (select tags.id from tags where tags.slug = ${slug})
      order by article_tags.article_id desc limit ${RELATED_PER_TAG}) as newest`,
  );
  return sql<number>`(${sql.join(perTag, sql` union all `)})`;
}

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
    .where('status', '=', PUBLISHED)
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
    // Only the newest stories of each tag are weighed: a tag such as "Pakistan" is on thousands of stories, and
    // joining and counting them all made every article page cost more as the archive grew.
    .where('article_tags.article_id', 'in', newestTagged(slugs))
    .where('articles.id', '<>', article.id)
    .where('articles.status', '=', PUBLISHED)
    // Grouping by the primary key lets both engines return the other article columns.
    .groupBy('articles.id')
    .orderBy('shared_tags', 'desc')
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}
