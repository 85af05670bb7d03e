import { articleUrl, indexUrl, SEARCH_URL, stockUrl } from '../../http/siteUrls.js';
import type { Section } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import type { HighlightedText } from '../../news/highlightedText.js';
import { MAX_SEARCH_QUERY_LENGTH } from '../../news/searchQuery.js';
import type { ArticleSearchHit } from '../../store/articles/articleSearchQuery.js';
import { Layout, type PageChrome } from '../components/Layout.js';
import { StoryMeta } from '../components/StoryList.js';
import { StoryPictureView } from '../components/StoryPictureView.js';
import type { SearchEntry } from '../markets/symbolSearch.js';
import { type SearchRequest, searchUrl } from '../search/searchRequest.js';

export interface SearchResults {
  /** The terms as read, for the heading; '' when nothing searchable was typed. */
  readonly termsText: string;
  readonly hits: readonly ArticleSearchHit[];
  readonly total: number;
  /** More stories match than the `total` ranked (SEARCH_CANDIDATES). */
  readonly more: boolean;
  readonly pageCount: number;
  /** Featured pictures of the hits, by story id. */
  readonly pictures?: ReadonlyMap<number, StoryPicture>;
}

/** `/search`: instruments matching the words first, then the stories, with the filters that narrow them. */
export function SearchPage(props: {
  readonly chrome: PageChrome;
  readonly request: SearchRequest;
  readonly sections: readonly Section[];
  readonly instruments: readonly SearchEntry[];
  readonly results: SearchResults;
}) {
  const { request, results } = props;
  const prevPath = request.page > 1 ? searchUrl(request, { page: request.page - 1 }) : undefined;
  const nextPath = request.page < results.pageCount ? searchUrl(request, { page: request.page + 1 }) : undefined;
  return (
    <Layout
      chrome={props.chrome}
      currentPath={SEARCH_URL}
      head={{
        title: results.termsText === '' ? 'Search' : `Search: ${results.termsText}`,
        description: 'Search the stories of Broadsheet, and find a listed stock or index.',
        noIndex: true,
      }}
    >
      <h1>Search</h1>
      <SearchForm request={request} sections={props.sections} />
      {props.instruments.length > 0 ? (
        <section aria-labelledby="search-instruments" class="search-instruments">
          <h2 id="search-instruments">Stocks and indices</h2>
          <ul class="search-results">
            {props.instruments.map((entry) => (
              <li key={`${entry.kind}:${entry.code}`}>
                <a href={entry.kind === 'stock' ? stockUrl(entry.code) : indexUrl(entry.code)}>
                  <strong>{entry.code}</strong> {entry.name}
                </a>{' '}
                <span class="story-meta">{entry.kind === 'stock' ? 'Stock' : 'Index'}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results.termsText === '' ? (
        <p role="status">Type a word, a name or a phrase in quotes ("policy rate") to search every story.</p>
      ) : (
        <section aria-labelledby="search-stories">
          <h2 id="search-stories">
            {results.total === 0
              ? `No stories match ${results.termsText}`
              : `${results.more ? 'More than ' : ''}${results.total.toLocaleString('en-US')} ${results.total === 1 ? 'story' : 'stories'} for ${results.termsText}${results.more ? ': the newest are ranked; add a word or a filter to narrow them' : ''}`}
          </h2>
          {results.total === 0 ? <p>Try fewer words, another spelling, or fewer filters.</p> : null}
          {results.hits.length === 0 && results.total > 0 ? (
            <p>
              There are no more results. <a href={searchUrl(request, { page: 1 })}>Back to the first page</a>
            </p>
          ) : null}
          {results.hits.length === 0 ? null : (
            <ul class="story-list search-hits">
              {results.hits.map((hit) => {
                const picture = results.pictures?.get(hit.article.id);
                return (
                  <li key={hit.article.id} class={picture !== undefined ? 'story-list__item--pictured' : undefined}>
                    <div class="story-list__text">
                      <h3>
                        <a href={articleUrl(hit.article)}>
                          <Marked text={hit.headline} />
                        </a>
                      </h3>
                      <p>
                        <Marked text={hit.snippet} />
                      </p>
                      <StoryMeta story={hit.article} sections={props.sections} />
                    </div>
                    {picture !== undefined ? <StoryPictureView picture={picture} use="thumb" alt="" /> : null}
                  </li>
                );
              })}
            </ul>
          )}
          {prevPath !== undefined || nextPath !== undefined ? (
            <nav class="pagination" aria-label="Search results pages">
              {prevPath !== undefined ? <a href={prevPath}>← Previous results</a> : <span />}
              <span>
                Page {request.page} of {results.pageCount}
              </span>
              {nextPath !== undefined ? <a href={nextPath}>More results →</a> : <span />}
            </nav>
          ) : null}
        </section>
      )}
    </Layout>
  );
}

/** Matched words in <mark>; every run is text, so Preact escapes whatever a story holds. */
function Marked(props: { readonly text: HighlightedText }) {
  return <>{props.text.map((run, index) => (run.marked ? <mark key={index}>{run.text}</mark> : run.text))}</>;
}

function SearchForm(props: { readonly request: SearchRequest; readonly sections: readonly Section[] }) {
  const { request } = props;
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is newer than the browsers the site supports; a form with role=search is read the same.
    <form class="search-form" method="get" action={SEARCH_URL} role="search" aria-label="Search stories">
      <div class="form-field search-form__query">
        <label for="search-query">Words or "a phrase"</label>
        <input
          id="search-query"
          name="q"
          type="search"
          maxLength={MAX_SEARCH_QUERY_LENGTH}
          value={request.text}
          autoComplete="off"
        />
      </div>
      <div class="search-form__filters">
        <div class="form-field">
          <label for="search-section">Section</label>
          <select id="search-section" name="section">
            <option value="">All sections</option>
            {props.sections.map((section) => (
              <option key={section.slug} value={section.slug} selected={section.slug === request.sectionSlug}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-field">
          <label for="search-tag">Tag</label>
          <input id="search-tag" name="tag" type="text" maxLength={100} value={request.tagSlug ?? ''} />
        </div>
        <div class="form-field">
          <label for="search-byline">Author or agency</label>
          <input id="search-byline" name="byline" type="text" maxLength={100} value={request.byline ?? ''} />
        </div>
        <div class="form-field">
          <label for="search-from">From</label>
          <input id="search-from" name="from" type="date" value={request.fromDate ?? ''} />
        </div>
        <div class="form-field">
          <label for="search-to">To</label>
          <input id="search-to" name="to" type="date" value={request.toDate ?? ''} />
        </div>
        <div class="form-field">
          <label for="search-sort">Sort by</label>
          <select id="search-sort" name="sort">
            <option value="relevance" selected={request.sort === 'relevance'}>
              Relevance
            </option>
            <option value="newest" selected={request.sort === 'newest'}>
              Newest first
            </option>
          </select>
        </div>
      </div>
      <button class="button" type="submit">
        Search
      </button>
    </form>
  );
}
