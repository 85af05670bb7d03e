import { h } from 'preact';
import { SEARCH_URL } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isEmptySearch, parseSearchQuery, searchTermsText } from '../../news/searchQuery.js';
import { renderDocument } from '../components/renderDocument.js';
import { searchEntriesOf } from '../markets/searchEntries.js';
import { MAX_QUERY_LENGTH, searchEntries } from '../markets/symbolSearch.js';
import { SearchPage } from '../pages/SearchPage.js';
import { publishedRange, readSearchRequest } from '../search/searchRequest.js';
import type { SiteContext } from '../siteContext.js';
import { picturesFor } from './frontPageData.js';
import { sendErrorPage, sendHtml } from './pageResponses.js';

const RESULTS_PER_PAGE = 20;
const INSTRUMENT_SUGGESTIONS = 5;

/** `/search?q=`: stories from the full-text index, with the instruments whose symbol or name matches above them. */
export function registerSearchRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get(SEARCH_URL, async (request, reply) => {
    const reading = readSearchRequest(request.query as Readonly<Record<string, unknown>>);
    if (!reading.ok)
      return sendErrorPage(site, reply, 400, 'Bad search', `We could not read this search: ${reading.error}.`);
    const searchRequest = reading.value;
    const terms = parseSearchQuery(searchRequest.text);
    const chrome = await site.chrome();
    const typed = searchRequest.text.trim();
    const instruments =
      searchRequest.page === 1 && typed !== '' && typed.length <= MAX_QUERY_LENGTH
        ? searchEntries(searchEntriesOf(chrome.snapshot), typed, INSTRUMENT_SUGGESTIONS)
        : [];
    const found = isEmptySearch(terms)
      ? { items: [], total: 0, more: false }
      : await site.deps.store.searchArticles({
          terms,
          sort: searchRequest.sort,
          limit: RESULTS_PER_PAGE,
          offset: (searchRequest.page - 1) * RESULTS_PER_PAGE,
          ...publishedRange(searchRequest),
          ...(searchRequest.sectionSlug !== undefined ? { sectionSlug: searchRequest.sectionSlug } : {}),
          ...(searchRequest.tagSlug !== undefined ? { tagSlug: searchRequest.tagSlug } : {}),
          ...(searchRequest.byline !== undefined ? { byline: searchRequest.byline } : {}),
        });
    const html = renderDocument(
      h(SearchPage, {
        chrome,
        request: searchRequest,
        sections: chrome.sections,
        instruments,
        results: {
          termsText: searchTermsText(terms),
          hits: found.items,
          total: found.total,
          more: found.more,
          pageCount: Math.max(1, Math.ceil(found.total / RESULTS_PER_PAGE)),
          pictures: await picturesFor(
            site,
            found.items.map((hit) => hit.article),
          ),
        },
      }),
    );
    // One reader's query: rendered for this request, never cached by key (junk queries could flood the cache).
    return sendHtml(reply, 200, html);
  });
}
