import type { Kysely } from 'kysely';
import { jsonArrayFrom as postgresJsonArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray } from 'kysely/helpers/sqlite';
import type { Article, Correction, Tag } from '../../news/article.js';
import type { Database, StoreDialect } from '../database.js';
import { toArticle } from './articleRows.js';
import { CORRECTION_COLUMNS, correctionOf } from './correctionRows.js';

const PUBLISHED = 'published' as const;

/**
 * One article with its section, its tags in the order the newsroom gave them and its corrections, in one query:
 * tags and corrections come as JSON arrays of the row, not as two more queries (an article page rendered from
 * cold asked three questions for what is one answer). PostgreSQL's driver parses json; SQLite's returns text.
 */
export async function articleWithChildren(
  db: Kysely<Database>,
  dialect: StoreDialect,
  id: number,
  options: { readonly publishedOnly: boolean },
): Promise<Article | null> {
  // The two helpers build the same JSON array, each in its engine's words.
  const jsonArrayFrom: typeof sqliteJsonArray = dialect === 'postgres' ? postgresJsonArray : sqliteJsonArray;
  const row = await db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .selectAll('articles')
    .select(['sections.name as section_name', 'sections.position as section_position'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['tags.slug', 'tags.name'])
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .orderBy('article_tags.position'),
      ).as('tags_json'),
      jsonArrayFrom(
        eb
          .selectFrom('article_corrections')
          .select(CORRECTION_COLUMNS.map((column) => `article_corrections.${column}` as const))
          .whereRef('article_corrections.article_id', '=', 'articles.id')
          .orderBy('article_corrections.at')
          .orderBy('article_corrections.id'),
      ).as('corrections_json'),
    ])
    .where('articles.id', '=', id)
    .$if(options.publishedOnly, (q) => q.where('articles.status', '=', PUBLISHED))
    .executeTakeFirst();
  if (row === undefined) return null;
  const { tags_json, corrections_json, ...article } = row;
  const tags = parsed<Tag>(tags_json);
  const corrections: Correction[] = parsed<Parameters<typeof correctionOf>[0]>(corrections_json).map(correctionOf);
  const section = { slug: row.section_slug, name: row.section_name, position: row.section_position };
  return toArticle(article, section, tags, corrections);
}

function parsed<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
