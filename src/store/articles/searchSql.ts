import { type RawBuilder, sql } from 'kysely';
import type { ArticleSearchQuery } from './articleSearchQuery.js';

/** The filters every search applies besides the text, on `articles` aliased as `a`. */
export function searchFilters(query: ArticleSearchQuery): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`a.status = 'published'`];
  if (query.sectionSlug !== undefined) conditions.push(sql`a.section_slug = ${query.sectionSlug}`);
  if (query.byline !== undefined) conditions.push(sql`lower(a.byline_value) = ${query.byline.toLowerCase()}`);
  if (query.from !== undefined) conditions.push(sql`a.published_at >= ${query.from.getTime()}`);
  if (query.until !== undefined) conditions.push(sql`a.published_at < ${query.until.getTime()}`);
  if (query.tagSlug !== undefined) {
    conditions.push(sql`a.id in (select article_tags.article_id from article_tags
      join tags on tags.id = article_tags.tag_id where tags.slug = ${query.tagSlug})`);
  }
  return sql.join(conditions, sql` and `);
}

export const SEARCH_SUMMARY_COLUMNS = sql`a.id, a.slug, a.headline, a.summary, a.section_slug, a.byline_kind,
  a.byline_value, a.published_at, a.print_page`;
