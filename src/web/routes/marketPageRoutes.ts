import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { renderDocument } from '../components/renderDocument.js';
import { CURRENCY_URL } from '../components/urls.js';
import type { TypeBoxApp } from '../http/typeboxApp.js';
import { converterState } from '../markets/converterState.js';
import { CurrencyPage } from '../pages/CurrencyPage.js';
import { MarketsPage } from '../pages/MarketsPage.js';
import type { SiteContext } from '../siteContext.js';
import { sendHtml, servePage } from './pageResponses.js';

// The paper's Markets section lives under the market data page (see sectionNavUrl).
const MARKETS_SECTION = 'markets';

const converterQuery = Type.Object({
  amount: Type.Optional(Type.String({ maxLength: 32 })),
  direction: Type.Optional(Type.Union([Type.Literal('usd-pkr'), Type.Literal('pkr-usd')])),
});

export function registerMarketPageRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get('/markets', async (request, reply) =>
    servePage(site, request, reply, 'markets', async () => {
      const chrome = await site.chrome();
      const section = chrome.sections.find((candidate) => candidate.slug === MARKETS_SECTION);
      const latest =
        section === undefined
          ? null
          : { section, stories: (await site.deps.store.listArticles({ sectionSlug: section.slug, limit: 10 })).items };
      return { kind: 'page', html: renderDocument(h(MarketsPage, { chrome, snapshot: chrome.snapshot, latest })) };
    }),
  );

  app.get('/markets/currency', async (_request, reply) => reply.redirect(CURRENCY_URL, 301));

  app.get('/markets/currency/usd-pkr', { schema: { querystring: converterQuery } }, async (request, reply) => {
    const { amount, direction } = request.query;
    if (amount === undefined || amount.trim() === '') {
      // The bare page is the same for everyone: cache it like any other.
      return servePage(site, request, reply, 'currency', async () => {
        const chrome = await site.chrome();
        const converter = converterState(chrome.snapshot.fx, direction === undefined ? {} : { direction });
        return {
          kind: 'page',
          html: renderDocument(h(CurrencyPage, { chrome, snapshot: chrome.snapshot, converter })),
        };
      });
    }
    // A conversion is one reader's answer: rendered for this request only, and with no store access but the nav.
    const chrome = await site.chrome();
    const converter = converterState(chrome.snapshot.fx, { amount, ...(direction !== undefined ? { direction } : {}) });
    const html = renderDocument(h(CurrencyPage, { chrome, snapshot: chrome.snapshot, converter }));
    return sendHtml(reply, converter.kind === 'invalid' ? 400 : 200, html);
  });
}
