import type { ClosingRow, UntradedRow } from '../market/endOfDay/closingFileDay.js';
import { withClosingSession } from '../market/endOfDay/closingFileDay.js';
import { closingFileTooNew } from '../market/sessions/liveTradingDay.js';
import { PSX_CALENDAR } from '../market/sessions/tradingCalendar.js';
import type { MarketStore } from '../store/market/marketStore.js';
import { loadSiteMarket, type SiteMarket, type SiteMarketLoad } from './siteMarket.js';

/** A closing day the market cannot take (a day after the live one); nothing was written. */
export class ClosingDayRefusedError extends Error {}

/**
 * Lays a closing day over the market the log holds, offline (no server
 * running on the database): the day's rows as daily bars and the resulting
 * state as a checkpoint at the log's head, in one transaction, so the next
 * start of the site shows exactly that day. The market is rebuilt under the
 * site's own rules, and a trial restore refuses a state the site could not load
 * before anything is written. A file of a day after the live one (by the
 * calendar the database holds, as the server's desk reads it) is refused with
 * ClosingDayRefusedError.
 */
export async function layClosingDay(
  store: Pick<MarketStore, 'log' | 'saveClosingDay'>,
  day: {
    readonly date: string | null;
    readonly rows: readonly ClosingRow[];
    readonly untraded?: readonly UntradedRow[];
  },
  options: { readonly site: SiteMarket; readonly now: Date } & Pick<SiteMarketLoad, 'initial'>,
): Promise<void> {
  const { log } = store;
  const head = await log.head();
  // A database without a checkpoint starts from the site's own market (the demo's, on a demo site).
  const { market } = await loadSiteMarket({
    log,
    site: options.site,
    upTo: head,
    ...(options.initial === undefined ? {} : { initial: options.initial }),
    // Never pinned here: the closing day's checkpoint below, at the same position, keeps the starting market as a
    // pin would, and a refused day must leave the database as it was.
    pinInitial: false,
  });
  // The same rule as the server's desk (MarketDesk.importClosingFile), which no `--force` overrides.
  const tooNew = day.date === null ? null : closingFileTooNew(day.date, options.now, market.calendar ?? PSX_CALENDAR);
  if (tooNew !== null) throw new ClosingDayRefusedError(tooNew);
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
