import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { indexUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { formatRupees } from '../../market/money/money.js';
import { fiftyTwoWeekRange } from '../../market/quotes/barRange.js';
import { tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';
import { renderDocument } from '../components/renderDocument.js';
import type { PageOutcome } from '../http/pageCache.js';
import {
  CONSTITUENT_SORTS,
  type ConstituentRow,
  type ConstituentSort,
  constituentRows,
  defaultDirection,
  type SortDirection,
  sortConstituents,
} from '../markets/constituentRows.js';
import { csvText } from '../markets/csvText.js';
import { DEFAULT_RANGE, type HistoryRange } from '../markets/historyRange.js';
import { hundredthsText } from '../markets/marketFigures.js';
import { dayPhrase } from '../markets/stockFigures.js';
import { IndexPage } from '../pages/IndexPage.js';
import type { SiteContext } from '../siteContext.js';
import {
  chartBars,
  exchangeToday,
  type MarketRouteContext,
  marketDate,
  queryOf,
  RangeQuery,
  sendCsv,
  sendHistoryCsv,
  upperCaseAddress,
  withLiveBar,
} from './marketRouteContext.js';
import { sendNotFoundPage, servePage } from './pageResponses.js';
import { latestOfficial, publishedIndexByCode } from './publishedIndexFigures.js';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) });
const IndexQuery = Type.Object({
  range: RangeQuery,
  sort: Type.Optional(Type.Union(CONSTITUENT_SORTS.map((sort) => Type.Literal(sort)))),
  dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

/** `/markets/indices/{CODE}`, sortable without script, and its history and constituents as CSV. */
export function registerIndexPageRoutes(app: TypeBoxApp, context: MarketRouteContext): void {
  const { site } = context;

  app.get(
    '/markets/indices/:code',
    { schema: { params: CodeParams, querystring: IndexQuery } },
    async (request, reply) => {
      const { code } = request.params;
      const canonical = upperCaseAddress(code, indexUrl, queryOf(request.url));
      if (canonical !== null) return reply.redirect(canonical, 301);
      const range = request.query.range ?? DEFAULT_RANGE;
      const sort = request.query.sort ?? 'weight';
      const direction = request.query.dir ?? defaultDirection(sort);
      return servePage(site, request, reply, `index:${code}:${range}:${sort}:${direction}`, (origin) =>
        produceIndexPage(context, code, { range, sort, direction }, origin),
      );
    },
  );

  app.get('/markets/indices/:code/history.csv', { schema: { params: CodeParams } }, async (request, reply) => {
    const { code } = request.params;
    const canonical = upperCaseAddress(code, indexUrl, '/history.csv');
    if (canonical !== null) return reply.redirect(canonical, 301);
    const known =
      site.deps.market.snapshot().indices.some((index) => index.code === code) ||
      (await publishedIndexByCode(site, code)) !== undefined;
    if (!known) return sendNotFoundPage(site, request, reply);
    return sendHistoryCsv(site, reply, code);
  });

  app.get('/markets/indices/:code/constituents.csv', { schema: { params: CodeParams } }, async (request, reply) => {
    const { code } = request.params;
    const canonical = upperCaseAddress(code, indexUrl, '/constituents.csv');
    if (canonical !== null) return reply.redirect(canonical, 301);
    const rows = currentRows(site, code);
    if (rows === null) return sendNotFoundPage(site, request, reply);
    const lines = sortConstituents(rows, 'weight', 'desc').map((row) => [
      row.symbol,
      row.name,
      formatRupees(row.price),
      formatRupees(row.ldcp),
      formatRupees(row.change),
      row.changePercent,
      hundredthsText(row.weightBasisPoints, false),
      hundredthsText(row.points, false),
    ]);
    return sendCsv(
      reply,
      `${code}-constituents.csv`,
      csvText(['Symbol', 'Name', 'Price', 'LDCP', 'Change', 'Change %', 'Weight %', 'Points'], lines),
    );
  });
}

/** The index's members with today's figures; null for an index the market does not have. */
function currentRows(site: SiteContext, code: string): ConstituentRow[] | null {
  const snapshot = site.deps.market.snapshot();
  const index = snapshot.indices.find((candidate) => candidate.code === code);
  if (index === undefined) return null;
  const reference = site.deps.marketPages?.reference;
  const constituents = reference?.indexConstituents(code) ?? [];
  return constituentRows(constituents, snapshot.quotes, index.previousClose, reference?.indexDivisor?.(code));
}

async function produceIndexPage(
  context: MarketRouteContext,
  code: string,
  view: { readonly range: HistoryRange; readonly sort: ConstituentSort; readonly direction: SortDirection },
  origin: string | null,
): Promise<PageOutcome> {
  const { site } = context;
  const chrome = await site.chrome(origin);
  const index = chrome.snapshot.indices.find((candidate) => candidate.code === code);
  if (index === undefined) return producePublishedIndexPage(context, code, view, origin);
  const day = marketDate(chrome.snapshot);
  const bars = await chartBars(site, code, view.range, day);
  const reference = site.deps.marketPages?.reference;
  const constituents = reference?.indexConstituents(code) ?? [];
  const divisor = reference?.indexDivisor?.(code);
  const rows = constituentRows(constituents, chrome.snapshot.quotes, index.previousClose, divisor);
  const todayRange = index.high === undefined || index.low === undefined ? null : { high: index.high, low: index.low };
  const live = {
    // The snapshot has no index open: the day starts from the previous close, inside the day's range.
    open: todayRange === null ? null : Math.min(Math.max(index.previousClose, todayRange.low), todayRange.high),
    high: todayRange?.high ?? null,
    low: todayRange?.low ?? null,
    last: index.value,
  };
  const data = {
    index,
    range: view.range,
    day: dayPhrase(day, exchangeToday(site)),
    rangeBars: withLiveBar(bars.ranged, tradingDateOf(index.time), live, 0),
    yearBars: bars.year,
    fiftyTwoWeek: fiftyTwoWeekRange(withLiveBar(bars.year, tradingDateOf(index.time), live, 0), day),
    intraday: context.intraday.points(`i:${code}`),
    rows: sortConstituents(rows, view.sort, view.direction),
    sort: view.sort,
    direction: view.direction,
    cappedMembers: constituents.filter((c) => c.capFactor !== undefined && c.capFactor < 10_000).length,
    figures: 'computed' as const,
    officialClose: officialOf(bars.year),
  };
  return { kind: 'page', html: renderDocument(h(IndexPage, { chrome, data })) };
}

/** The exchange's latest official close among the bars, if any day of them was imported. */
function officialOf(bars: readonly HistoryBar[]): { readonly date: string; readonly close: number } | null {
  const official = latestOfficial(bars);
  return official === null ? null : { date: official.latest.date, close: official.latest.close };
}

/** An index only the exchange computes: its published closes, charted and listed; 404 until one is imported. */
async function producePublishedIndexPage(
  context: MarketRouteContext,
  code: string,
  view: { readonly range: HistoryRange; readonly sort: ConstituentSort; readonly direction: SortDirection },
  origin: string | null,
): Promise<PageOutcome> {
  const { site } = context;
  const published = await publishedIndexByCode(site, code);
  if (published === undefined || published.view === null || published.date === null) return { kind: 'notFound' };
  const chrome = await site.chrome(origin);
  const bars = await chartBars(site, code, view.range, published.date);
  const data = {
    index: published.view,
    range: view.range,
    day: dayPhrase(published.date, exchangeToday(site)),
    rangeBars: bars.ranged,
    yearBars: bars.year,
    fiftyTwoWeek: fiftyTwoWeekRange(bars.year, published.date),
    intraday: [],
    rows: [],
    sort: view.sort,
    direction: view.direction,
    cappedMembers: 0,
    figures: 'official' as const,
    officialClose: null,
  };
  return { kind: 'page', html: renderDocument(h(IndexPage, { chrome, data })) };
}
