import type { SiteAssets } from './assets/siteAssets.js';
import type { PageChrome } from './components/Layout.js';
import type { CachedPageFastPath } from './http/cachedPageFastPath.js';
import type { CommentRateLimiter } from './http/commentRateLimiter.js';
import type { PageCache } from './http/pageCache.js';
import type { WebDeps } from './siteDeps.js';

/** What the route plugins share: the boot-time dependencies plus the server's own caches. */
export interface SiteContext {
  readonly deps: WebDeps;
  readonly pages: PageCache;
  /** Serves cached pages before routing; routes tell it which URL showed which page. */
  readonly fastPath: CachedPageFastPath;
  readonly assets: SiteAssets;
  readonly commentLimiter: CommentRateLimiter;
  /** Ticker, masthead and navigation data for a page being rendered now. */
  chrome(): Promise<PageChrome>;
}

export function createChromeLoader(deps: WebDeps, assets: SiteAssets): () => Promise<PageChrome> {
  return async () => ({
    sections: await deps.store.listSections(),
    snapshot: deps.market.snapshot(),
    now: deps.now(),
    publicUrl: deps.publicUrl ?? null,
    stylesheetUrl: assets.stylesheetUrl,
    tickerScriptUrl: assets.tickerScriptUrl,
    chartScriptUrl: assets.chartScriptUrl,
    searchScriptUrl: assets.searchScriptUrl,
    converterScriptUrl: assets.converterScriptUrl,
  });
}
