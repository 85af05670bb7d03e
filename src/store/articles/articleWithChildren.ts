import { type CompiledQuery, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom as postgresJsonArray, jsonObjectFrom as postgresJsonObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray, jsonObjectFrom as sqliteJsonObject } from 'kysely/helpers/sqlite';
import { type Article, type Correction, MAX_ARTICLE_ID, type Tag } from '../../news/article.js';
import type { Comment } from '../../news/comment.js';
import { type StoryPicture, storyPicture } from '../../news/featuredImage.js';
import type { Database, StoreDialect } from '../database.js';
import { toAsset } from '../media/mediaLibrary.js';
import { ARTICLE_COLUMNS, toArticle, toComment } from './articleRows.js';
import { CORRECTION_COLUMNS, correctionOf } from './correctionRows.js';
import type { ArticleForReaders } from './newsStore.js';

const PUBLISHED = 'published' as const;

/** The comment columns a reader's page is read with (all of them: `toComment` maps every one). */
const COMMENT_COLUMNS = ['id', 'article_id', 'name', 'email', 'body', 'status', 'created_at', 'ip'] as const;
const MEDIA_COLUMNS = [
  'id',
  'format',
  'width',
  'height',
  'bytes',
  'alt',
  'caption',
  'credit',
  'widths_json',
  'created_at',
] as const;

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
  const row = await articleQuery(db, dialect, id, options).executeTakeFirst();
  return row === undefined ? null : articleOfRow(row);
}

/**
 * Published articles with everything their pages read from the store besides lists shared by every page: each
 * one's approved comments, oldest first, and its featured picture, as two more JSON columns of its row; by id, a
 * story not published being absent. One query for all the pages that asked together (batchedReads): on PostgreSQL
 * one round trip, where a page rendered from cold used to take three (article, comments, picture) and then one
 * of its own.
 */
export async function articlesForReaders(
  db: Kysely<Database>,
  dialect: StoreDialect,
  ids: readonly number[],
): Promise<ReadonlyMap<number, ArticleForReaders>> {
  // An id no story can have is left out rather than sent: on PostgreSQL one beyond the column's range would fail
  // the query, and with it every page read in the same batch.
  const storable = ids.filter(isStorableId);
  const found = new Map<number, ArticleForReaders>();
  const most = dialect === 'postgres' ? MOST_LISTED : storable.length;
  for (let start = 0; start < storable.length; start += most) {
    const { rows } = await db.executeQuery(readersStatement(db, dialect, storable.slice(start, start + most)));
    for (const row of rows) found.set(Number(row.id), readingOfRow(row));
  }
  return found;
}

/**
 * PostgreSQL: the list lengths the read is compiled for; a batch goes as the next one up, its last id repeated.
 * With the ids as one array (`id = any($1)`), PostgreSQL priced its kept plan for an array of unknown length
 * above a plan made for each list, so it planned every read again: ~0.5 ms of a backend a read, several times
 * what running it costs (bench/RESULTS.md, 2026-12-06). With one parameter an id, the kept plan costs what the
 * fresh ones do, and PostgreSQL runs it from a connection's sixth read of that length on.
 */
const LIST_LENGTHS: readonly number[] = [1, 2, 4, 8, 16, 32, 64];
const MOST_LISTED = LIST_LENGTHS[LIST_LENGTHS.length - 1] as number;

/** The statement `articlesForReaders` runs for these ids (all storable; on PostgreSQL at most MOST_LISTED). */
export function readersStatement(
  db: Kysely<Database>,
  dialect: StoreDialect,
  ids: readonly number[],
): CompiledQuery<ReadersRow> {
  if (dialect === 'sqlite') {
    // SQLite binds no lists: it reads them as a JSON array.
    const { query, slots } = compiledForReaders(db, dialect, 0);
    return withValues(query, slots, [JSON.stringify(ids)]);
  }
  const length = LIST_LENGTHS.find((listed) => listed >= ids.length);
  if (length === undefined || ids.length === 0) throw new RangeError(`a read of ${ids.length} stories`);
  const { query, slots } = compiledForReaders(db, dialect, length);
  const last = ids[ids.length - 1] as number;
  return withValues(
    query,
    slots,
    slots.map((_, at) => ids[at] ?? last),
  );
}

function withValues(
  query: CompiledQuery<ReadersRow>,
  slots: readonly number[],
  values: readonly unknown[],
): CompiledQuery<ReadersRow> {
  const parameters = [...query.parameters];
  slots.forEach((slot, at) => {
    parameters[slot] = values[at];
  });
  return { ...query, parameters };
}

const isStorableId = (id: number): boolean => Number.isInteger(id) && id > 0 && id <= MAX_ARTICLE_ID;

function readingOfRow(row: ReadersRow): ArticleForReaders {
  const { comments_json, picture_json, ...rest } = row;
  const comments: Comment[] = parsed<Parameters<typeof toComment>[0]>(comments_json).map(toComment);
  return { article: articleOfRow(rest), comments, picture: pictureOf(picture_json) };
}

type ReadersQuery = ReturnType<typeof readersQuery>;
type ReadersRow = Awaited<ReturnType<ReadersQuery['executeTakeFirstOrThrow']>>;

/** The read compiled once, with the places of its parameters the ids go to. */
interface CompiledRead {
  readonly query: CompiledQuery<ReadersRow>;
  /** PostgreSQL: one per id, in order; SQLite: one, for the whole list. */
  readonly slots: readonly number[];
}

/** By database, then by list length (PostgreSQL) or 0 (SQLite: any length). */
const compiledReads = new WeakMap<Kysely<Database>, Map<number, CompiledRead>>();

/** The list the SQLite read is compiled around, known by its identity and replaced by each real list. */
const IDS_PLACEHOLDER: readonly number[] = [];

/**
 * The article pages' read, built and compiled once per database (and list length): building Kysely's query tree
 * and compiling it again for each read cost about as much of the server's CPU as running it on SQLite, and made
 * garbage for the collector.
 */
function compiledForReaders(db: Kysely<Database>, dialect: StoreDialect, length: number): CompiledRead {
  let byLength = compiledReads.get(db);
  if (byLength === undefined) {
    byLength = new Map();
    compiledReads.set(db, byLength);
  }
  const known = byLength.get(length);
  if (known !== undefined) return known;
  // Stand-ins found again among the parameters: the SQLite list by its identity, PostgreSQL's ids as negative
  // numbers, which no story has and nothing else in the statement is.
  const standIns = dialect === 'postgres' ? Array.from({ length }, (_, at) => -(at + 1)) : IDS_PLACEHOLDER;
  const query = readersQuery(db, dialect, standIns).compile();
  const wanted: readonly unknown[] = dialect === 'postgres' ? standIns : [IDS_PLACEHOLDER];
  const slots = wanted.map((standIn) => {
    const found = query.parameters.flatMap((value, at) => (value === standIn ? [at] : []));
    if (found.length !== 1) throw new Error(`the article read must take each id once, not ${found.length} times`);
    return found[0] as number;
  });
  const compiled = { query, slots };
  byLength.set(length, compiled);
  return compiled;
}

function readersQuery(db: Kysely<Database>, dialect: StoreDialect, ids: readonly number[]) {
  const { jsonArrayFrom, jsonObjectFrom } = jsonHelpers(dialect);
  return articleQuery(db, dialect, ids, { publishedOnly: true }).select((eb) => [
    jsonArrayFrom(
      eb
        .selectFrom('comments')
        .select(COMMENT_COLUMNS.map((column) => `comments.${column}` as const))
        .whereRef('comments.article_id', '=', 'articles.id')
        .where('comments.status', '=', 'approved')
        .orderBy('comments.created_at', 'asc')
        .orderBy('comments.id', 'asc'),
    ).as('comments_json'),
    jsonObjectFrom(
      eb
        .selectFrom('article_featured_images')
        .innerJoin('media', 'media.id', 'article_featured_images.media_id')
        .select(MEDIA_COLUMNS.map((column) => `media.${column}` as const))
        .select([
          'article_featured_images.caption as featured_caption',
          'article_featured_images.credit as featured_credit',
          'article_featured_images.focus',
        ])
        .whereRef('article_featured_images.article_id', '=', 'articles.id'),
    ).as('picture_json'),
  ]);
}

/** The two helpers of each engine build the same JSON, each in its engine's words. */
function jsonHelpers(dialect: StoreDialect): {
  jsonArrayFrom: typeof sqliteJsonArray;
  jsonObjectFrom: typeof sqliteJsonObject;
} {
  return dialect === 'postgres'
    ? { jsonArrayFrom: postgresJsonArray, jsonObjectFrom: postgresJsonObject }
    : { jsonArrayFrom: sqliteJsonArray, jsonObjectFrom: sqliteJsonObject };
}

function articleQuery(
  db: Kysely<Database>,
  dialect: StoreDialect,
  id: number | readonly number[],
  options: { readonly publishedOnly: boolean },
) {
  const { jsonArrayFrom } = jsonHelpers(dialect);
  return db
    .selectFrom('articles')
    .innerJoin('sections', 'sections.slug', 'articles.section_slug')
    .select(ARTICLE_COLUMNS)
    .select(['sections.name as section_name', 'sections.position as section_position'])
    .select((eb: ExpressionBuilder<Database, 'articles' | 'sections'>) => [
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
    .where((eb) => {
      if (typeof id === 'number') return eb('articles.id', '=', id);
      return dialect === 'postgres'
        ? eb('articles.id', 'in', id)
        : sql<SqlBool>`${sql.ref('articles.id')} in (select value from json_each(${id}))`;
    })
    .$if(options.publishedOnly, (q) =>
      // SQLite's planner prefers the status index to a list of primary keys, and would walk every published story
      // for a few: `+` keeps the index out of the plan.
      typeof id !== 'number' && dialect === 'sqlite'
        ? q.where(sql<SqlBool>`+${sql.ref('articles.status')} = ${PUBLISHED}`)
        : q.where('articles.status', '=', PUBLISHED),
    );
}

type ArticleRow = NonNullable<Awaited<ReturnType<ReturnType<typeof articleQuery>['executeTakeFirst']>>>;

function articleOfRow(row: ArticleRow): Article {
  const { tags_json, corrections_json, section_name, section_position, ...article } = row;
  const tags = parsed<Tag>(tags_json);
  const corrections: Correction[] = parsed<Parameters<typeof correctionOf>[0]>(corrections_json).map(correctionOf);
  const section = { slug: row.section_slug, name: section_name, position: section_position };
  return toArticle(article, section, tags, corrections);
}

type PictureRow = Parameters<typeof toAsset>[0] & {
  readonly featured_caption: string | null;
  readonly featured_credit: string | null;
  readonly focus: StoryPicture['focus'];
};

function pictureOf(value: unknown): StoryPicture | null {
  const row = (typeof value === 'string' ? JSON.parse(value) : value) as PictureRow | null;
  if (row === null) return null;
  return storyPicture(
    { mediaId: row.id, caption: row.featured_caption, credit: row.featured_credit, focus: row.focus },
    toAsset(row),
  );
}

function parsed<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}
