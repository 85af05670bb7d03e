import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { CURRENCY_URL } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { renderDocument } from '../components/renderDocument.js';
import { converterState, USD_PKR } from '../markets/converterState.js';
import type { IntradayRecorder } from '../markets/intradayRecorder.js';
import { dayPhrase } from '../markets/stockFigures.js';
import { CurrencyPage, type FxHistory } from '../pages/CurrencyPage.js';
import { MarketsPage } from '../pages/MarketsPage.js';
import type { SiteContext } from '../siteContext.js';
import { registerIndexPageRoutes } from './indexPageRoutes.js';
import { exchangeToday, type MarketRouteContext } from './marketRouteContext.js';
import { sendHtml, servePage } from './pageResponses.js';
import { publishedIndexFigures } from './publishedIndexFigures.js';
import { registerStockPageRoutes } from './stockPageRoutes.js';
import { registerSymbolSearchRoutes } from './symbolSearchRoutes.js';

// The paper's Markets section lives under the market data page (see sectionNavUrl).
const MARKETS_SECTION = 'markets';

const converterQuery = Type.Object({
  amount: Type.Optional(Type.String({ maxLength: 32 })),
  direction: Type.Optional(Type.Union([Type.Literal('usd-pkr'), Type.Literal('pkr-usd')])),
});

/** The markets pages; `intraday` (a service the server starts) draws today's lines on them. */
export function registerMarketPageRoutes(app: TypeBoxApp, site: SiteContext, intraday: IntradayRecorder): void {
  const context: MarketRouteContext = { site, intraday };
  registerStockPageRoutes(app, context);
  registerIndexPageRoutes(app, context);
  registerSymbolSearchRoutes(app, site);

  app.get('/markets', async (request, reply) =>
    servePage(site, request, reply, 'markets', async (origin) => {
      const chrome = await site.chrome(origin);
      const section = chrome.sections.find((candidate) => candidate.slug === MARKETS_SECTION);
      const latest =
        section === undefined
          ? null
          : { section, stories: (await site.deps.store.listArticles({ sectionSlug: section.slug, limit: 10 })).items };
      const points = new Map(chrome.snapshot.indices.map((index) => [index.code, intraday.points(`i:${index.code}`)]));
      const day = dayPhrase(tradingDateOf(chrome.snapshot.asOf), exchangeToday(site));
      const published = await publishedIndexFigures(site);
      return {
        kind: 'page',
        html: renderDocument(
          h(MarketsPage, { chrome, snapshot: chrome.snapshot, latest, intraday: points, day, published }),
        ),
      };
    }),
  );

  app.get('/markets/currency', async (_request, reply) => reply.redirect(CURRENCY_URL, 301));

  app.get('/markets/currency/usd-pkr', { schema: { querystring: converterQuery } }, async (request, reply) => {
    const { amount, direction } = request.query;
    if (amount === undefined || amount.trim() === '') {
      // The bare page is the same for everyone: cache it like any other.
      return servePage(site, request, reply, 'currency', async (origin) => {
        const chrome = await site.chrome(origin);
        const converter = converterState(chrome.snapshot.fx, direction === undefined ? {} : { direction });
        return {
          kind: 'page',
          html: renderDocument(h(CurrencyPage, { chrome, snapshot: chrome.snapshot, converter, ...usdHistory(site) })),
        };
      });
    }
    // A conversion is one reader's answer: rendered for this request only, and with no store access but the nav.
    const chrome = await site.chrome();
    const converter = converterState(chrome.snapshot.fx, { amount, ...(direction !== undefined ? { direction } : {}) });
    const html = renderDocument(h(CurrencyPage, { chrome, snapshot: chrome.snapshot, converter, ...usdHistory(site) }));
    // No rate yet is the site's state, not the reader's mistake: the page says so, with the amount kept. Not a 503:
    // a proxy counts that as the node failing, so a few readers' conversions took every node out of its pool.
    return sendHtml(reply, converter.kind === 'invalid' ? 400 : 200, html);
  });
}

/** USD/PKR by day in both markets, when the site has the market's FX history. */
function usdHistory(site: SiteContext): { history?: FxHistory } {
  const reference = site.deps.marketPages?.reference;
  if (reference === undefined) return {};
  return {
    history: { interbank: reference.fxHistory(USD_PKR, 'interbank'), open: reference.fxHistory(USD_PKR, 'open') },
  };
}
