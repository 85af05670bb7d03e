import type { IndexView } from '../../market/book/marketSnapshot.js';
import { publishedIndexView } from '../../market/book/snapshotViews.js';
import type { PublishedIndex } from '../../market/indices/indexSpec.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';
import type { SiteContext } from '../siteContext.js';

/** An index the exchange computes and the site only shows: its latest official close, if one is on record. */
export interface PublishedFigures {
  readonly index: PublishedIndex;
  /** Null while no day of its history has been imported. */
  readonly view: IndexView | null;
  /** The date of that close. */
  readonly date: string | null;
}

/** The indices the site shows from the exchange's published history, in the order the desk defined them. */
export async function publishedIndexFigures(site: SiteContext): Promise<PublishedFigures[]> {
  const indices = site.deps.marketPages?.reference.publishedIndices?.() ?? [];
  return Promise.all(indices.map((index) => figuresOf(site, index)));
}

/** One published index by code; undefined when the site names no such index. */
export async function publishedIndexByCode(site: SiteContext, code: string): Promise<PublishedFigures | undefined> {
  const index = site.deps.marketPages?.reference.publishedIndices?.().find((candidate) => candidate.code === code);
  return index === undefined ? undefined : figuresOf(site, index);
}

/** The latest official close among a code's bars (an imported day), and the one before it. */
export function latestOfficial(
  bars: readonly HistoryBar[],
): { readonly latest: HistoryBar; readonly previous: HistoryBar | null } | null {
  const official = bars.filter((bar) => bar.source !== 'close');
  const latest = official.at(-1);
  return latest === undefined ? null : { latest, previous: official.at(-2) ?? null };
}

async function figuresOf(site: SiteContext, index: PublishedIndex): Promise<PublishedFigures> {
  const history = site.deps.marketPages?.history;
  // The last few weeks hold the latest two closes of any index that still publishes; older ones need all.
  const recent = (await history?.dailyBars(index.code, monthsBefore(site.deps.now(), 2))) ?? [];
  const bars = recent.length >= 2 ? recent : ((await history?.dailyBars(index.code, null)) ?? []);
  const official = latestOfficial(bars);
  if (official === null) return { index, view: null, date: null };
  return {
    index,
    view: publishedIndexView(index, official.latest, official.previous),
    date: official.latest.date,
  };
}

function monthsBefore(now: Date, months: number): string {
  const date = new Date(now.getTime());
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}
