import { createInProcessBus } from '../bus/inProcessBus.js';
import type { ServeConfig } from '../config.js';
import { createDemoMarket } from '../demo/market/demoMarket.js';
import { MarketDesk } from '../desk/market/marketDesk.js';
import { createMarketRecorder } from '../engine/marketRecorder.js';
import { loadSiteMarket, type SiteMarket, type SiteMarketLoad, siteMarket } from '../engine/siteMarket.js';
import type { Market } from '../market/book/market.js';
import type { AuditActor } from '../store/audit/auditLog.js';
import type { OpenedStore } from '../store/openStore.js';

/** Who the audit log names for a change made from the command line. */
export const CLI_MARKET_ACTOR: AuditActor = { kind: 'system', name: 'broadsheet market (command line)' };

/**
 * The market a database starts from when it holds no checkpoint yet: the
 * demo's (its instruments, indices and names, pinned as `serve` would pin
 * them) on a demo site, an empty one otherwise. A command that writes the
 * market first must start from it, or serving the demo afterwards would find
 * a market without the demo's indices.
 */
export function startingMarket(
  config: Pick<ServeConfig, 'demo'>,
  site: SiteMarket,
  now: Date,
): Pick<SiteMarketLoad, 'initial' | 'pinInitial'> {
  return config.demo ? { initial: (): Market => createDemoMarket(now, { rules: site.rules }), pinInitial: true } : {};
}

/**
 * The market desk over a database no server is running on: the market as its
 * log left it, changed through a recorder of its own, so each change is
 * logged exactly as the server's desk logs it and replayed at the next start.
 */
export async function withOfflineDesk<T>(
  store: OpenedStore,
  config: ServeConfig,
  work: (desk: MarketDesk) => Promise<T>,
): Promise<T> {
  const now = new Date();
  const site = siteMarket({ demo: config.demo, now: () => now, feedClockSkewMs: config.feedClockSkewMs });
  const { market } = await loadSiteMarket({ log: store.market.log, site, ...startingMarket(config, site, now) });
  const recorder = createMarketRecorder({
    log: store.market.log,
    market,
    createMarket: site.createMarket,
    bus: createInProcessBus(),
  });
  const desk = new MarketDesk({
    deps: { market, recorder },
    audit: store.audit,
    marketStore: store.market,
    now: () => new Date(),
  });
  try {
    return await work(desk);
  } finally {
    await recorder.stop();
  }
}
