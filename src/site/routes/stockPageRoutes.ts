import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { stockUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { MarketSnapshot, QuoteView } from '../../market/book/marketSnapshot.js';
import { fiftyTwoWeekRange } from '../../market/quotes/barRange.js';
import { tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { renderDocument } from '../components/renderDocument.js';
import type { PageOutcome } from '../http/pageCache.js';
import { constituentRows } from '../markets/constituentRows.js';
import { DEFAULT_RANGE, type HistoryRange } from '../markets/historyRange.js';
import { dayPhrase } from '../markets/stockFigures.js';
import { type IndexMembership, StockPage } from '../pages/StockPage.js';
import {
  chartBars,
  exchangeToday,
  type MarketRouteContext,
  marketDate,
  queryOf,
  RangeQuery,
  sendHistoryCsv,
  upperCaseAddress,
  withLiveBar,
} from './marketRouteContext.js';
import { sendNotFoundPage, servePage } from './pageResponses.js';

const NEWS_ITEMS = 8;
const SymbolParams = Type.Object({ symbol: Type.String({ minLength: 1, maxLength: 32 }) });

/** `/markets/stocks/{SYMBOL}` and its CSV history; symbols are upper case and other spellings redirect. */
export function registerStockPageRoutes(app: TypeBoxApp, context: MarketRouteContext): void {
  const { site } = context;

  app.get(
    '/markets/stocks/:symbol',
    { schema: { params: SymbolParams, querystring: Type.Object({ range: RangeQuery }) } },
    async (request, reply) => {
      const { symbol } = request.params;
      const canonical = upperCaseAddress(symbol, stockUrl, queryOf(request.url));
      if (canonical !== null) return reply.redirect(canonical, 301);
      const range = request.query.range ?? DEFAULT_RANGE;
      return servePage(site, request, reply, `stock:${symbol}:${range}`, (origin) =>
        produceStockPage(context, symbol, range, origin),
      );
    },
  );

  app.get('/markets/stocks/:symbol/history.csv', { schema: { params: SymbolParams } }, async (request, reply) => {
    const { symbol } = request.params;
    const canonical = upperCaseAddress(symbol, stockUrl, '/history.csv');
    if (canonical !== null) return reply.redirect(canonical, 301);
    if (!site.deps.market.snapshot().quotes.some((quote) => quote.symbol === symbol)) {
      return sendNotFoundPage(site, request, reply);
    }
    return sendHistoryCsv(site, reply, symbol);
  });
}

async function produceStockPage(
  context: MarketRouteContext,
  symbol: string,
  range: HistoryRange,
  origin: string | null,
): Promise<PageOutcome> {
  const { site } = context;
  const chrome = await site.chrome(origin);
  const quote = chrome.snapshot.quotes.find((candidate) => candidate.symbol === symbol);
  if (quote === undefined) return { kind: 'notFound' };
  // Ranges count back from the market's day, and the quote's own figures are dated by its own time.
  const day = marketDate(chrome.snapshot);
  const quoteDate = tradingDateOf(quote.time);
  const [bars, news] = await Promise.all([
    chartBars(site, symbol, range, day),
    site.deps.store.listArticles({ tagSlug: symbol.toLowerCase(), limit: NEWS_ITEMS }),
  ]);
  const data = {
    quote,
    instrument: site.deps.marketPages?.reference.instrument(symbol),
    range,
    day: dayPhrase(day, exchangeToday(site)),
    rangeBars: withLiveBar(bars.ranged, quoteDate, quote, quote.volume),
    yearBars: bars.year,
    fiftyTwoWeek: fiftyTwoWeekRange(withLiveBar(bars.year, quoteDate, quote, quote.volume), day),
    intraday: context.intraday.points(`s:${symbol}`),
    memberships: memberships(context, chrome.snapshot, quote),
    news: news.items,
  };
  return { kind: 'page', html: renderDocument(h(StockPage, { chrome, data })) };
}

/** Every index holding the stock, with its weight and today's points there. */
function memberships(context: MarketRouteContext, snapshot: MarketSnapshot, quote: QuoteView): IndexMembership[] {
  const reference = context.site.deps.marketPages?.reference;
  if (reference === undefined) return [];
  return snapshot.indices.flatMap((index) => {
    const constituents = reference.indexConstituents(index.code);
    if (constituents === undefined || !constituents.some((c) => c.symbol === quote.symbol)) return [];
    const row = constituentRows(
      constituents,
      snapshot.quotes,
      index.previousClose,
      reference.indexDivisor?.(index.code),
    ).find((candidate) => candidate.symbol === quote.symbol);
    return row === undefined
      ? []
      : [{ code: index.code, name: index.name, weightBasisPoints: row.weightBasisPoints, points: row.points }];
  });
}
