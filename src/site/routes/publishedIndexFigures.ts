import type { IndexView } from '../../market/book/marketSnapshot.js';
import { publishedIndexView } from '../../market/book/snapshotViews.js';
import type { PublishedIndex } from '../../market/indices/indexSpec.js';
import type { HistoryBar } from '../../store/market/marketHistory.js';
import type { SiteContext } from '../siteContext.js';
import type { WebDeps } from '../siteDeps.js';

/** What reading the published figures needs: the desk's reference data, the history store and the clock. */
type FiguresDeps = Pick<WebDeps, 'marketPages' | 'now'>;

/** A published index with an official close on record, as the ticker and the markets box show it. */
export interface PublishedOfficial {
  readonly view: IndexView;
  /** The trading date of that close (YYYY-MM-DD). */
  readonly date: string;
}

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
  return publishedFiguresOf(site.deps);
}

function publishedFiguresOf(deps: FiguresDeps): Promise<PublishedFigures[]> {
  const indices = deps.marketPages?.reference.publishedIndices?.() ?? [];
  return Promise.all(indices.map((index) => figuresOf(deps, index)));
}

/** The published indices that have an official close on record, in the desk's order (the page chrome's). */
export async function publishedOfficials(deps: FiguresDeps): Promise<PublishedOfficial[]> {
  return (await publishedFiguresOf(deps)).flatMap((figures) =>
    figures.view === null || figures.date === null ? [] : [{ view: figures.view, date: figures.date }],
  );
}

/** One published index by code; undefined when the site names no such index. */
export async function publishedIndexByCode(site: SiteContext, code: string): Promise<PublishedFigures | undefined> {
  const index = site.deps.marketPages?.reference.publishedIndices?.().find((candidate) => candidate.code === code);
  return index === undefined ? undefined : figuresOf(site.deps, index);
}

/** The latest official close among a code's bars (an imported day), and the one before it. */
export function latestOfficial(
  bars: readonly HistoryBar[],
): { readonly latest: HistoryBar; readonly previous: HistoryBar | null } | null {
  const official = bars.filter((bar) => bar.source !== 'close');
  const latest = official.at(-1);
  return latest === undefined ? null : { latest, previous: official.at(-2) ?? null };
}

async function figuresOf(deps: FiguresDeps, index: PublishedIndex): Promise<PublishedFigures> {
  const history = deps.marketPages?.history;
  // The last few weeks hold the latest two closes of any index that still publishes; older ones need all.
  const recent = (await history?.dailyBars(index.code, monthsBefore(deps.now(), 2))) ?? [];
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
