import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type HighlightedText, hasMatch, highlightedRuns, MATCH_END, MATCH_START } from '../../news/highlightedText.js';
import type { SearchTerms } from '../../news/searchQuery.js';
import type { Database } from '../database.js';
import { type SummaryRow, toSummary } from './articleRows.js';
import {
  type ArticleSearchQuery,
  type ArticleSearchStore,
  pageLimit,
  SEARCH_CANDIDATES,
} from './articleSearchQuery.js';
import { SEARCH_SUMMARY_COLUMNS, searchFilters } from './searchSql.js';

// Words of a passage around the matches, as FTS5's snippet() counts them.
const SNIPPET_TOKENS = 32;

/** Search on SQLite's FTS5 table `article_search`, whose rowid is the article id. */
export function sqliteArticleSearch(db: Kysely<Database>): ArticleSearchStore {
  return {
    async searchArticles(query) {
      const expression = fts5Expression(query.terms);
      const matches = matchingStories(expression, query);
      const order =
        query.sort === 'newest' ? sql`a.published_at desc, a.id desc` : sql`c.score, a.published_at desc, a.id desc`;
      // The index is read newest first (FTS5 walks its doclists by rowid, the article id, and stops at the
      // limit) and only those candidates are scored, joined and sorted: a word in half the archive costs
      // what a rare one does. `cross join` keeps the index as the outer loop, so a filter never makes
      // SQLite walk a section and test every story against the index.
      const { rows } = await sql<SummaryRow & { total: number }>`with c as (
          select s.rowid as id, s.rank as score ${matches}
          order by s.rowid desc limit ${SEARCH_CANDIDATES + 1})
        select ${SEARCH_SUMMARY_COLUMNS}, (select count(*) from c) as total
        from c join articles a on a.id = c.id
        order by ${order} limit ${pageLimit(query)} offset ${query.offset ?? 0}`.execute(db);
      const counted = rows.length > 0 ? Number(rows[0]?.total) : await candidateCount(db, matches);
      const marks = await highlights(
        db,
        expression,
        rows.map((row) => row.id),
      );
      return {
        total: Math.min(counted, SEARCH_CANDIDATES),
        more: counted > SEARCH_CANDIDATES,
        items: rows.map((row) => {
          const marked = marks.get(row.id);
          const article = toSummary(row);
          return {
            article,
            headline: marked?.headline ?? [{ text: article.headline, marked: false }],
            snippet: marked?.snippet ?? [{ text: article.summary, marked: false }],
          };
        }),
      };
    },
  };
}

/**
 * A date range as bounds on the index's rowid (the article id): the least and
 * greatest id published in the range. Every story in the range lies between
 * them whatever order ids were given in, so the bounds only skip, and FTS5
 * seeks straight to them instead of walking every newer match.
 */
function rowidBounds(query: ArticleSearchQuery): RawBuilder<unknown> {
  if (query.from === undefined && query.until === undefined) return sql`1 = 1`;
  const range = sql.join(
    [
      ...(query.from !== undefined ? [sql`published_at >= ${query.from.getTime()}`] : []),
      ...(query.until !== undefined ? [sql`published_at < ${query.until.getTime()}`] : []),
    ],
    sql` and `,
  );
  return sql`s.rowid >= (select min(id) from articles where ${range})
    and s.rowid <= (select max(id) from articles where ${range})`;
}

/**
 * The `from … where` of the stories matching the query, the index joined to
 * `articles` as `s` and `a`; one clause for the page and its count.
 */
function matchingStories(expression: string, query: ArticleSearchQuery): RawBuilder<unknown> {
  return sql`from article_search s cross join articles a
    where s.rowid = a.id and article_search match ${expression}
      and ${searchFilters(query)} and ${rowidBounds(query)}`;
}

/** The matches on a page past the last one: how many there are, up to the cap, for "no more results". */
async function candidateCount(db: Kysely<Database>, matches: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ total: number }>`select count(*) as total from (select 1 ${matches}
      limit ${SEARCH_CANDIDATES + 1})`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

/**
 * The terms as an FTS5 query in which every term is a quoted string, so no
 * reader's text is ever read as FTS5 syntax. Every term is required; when
 * there are several words, stories holding them side by side also match the
 * words as one phrase, which bm25 scores on top (a phrase beats scattered words).
 */
export function fts5Expression(terms: SearchTerms): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const required = [...terms.phrases, ...terms.words].map(quote).join(' AND ');
  if (terms.words.length < 2) return required;
  const together = [...terms.phrases.map(quote), quote(terms.words.join(' '))].join(' AND ');
  return `(${required}) OR (${together})`;
}

interface Marks {
  readonly headline: HighlightedText;
  readonly snippet: HighlightedText;
}

/** Marked headline and passage of the page's stories only: FTS5 builds them from its own copy of the text. */
async function highlights(
  db: Kysely<Database>,
  expression: string,
  ids: readonly number[],
): Promise<Map<number, Marks>> {
  const marks = new Map<number, Marks>();
  if (ids.length === 0) return marks;
  const { rows } = await sql<{ id: number; headline: string; summary: string; body: string }>`select
      article_search.rowid as id,
      highlight(article_search, 0, ${MATCH_START}, ${MATCH_END}) as headline,
      highlight(article_search, 1, ${MATCH_START}, ${MATCH_END}) as summary,
      snippet(article_search, 2, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_TOKENS}) as body
    from article_search
    where article_search match ${expression} and article_search.rowid in (${sql.join(ids)})`.execute(db);
  for (const row of rows) {
    const body = highlightedRuns(row.body);
    marks.set(Number(row.id), {
      headline: highlightedRuns(row.headline),
      snippet: hasMatch(body) ? body : highlightedRuns(row.summary),
    });
  }
  return marks;
}
