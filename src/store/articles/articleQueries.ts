import type { Kysely } from 'kysely';
import type { Article, ArticleSummary, Byline } from '../../news/article.js';
import { type PoolRanker, rankFromTagPools } from '../../news/relatedPools.js';
import type { Database, StoreDialect } from '../database.js';
import { bylineColumns, SUMMARY_COLUMNS, toSummary } from './articleRows.js';
import { articleWithChildren } from './articleWithChildren.js';
import type { ArticleQuery, Page } from './newsStore.js';

/** The one rule every reader query keeps: only published stories are on the site. */
export const PUBLISHED = 'published' as const;

/** One published article with its section, its tags in the order the newsroom gave them, and its corrections. */
export function getArticle(db: Kysely<Database>, dialect: StoreDialect, id: number): Promise<Article | null> {
  return articleWithChildren(db, dialect, id, { publishedOnly: true });
}

/**
 * One article whatever its status: the newsroom's preview reads drafts with
 * this. Reader code goes through `getArticle`.
 */
export function getAnyArticle(
  db: Kysely<Database>,
  dialect: StoreDialect,
  id: number,
  options: { readonly publishedOnly: boolean },
): Promise<Article | null> {
  return articleWithChildren(db, dialect, id, options);
}

/** Whether an article was killed: readers get 410 Gone for it rather than 404. */
export async function isWithdrawn(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status === 'killed';
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

/** How many of each tag's newest stories related stories are chosen from. */
export const RELATED_PER_TAG = 100;

/** Reads one tag's pool of candidates: the store's own query, or a copy the site keeps (see relatedStories.ts). */
export type TagPoolLoader = (slug: string) => Promise<readonly ArticleSummary[]>;

/**
 * A tag's newest published stories (RELATED_PER_TAG of them, by id), read from the tag index (tag, article id)
 * backwards: the cost does not grow with the archive, and every story carrying the tag shares the same pool, so
 * the site can keep it. The tag's id is a scalar subquery, not a join: joined, PostgreSQL cannot tell the tag
 * is one row, and walked the primary key (article id, tag) backwards through every tag's rows, filtering
 * (10–12k rows per tag at 100,000 stories, 11 ms a page).
 */
export async function newestTagged(db: Kysely<Database>, slug: string, limit: number): Promise<ArticleSummary[]> {
  assertCount('limit', limit);
  const rows = await db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select(SUMMARY_COLUMNS)
    .where('article_tags.tag_id', '=', (eb) => eb.selectFrom('tags').select('tags.id').where('tags.slug', '=', slug))
    .where('articles.status', '=', PUBLISHED)
    .orderBy('article_tags.article_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

/**
 * Stories sharing tags with `article`, most shared tags first, then newest, weighed among each tag's newest
 * stories only (a tag such as "Pakistan" is on thousands); topped up with the newest stories of its section.
 * Never `article` itself.
 */
export async function relatedArticles(
  db: Kysely<Database>,
  article: Article,
  limit: number,
  pool: TagPoolLoader = (slug) => newestTagged(db, slug, RELATED_PER_TAG),
  rank: PoolRanker = rankFromTagPools,
): Promise<ArticleSummary[]> {
  assertCount('limit', limit);
  if (limit === 0) return [];
  const pools = await Promise.all(article.tags.map((tag) => pool(tag.slug)));
  const related = rank(article.id, pools, limit);
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

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}
