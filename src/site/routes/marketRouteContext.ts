import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';
import { historyCsvText } from '../markets/historyCsv.js';
import { DEFAULT_RANGE, HISTORY_RANGES, type HistoryRange, rangeStart } from '../markets/historyRange.js';
import type { IntradayRecorder } from '../markets/intradayRecorder.js';
import type { SiteContext } from '../siteContext.js';

/** What the markets page routes share: the site and this node's intraday paths. */
export interface MarketRouteContext {
  readonly site: SiteContext;
  readonly intraday: IntradayRecorder;
}

export const RangeQuery = Type.Optional(Type.Union(HISTORY_RANGES.map((range) => Type.Literal(range))));

/** Today in Karachi, the exchange's date. */
export function exchangeToday(site: SiteContext): string {
  return tradingDateOf(site.deps.now());
}

/**
 * The trading day the market's figures belong to (the date of its latest
 * figure): today on a live day, an earlier day after a closing file of that
 * day is imported or before the next session's first trade.
 */
export function marketDate(snapshot: MarketSnapshot): string {
  return tradingDateOf(snapshot.asOf);
}

/** A code's bars over a chart range; none when the site runs without history. */
export async function barsFor(
  site: SiteContext,
  code: string,
  range: HistoryRange | 'year',
  today: string,
): Promise<readonly HistoryBar[]> {
  const history = site.deps.marketPages?.history;
  if (history === undefined) return [];
  return history.dailyBars(code, rangeStart(range === 'year' ? DEFAULT_RANGE : range, today));
}

/** The last year of bars, for the history table, and the bars the chart's range shows (the same for a year). */
export async function chartBars(
  site: SiteContext,
  code: string,
  range: HistoryRange,
  today: string,
): Promise<{ readonly year: readonly HistoryBar[]; readonly ranged: readonly HistoryBar[] }> {
  const [year, ranged] = await Promise.all([
    barsFor(site, code, 'year', today),
    range === DEFAULT_RANGE ? null : barsFor(site, code, range, today),
  ]);
  return { year, ranged: ranged ?? year };
}

/**
 * Adds the live figures' bar, dated `date` (the trading day they belong to,
 * never the server's today), when that day has traded and is not on record
 * yet, so the daily chart ends where the quote stands.
 */
export function withLiveBar(
  bars: readonly HistoryBar[],
  date: string,
  live: {
    readonly open: number | null;
    readonly high: number | null;
    readonly low: number | null;
    readonly last: number;
  },
  volume: number,
): readonly HistoryBar[] {
  const last = bars.at(-1);
  if (live.open === null || live.high === null || live.low === null) return bars;
  if (last !== undefined && last.date >= date) return bars;
  return [...bars, { date, open: live.open, high: live.high, low: live.low, close: live.last, volume }];
}

/**
 * Codes and symbols are upper case: another spelling gets the upper-case
 * address, with `rest` (a sub-path or the query) kept; null when already so.
 */
export function upperCaseAddress(code: string, urlOf: (code: string) => string, rest: string): string | null {
  const upper = code.toUpperCase();
  return code === upper ? null : `${urlOf(upper)}${rest}`;
}

/** The query string of a request URL, with its `?`, or nothing. */
export function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}

/** A code's whole daily history as a CSV download; the header alone when the site keeps no history. */
export async function sendHistoryCsv(site: SiteContext, reply: FastifyReply, code: string): Promise<FastifyReply> {
  const bars = (await site.deps.marketPages?.history.dailyBars(code, null)) ?? [];
  return sendCsv(reply, `${code}-history.csv`, historyCsvText(bars));
}

/** A CSV download, cacheable for a minute by a CDN. */
export function sendCsv(reply: FastifyReply, fileName: string, body: string): FastifyReply {
  return reply
    .code(200)
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'public, max-age=0, s-maxage=60')
    .send(body);
}
