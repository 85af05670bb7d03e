import type { FastifyRequest } from 'fastify';
import type { MarketSnapshot } from '../market/book/marketSnapshot.js';
import type { SiteAssets } from './assets/siteAssets.js';
import type { PageChrome } from './components/Layout.js';
import type { CachedPageFastPath } from './http/cachedPageFastPath.js';
import type { CommentRateLimiter } from './http/commentRateLimiter.js';
import type { PageCache } from './http/pageCache.js';
import type { SharedReads } from './http/sharedReads.js';
import { type PublishedOfficial, publishedOfficials } from './routes/publishedIndexFigures.js';
import type { WebDeps } from './siteDeps.js';

/** What the route plugins share: the boot-time dependencies plus the server's own caches. */
export interface SiteContext {
  readonly deps: WebDeps;
  readonly pages: PageCache;
  /** Serves cached pages before routing; routes tell it which URL showed which page. */
  readonly fastPath: CachedPageFastPath;
  readonly assets: SiteAssets;
  readonly commentLimiter: CommentRateLimiter;
  /** Reads many pages show alike (most read), kept briefly and dropped on any newsroom change. */
  readonly shared: SharedReads;
  /**
   * The origin of absolute links on a page for this request: `--public-url`
   * when set, else the one the request asked for (Host, or a trusted proxy's
   * X-Forwarded-Host/-Proto); null when the request names no usable host.
   * A page built from a derived origin must carry it in its cache key.
   */
  origin(request: FastifyRequest): string | null;
  /** Told of every cached or rendered page served through the routes, by key (the read counter); the fast path tells it too. */
  readonly pageServed?: (key: string) => void;
  /**
   * Ticker, masthead and navigation data for a page being rendered now. `origin`
   * (from `origin(request)`) makes the page's canonical and og:url absolute;
   * without it they follow `--public-url` (pages without them, such as errors, need none).
   */
  chrome(origin?: string | null): Promise<PageChrome>;
}

/**
 * How long every page rendered shares one read of the sections. A change to them is announced on the bus, which
 * clears the shared reads on every node, so the time only bounds a change made without one (none are).
 */
const SECTIONS_FRESH_MS = 30_000;

/**
 * How long pages rendered on one market snapshot share one read of the published indices' official closes. A
 * closing day laid over the running market moves it, so comes with a new snapshot and is read afresh at once;
 * the time bounds what only adds to the history (a history CSV).
 */
const PUBLISHED_FRESH_MS = 1_000;

export function createChromeLoader(
  deps: WebDeps,
  assets: SiteAssets,
  shared: SharedReads,
): (origin?: string | null) => Promise<PageChrome> {
  const officials = new WeakMap<
    MarketSnapshot,
    { readonly at: number; readonly value: Promise<PublishedOfficial[]> }
  >();
  // Each published index costs a history query, the same for every page drawn on one snapshot.
  const publishedOn = (snapshot: MarketSnapshot): Promise<PublishedOfficial[]> => {
    const now = deps.now().getTime();
    const kept = officials.get(snapshot);
    if (kept !== undefined && now >= kept.at && now - kept.at < PUBLISHED_FRESH_MS) return kept.value;
    const value = publishedOfficials(deps);
    const entry = { at: now, value };
    officials.set(snapshot, entry);
    // A failed read is not kept: the next page asks again.
    value.catch(() => {
      if (officials.get(snapshot) === entry) officials.delete(snapshot);
    });
    return value;
  };
  return async (origin) => {
    const snapshot = deps.market.snapshot();
    return {
      sections: await shared.get('sections', SECTIONS_FRESH_MS, () => deps.store.listSections()),
      snapshot,
      published: await publishedOn(snapshot),
      now: deps.now(),
      publicUrl: origin === undefined ? (deps.publicUrl ?? null) : origin,
      stylesheetUrl: assets.stylesheetUrl,
      tickerScriptUrl: assets.tickerScriptUrl,
      feedWorkerUrl: assets.feedWorkerUrl,
      chartScriptUrl: assets.chartScriptUrl,
      chartDrawUrl: assets.chartDrawUrl,
      searchScriptUrl: assets.searchScriptUrl,
      converterScriptUrl: assets.converterScriptUrl,
      commentScriptUrl: assets.commentScriptUrl,
    };
  };
}
