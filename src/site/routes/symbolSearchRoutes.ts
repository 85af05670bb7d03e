import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { indexUrl, MARKET_SEARCH_URL, stockUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { formatRupees } from '../../market/money/money.js';
import { renderDocument } from '../components/renderDocument.js';
import { hundredthsText } from '../markets/marketFigures.js';
import { searchEntriesOf } from '../markets/searchEntries.js';
import { exactMatch, MAX_QUERY_LENGTH, type SearchEntry, searchEntries } from '../markets/symbolSearch.js';
import { SymbolSearchPage } from '../pages/SymbolSearchPage.js';
import type { SiteContext } from '../siteContext.js';
import { sendHtml } from './pageResponses.js';

const PAGE_RESULTS = 50;
const SUGGESTIONS = 8;

const SymbolsResponse = Type.Object({
  query: Type.String(),
  results: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('stock'), Type.Literal('index')]),
      code: Type.String(),
      name: Type.String(),
      url: Type.String(),
      /** Last price (Rs) of a stock or value (points) of an index, as an exact decimal string. */
      last: Type.String(),
    }),
  ),
});

/** The finder: `/markets/search?q=` (no script needed) and the suggestions API its island asks. */
export function registerSymbolSearchRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get(
    MARKET_SEARCH_URL,
    { schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: MAX_QUERY_LENGTH })) }) } },
    async (request, reply) => {
      const query = (request.query.q ?? '').trim();
      const chrome = await site.chrome();
      const entries = searchEntriesOf(chrome.snapshot);
      const exact = query === '' ? undefined : exactMatch(entries, query);
      if (exact !== undefined) return reply.redirect(urlOf(exact), 302);
      const results = searchEntries(entries, query, PAGE_RESULTS);
      // One reader's query: rendered for this request, never cached by key (junk queries could flood the cache).
      return sendHtml(reply, 200, renderDocument(h(SymbolSearchPage, { chrome, query, results })));
    },
  );

  app.get(
    '/api/v1/market/symbols',
    {
      schema: {
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: MAX_QUERY_LENGTH }) }),
        response: { 200: SymbolsResponse },
      },
    },
    async (request, reply) => {
      const snapshot = site.deps.market.snapshot();
      const results = searchEntries(searchEntriesOf(snapshot), request.query.q, SUGGESTIONS).map((entry) => ({
        ...entry,
        url: urlOf(entry),
        last: lastOf(snapshot, entry),
      }));
      reply.header('cache-control', 'public, max-age=5');
      return { query: request.query.q, results };
    },
  );
}

function urlOf(entry: SearchEntry): string {
  return entry.kind === 'stock' ? stockUrl(entry.code) : indexUrl(entry.code);
}

function lastOf(snapshot: MarketSnapshot, entry: SearchEntry): string {
  if (entry.kind === 'stock') {
    const quote = snapshot.quotes.find((candidate) => candidate.symbol === entry.code);
    return quote === undefined ? '' : formatRupees(quote.last);
  }
  const index = snapshot.indices.find((candidate) => candidate.code === entry.code);
  return index === undefined ? '' : hundredthsText(index.value, false);
}
