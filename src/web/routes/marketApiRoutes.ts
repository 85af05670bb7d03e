import { type TSchema, Type } from '@sinclair/typebox';
import type { MarketSnapshot } from '../../market/marketSnapshot.js';
import type { TypeBoxApp } from '../http/typeboxApp.js';
import type { SiteContext } from '../siteContext.js';
import { FxResponse, IndicesResponse, marketPayloads, QuotesResponse, TickerResponse } from './marketApiPayloads.js';

// Clients poll every ~2 s; a second of shared caching absorbs bursts without making prices look stuck.
const CACHE_CONTROL = 'public, max-age=1';

type Payloads = ReturnType<typeof marketPayloads>;

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

  const route = <K extends keyof Payloads>(path: string, key: K, schema: TSchema) => {
    app.get(path, { schema: { response: { 200: schema, 304: Type.Null() } } }, async (request, reply) => {
      const { snapshot, payloads } = current();
      const etag = `"m${snapshot.version}"`;
      reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return reply.code(304).send(null);
      }
      return reply.send(payloads[key]);
    });
  };

  route('/api/v1/market/quotes', 'quotes', QuotesResponse);
  route('/api/v1/market/indices', 'indices', IndicesResponse);
  route('/api/v1/market/fx', 'fx', FxResponse);
  route('/api/v1/market/ticker', 'ticker', TickerResponse);
}
