import type { ClosingRow, UntradedRow } from '../market/endOfDay/closingFileDay.js';
import { withClosingSession } from '../market/endOfDay/closingFileDay.js';
import type { MarketStore } from '../store/market/marketStore.js';
import { loadSiteMarket, type SiteMarket, type SiteMarketLoad } from './siteMarket.js';

/**
 * Lays a closing day over the market the log holds, offline (no server
 * running on the database): the day's rows as daily bars and the resulting
 * state as a checkpoint at the log's head, in one transaction, so the next
 * start of the site shows exactly that day. The market is rebuilt under the
 * site's own rules, and a trial restore refuses a state the site could not load
 * before anything is written.
 */
export async function layClosingDay(
  store: Pick<MarketStore, 'log' | 'saveClosingDay'>,
  day: {
    readonly date: string | null;
    readonly rows: readonly ClosingRow[];
    readonly untraded?: readonly UntradedRow[];
  },
  options: { readonly site: SiteMarket; readonly now: Date } & Pick<SiteMarketLoad, 'initial' | 'pinInitial'>,
): Promise<void> {
  const { log } = store;
  const head = await log.head();
  // A database without a checkpoint starts from the site's own market (the demo's, on a demo site).
  const { market } = await loadSiteMarket({
    log,
    site: options.site,
    upTo: head,
    ...(options.initial === undefined ? {} : { initial: options.initial }),
    ...(options.pinInitial === undefined ? {} : { pinInitial: options.pinInitial }),
  });
  const state = withClosingSession(market.exportState(), day.rows, day.untraded);
  options.site.createMarket().restoreState(state);
  await store.saveClosingDay({
    rows: day.rows,
    stamp: options.now.getTime(),
    position: head,
    state,
    reason: `import closing file ${day.date ?? ''}`.trim(),
  });
}
