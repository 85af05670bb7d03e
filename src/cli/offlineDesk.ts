import type { RawServeConfig, ServeConfig } from '../config.js';
import type { MarketDesk } from '../desk/market/marketDesk.js';
import type { AuditActor } from '../store/audit/auditLog.js';
import type { OpenedStore } from '../store/openStore.js';
import { commandConfig } from './database.js';

/** Who the audit log names for a change made from the command line. */
export const CLI_MARKET_ACTOR: AuditActor = { kind: 'system', name: 'broadsheet market (command line)' };

/** An offline market command run on the demo's settings: refused before the database is opened. */
export class DemoDatabaseRefusal extends Error {}

/**
 * Refuses an offline market command unless it runs with --no-demo. The
 * database records no mode (`serve` is told it at each start), so on the
 * demo's settings a database with no market yet would start from the demo's
 * stocks and indices, pinned, and the command would lay real data over them
 * that `serve --no-demo` then shows; a market already there would be changed
 * under the demo's rules (no sessions, no calendar). A demo site takes the
 * same change through --server, on its own running market.
 */
export function refuseOnDemo(options: RawServeConfig, subject: string): void {
  if (!commandConfig(options).demo) return;
  throw new DemoDatabaseRefusal(
    `${subject} is for a real site: run it with --no-demo (or BROADSHEET_DEMO=false), as the database is served ` +
      'with `broadsheet serve --no-demo`; a demo site takes it through --server. Nothing was changed',
  );
}

/**
 * The market desk over a database no server is running on: the market as its
 * log left it, changed through a recorder of its own, so each change is
 * logged exactly as the server's desk logs it and replayed at the next start.
 * Only for a site without the demo (refuseOnDemo first).
 */
export async function withOfflineDesk<T>(
  store: OpenedStore,
  config: ServeConfig,
  work: (desk: MarketDesk) => Promise<T>,
): Promise<T> {
  // Loaded when the desk is opened: the market engine is not part of starting `broadsheet`.
  const [{ createInProcessBus }, { MarketDesk }, { createMarketRecorder }, { loadSiteMarket, siteMarket }] =
    await Promise.all([
      import('../bus/inProcessBus.js'),
      import('../desk/market/marketDesk.js'),
      import('../engine/marketRecorder.js'),
      import('../engine/siteMarket.js'),
    ]);
  const now = new Date();
  const site = siteMarket({ demo: config.demo, now: () => now, feedClockSkewMs: config.feedClockSkewMs });
  const { market } = await loadSiteMarket({ log: store.market.log, site });
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
