import { indexUrl, MARKET_SEARCH_URL, MARKETS_URL, stockUrl } from '../../http/siteUrls.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { SymbolSearchForm } from '../components/SymbolSearchForm.js';
import type { SearchEntry } from '../markets/symbolSearch.js';

/** Results of the stock and index finder, for a query that named no symbol exactly. */
export function SymbolSearchPage(props: {
  readonly chrome: PageChrome;
  readonly query: string;
  readonly results: readonly SearchEntry[];
}) {
  const { query, results } = props;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={MARKET_SEARCH_URL}
      head={{
        title: query === '' ? 'Find a stock or index' : `Stocks and indices matching “${query}”`,
        description: 'Find a Pakistan Stock Exchange listed company or index by symbol or name.',
        noIndex: true,
      }}
    >
      <p class="breadcrumb">
        <a href={MARKETS_URL}>Markets</a>
      </p>
      <h1>Find a stock or index</h1>
      <SymbolSearchForm id="search-page-query" query={query} label="Search again" />
      {query === '' ? (
        <p>Type a symbol such as OGDC, or the start of a company's name.</p>
      ) : results.length === 0 ? (
        <p role="status">Nothing listed matches “{query}”. Try a symbol, or the first letters of a company's name.</p>
      ) : (
        <section aria-labelledby="search-results">
          <h2 id="search-results">
            {results.length} {results.length === 1 ? 'match' : 'matches'} for “{query}”
          </h2>
          <ul class="search-results">
            {results.map((entry) => (
              <li key={`${entry.kind}:${entry.code}`}>
                <a href={entry.kind === 'stock' ? stockUrl(entry.code) : indexUrl(entry.code)}>
                  <strong>{entry.code}</strong> {entry.name}
                </a>{' '}
                <span class="story-meta">{entry.kind === 'stock' ? 'Stock' : 'Index'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
