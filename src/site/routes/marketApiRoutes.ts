import { type TSchema, Type } from '@sinclair/typebox';
import { sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { publishedTickerItems } from '../components/tickerItems.js';
import type { SiteContext } from '../siteContext.js';
import { parseStreamFilter } from '../stream/streamFilter.js';
import {
  FxResponse,
  IndicesResponse,
  indexPayload,
  marketPayloads,
  QuotesResponse,
  TickerResponse,
} from './marketApiPayloads.js';
import { publishedOfficials } from './publishedIndexFigures.js';

// Clients poll every ~2 s; a second of shared caching absorbs bursts without making prices look stuck.
const CACHE_CONTROL = 'public, max-age=1';

type Payloads = ReturnType<typeof marketPayloads>;

// `?symbols=OGDC,HUBC` on quotes, `?codes=KSE100` on indices; the bound only stops absurd URLs.
const NameFilterQuery = Type.Object({
  symbols: Type.Optional(Type.String({ maxLength: 4000 })),
  codes: Type.Optional(Type.String({ maxLength: 1000 })),
});

/** The quotes or indices payload with only the entries the filter keeps (keys as the stream uses them). */
function filterPayload(payloads: Payloads, key: keyof Payloads, keep: (entryKey: string) => boolean) {
  if (key === 'quotes') {
    return { ...payloads.quotes, quotes: payloads.quotes.quotes.filter((quote) => keep(`s:${quote.symbol}`)) };
  }
  if (key === 'indices') {
    return { ...payloads.indices, indices: payloads.indices.indices.filter((index) => keep(`i:${index.code}`)) };
  }
  return payloads[key];
}

export function registerMarketApiRoutes(app: TypeBoxApp, site: SiteContext): void {
  // Built once per snapshot version, however many clients poll.
  let memo: { version: number; payloads: Payloads } | null = null;
  const current = (): { snapshot: MarketSnapshot; payloads: Payloads } => {
    const snapshot = site.deps.market.snapshot();
    if (memo === null || memo.version !== snapshot.version) {
      memo = { version: snapshot.version, payloads: marketPayloads(snapshot) };
    }
    return { snapshot, payloads: memo.payloads };
  };

  const publishedIndices = () => publishedOfficials(site.deps);

  const route = <K extends keyof Payloads>(path: string, key: K, schema: TSchema) => {
    app.get(
      path,
      { schema: { querystring: NameFilterQuery, response: { 200: schema, 304: Type.Null() } } },
      async (request, reply) => {
        const { snapshot, payloads } = current();
        const names = key === 'quotes' ? request.query.symbols : key === 'indices' ? request.query.codes : undefined;
        // Indices the exchange publishes and the site does not compute follow the live ones, marked official.
        const published = key === 'indices' || key === 'ticker' ? await publishedIndices() : [];
        const payloadsNow: Payloads =
          published.length === 0
            ? payloads
            : {
                ...payloads,
                indices: {
                  ...payloads.indices,
                  indices: [
                    ...payloads.indices.indices,
                    ...published.map(({ view, date }) => indexPayload(view, { date })),
                  ],
                },
                ticker: {
                  ...payloads.ticker,
                  items: [...payloads.ticker.items, ...publishedTickerItems(snapshot, published)],
                },
              };
        let body: Payloads[keyof Payloads] = payloadsNow[key];
        if (names !== undefined) {
          const field = key === 'quotes' ? 'symbols' : 'indices';
          const parsed = parseStreamFilter(
            { [field]: names, [field === 'symbols' ? 'indices' : 'symbols']: '' },
            { ...snapshot, indices: [...snapshot.indices, ...published.map((entry) => entry.view)] },
          );
          if (!parsed.ok) {
            const unknown = parsed.unknown.map((entry) => entry.name);
            return sendApiError(
              reply,
              400,
              `Unknown ${key === 'quotes' ? 'symbol' : 'index code'}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
              unknown.map((name) => ({
                field: key === 'quotes' ? 'symbols' : 'codes',
                message: `${name} is not listed`,
              })),
            );
          }
          body = filterPayload(payloadsNow, key, (entryKey) => parsed.filter.includes(entryKey));
        }
        // An imported official close changes the answer without a market change.
        const etag = `"m${snapshot.version}${published.map((entry) => `-${entry.view.code}.${entry.date}`).join('')}"`;
        reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
        const ifNoneMatch = request.headers['if-none-match'];
        if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
          return reply.code(304).send(null);
        }
        return reply.send(body);
      },
    );
  };

  route('/api/v1/market/quotes', 'quotes', QuotesResponse);
  route('/api/v1/market/indices', 'indices', IndicesResponse);
  route('/api/v1/market/fx', 'fx', FxResponse);
  route('/api/v1/market/ticker', 'ticker', TickerResponse);
}
