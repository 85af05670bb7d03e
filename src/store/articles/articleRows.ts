import type { Selectable } from 'kysely';
import type { Agency, Article, ArticleSummary, Block, Byline, Correction, Section, Tag } from '../../news/article.js';
import type { Comment } from '../../news/comment.js';
import type { ArticlesTable, CommentsTable, SectionsTable } from '../database.js';

/** Columns a headline list needs; lists never read bodies. */
export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.headline',
  'articles.summary',
  'articles.section_slug',
  'articles.byline_kind',
  'articles.byline_value',
  'articles.published_at',
  'articles.print_page',
] as const;

export type SummaryRow = Pick<
  Selectable<ArticlesTable>,
  | 'id'
  | 'slug'
  | 'headline'
  | 'summary'
  | 'section_slug'
  | 'byline_kind'
  | 'byline_value'
  | 'published_at'
  | 'print_page'
>;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    summary: row.summary,
    sectionSlug: row.section_slug,
    byline: toByline(row.byline_kind, row.byline_value),
    publishedAt: new Date(Number(row.published_at)),
    printPage: row.print_page,
  };
}

/**
 * Columns a story (`toArticle`) is made of: the summary's and the body's. The newsroom's own columns (owner,
 * workflow, embargo, send-back note) stay out of a reader's read, which returned them unread.
 */
export const ARTICLE_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'articles.more_bylines_json',
  'articles.dateline',
  'articles.body_json',
  'articles.updated_at',
  'articles.seo_title',
  'articles.seo_description',
] as const;

export type ArticleColumnsRow = SummaryRow &
  Pick<
    Selectable<ArticlesTable>,
    'more_bylines_json' | 'dateline' | 'body_json' | 'updated_at' | 'seo_title' | 'seo_description'
  >;

export function toArticle(
  row: ArticleColumnsRow,
  section: Section,
  tags: readonly Tag[],
  corrections: readonly Correction[],
): Article {
  return {
    ...toSummary(row),
    section,
    tags,
    ...moreBylinesOf(row.more_bylines_json),
    dateline: row.dateline,
    // Written only by this store from a validated draft, so it is trusted as is.
    body: JSON.parse(row.body_json) as Block[],
    updatedAt: row.updated_at === null ? null : new Date(Number(row.updated_at)),
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    corrections,
  };
}

export function toSection(row: Selectable<SectionsTable>): Section {
  return { slug: row.slug, name: row.name, position: row.position };
}

export function toComment(row: Selectable<CommentsTable>): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    name: row.name,
    email: row.email,
    body: row.body,
    status: row.status,
    createdAt: new Date(Number(row.created_at)),
    ip: row.ip,
  };
}

/** The two byline columns of an article row. */
export function bylineColumns(byline: Byline): Pick<ArticlesTable, 'byline_kind' | 'byline_value'> {
  switch (byline.kind) {
    case 'agency':
      return { byline_kind: 'agency', byline_value: byline.agency };
    case 'staff':
      return { byline_kind: 'staff', byline_value: byline.name };
  }
}

/** The `more_bylines_json` column (migration 0014) for bylines after the first; null for one byline. */
export function moreBylinesColumn(moreBylines: readonly Byline[] | undefined): string | null {
  if (moreBylines === undefined || moreBylines.length === 0) return null;
  return JSON.stringify(moreBylines.map(bylineColumns));
}

/** The bylines after the first, as an optional field: absent for a story with one byline. */
export function moreBylinesOf(json: string | null): { readonly moreBylines?: readonly Byline[] } {
  if (json === null) return {};
  // Written only by moreBylinesColumn; each entry is re-checked as a stored byline is.
  const entries = JSON.parse(json) as Pick<ArticlesTable, 'byline_kind' | 'byline_value'>[];
  return entries.length === 0 ? {} : { moreBylines: entries.map((e) => toByline(e.byline_kind, e.byline_value)) };
}

const AGENCIES: ReadonlySet<string> = new Set<Agency>(['AFP', 'Reuters', 'APP']);

export function toByline(kind: ArticlesTable['byline_kind'], value: string): Byline {
  switch (kind) {
    case 'agency':
      if (!AGENCIES.has(value)) throw new Error(`Stored agency byline "${value}" is not a known agency`);
      return { kind: 'agency', agency: value as Agency };
    case 'staff':
      return { kind: 'staff', name: value };
  }
}
