import { type Kysely, type RawBuilder, sql } from 'kysely';
import { hasMatch, highlightedRuns, MATCH_END, MATCH_START } from '../../news/highlightedText.js';
import type { SearchTerms } from '../../news/searchQuery.js';
import type { Database } from '../database.js';
import { type SummaryRow, toSummary } from './articleRows.js';
import type { ArticleSearchStore } from './articleSearchQuery.js';
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
      // The page is chosen first; only its stories pay for ts_headline.
      const { rows } = await sql<HitRow>`with q as (select ${tsquery} as query)
        select page.*,
          ts_headline('simple', page.headline, q.query, ${HEADLINE_OPTIONS}) as marked_headline,
          ts_headline('simple', page.summary, q.query, ${HEADLINE_OPTIONS}) as marked_summary,
          ts_headline('simple', page.body, q.query, ${SNIPPET_OPTIONS}) as marked_body
        from q, (select ${SEARCH_SUMMARY_COLUMNS}, s.body, ts_rank_cd(s.document, q.query) as score
          from article_search s join articles a on a.id = s.article_id, q
          where s.document @@ q.query and ${filters}
          order by ${order} limit ${query.limit} offset ${query.offset ?? 0}) page
        order by ${order}`.execute(db);
      const { rows: counted } = await sql<{ total: string | number }>`select count(*) as total
        from article_search s join articles a on a.id = s.article_id
        where s.document @@ ${tsquery} and ${filters}`.execute(db);
      return {
        total: Number(counted[0]?.total ?? 0),
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
