import { type Kysely, type RawBuilder, sql } from 'kysely';
import { hasMatch, highlightedRuns, MATCH_END, MATCH_START } from '../../news/highlightedText.js';
import type { SearchTerms } from '../../news/searchQuery.js';
import type { Database } from '../database.js';
import { type SummaryRow, toSummary } from './articleRows.js';
import { type ArticleSearchStore, pageLimit, SEARCH_CANDIDATES } from './articleSearchQuery.js';
import { SEARCH_SUMMARY_COLUMNS, searchFilters } from './searchSql.js';

const MARKS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const HEADLINE_OPTIONS = `${MARKS}, HighlightAll=true`;
const SNIPPET_OPTIONS = `${MARKS}, MaxWords=32, MinWords=16, MaxFragments=2, FragmentDelimiter=" … "`;

type HitRow = SummaryRow & { marked_headline: string; marked_summary: string; marked_body: string };

/** Search on PostgreSQL's `article_search` table: a weighted tsvector with a GIN index. */
export function postgresArticleSearch(db: Kysely<Database>): ArticleSearchStore {
  return {
    async searchArticles(query) {
      const tsquery = postgresTsquery(query.terms);
      const filters = searchFilters(query);
      const order =
        query.sort === 'newest' ? sql`published_at desc, id desc` : sql`score desc, published_at desc, id desc`;
      const candidateOrder =
        query.sort === 'newest'
          ? sql`a.published_at desc, a.id desc`
          : sql`r.score desc, a.published_at desc, a.id desc`;
      // As on SQLite: the newest matches up to the cap are the candidates, and only they are ranked and sorted;
      // only the page's stories pay for ts_headline. The tsquery is written out where it is used, never taken
      // from a CTE: bound as a value, PostgreSQL folds it to a constant when planning, so its statistics tell a
      // common word (walk the primary key backwards, testing each story, and stop at the cap: 40 ms for
      // "Pakistan" in 100,000 stories) from a rare one (the GIN index). Hidden in a CTE it looks rare every
      // time, and a common word read and sorted all its 40,000 matches (2 s). ts_rank_cd runs on the
      // candidates only (`r`), not on every match before the sort.
      const { rows } = await sql<HitRow & { total: string | number }>`with c as (
          select s.article_id as id, s.document
          from article_search s join articles a on a.id = s.article_id
          where s.document @@ ${tsquery} and ${filters}
          order by s.article_id desc limit ${SEARCH_CANDIDATES + 1}),
        r as (select c.id, ts_rank_cd(c.document, ${tsquery}) as score from c)
        select page.*,
          ts_headline('simple', page.headline, ${tsquery}, ${HEADLINE_OPTIONS}) as marked_headline,
          ts_headline('simple', page.summary, ${tsquery}, ${HEADLINE_OPTIONS}) as marked_summary,
          ts_headline('simple', page.body, ${tsquery}, ${SNIPPET_OPTIONS}) as marked_body
        from (select ${SEARCH_SUMMARY_COLUMNS}, s.body, r.score, (select count(*) from c) as total
          from r join articles a on a.id = r.id join article_search s on s.article_id = r.id
          order by ${candidateOrder} limit ${pageLimit(query)} offset ${query.offset ?? 0}) page
        order by ${order}`.execute(db);
      const counted =
        rows.length > 0
          ? Number(rows[0]?.total)
          : Number(
              (
                await sql<{ total: string | number }>`select count(*) as total from (select 1
                  from article_search s join articles a on a.id = s.article_id
                  where s.document @@ ${tsquery} and ${filters} limit ${SEARCH_CANDIDATES + 1}) matches`.execute(db)
              ).rows[0]?.total ?? 0,
            );
      return {
        total: Math.min(counted, SEARCH_CANDIDATES),
        more: counted > SEARCH_CANDIDATES,
        items: rows.map((row) => {
          const body = highlightedRuns(row.marked_body);
          return {
            article: toSummary(row),
            headline: highlightedRuns(row.marked_headline),
            snippet: hasMatch(body) ? body : highlightedRuns(row.marked_summary),
          };
        }),
      };
    },
  };
}

/**
 * The terms as a tsquery built by PostgreSQL's own parsers, which take any
 * text without error: each phrase must appear as written, every word must appear.
 */
export function postgresTsquery(terms: SearchTerms): RawBuilder<unknown> {
  const parts = terms.phrases.map((phrase) => sql`phraseto_tsquery('simple', ${phrase})`);
  if (terms.words.length > 0) parts.push(sql`plainto_tsquery('simple', ${terms.words.join(' ')})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}
