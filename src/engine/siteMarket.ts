import { Market, type MarketRules } from '../market/book/market.js';
import { LAST_TRADE_CLOSE } from '../market/endOfDay/closingRules.js';
import { PSX_PRICE_BAND } from '../market/quotes/priceBand.js';
import { PSX_HALT_RULE } from '../market/sessions/marketHalt.js';
import { PSX_CALENDAR } from '../market/sessions/tradingCalendar.js';
import type { MarketLog } from '../store/market/marketLog.js';
import { type LoadedMarket, loadMarket, type MarketLoadOptions } from './marketLoader.js';

/** Which market the site runs: the demo one (reference stocks, simulated trades) or the one its feeds fill. */
export interface SiteMarketOptions {
  readonly demo: boolean;
  readonly now: () => Date;
  /** How far ahead of the server's clock a feed's stamp may be (`--feed-clock-skew`); default the market's 5 s. */
  readonly feedClockSkewMs?: number;
}

/**
 * The site's market as one thing the app, the importer and the command line
 * all build from: its rules, and an empty market under them into which a
 * checkpoint is restored. A market built with other rules would replay the
 * same log to a different day (a day close's next trading date follows the
 * calendar), so nothing else writes these out.
 */
export interface SiteMarket {
  readonly rules: MarketRules;
  /** A market with the site's rules and nothing in it. */
  createMarket(): Market;
}

/**
 * The rules of the site's market. PSX's price band and closing rule always.
 * A real site (fed by the exchange) runs by PSX's calendar (regular and
 * Friday hours, pre-open, post-close; the desk adds holidays and special
 * schedules), refuses trades outside the open session and keeps PSX's
 * index-based halt (psx-market.md §4.2–§4.4). The demo follows PSX's calendar
 * for its status line but trades around the clock (so its ticker moves at
 * night, and says it is simulated); a market that does not keep sessions has
 * no session halt.
 */
export function siteMarketRules(options: Pick<SiteMarketOptions, 'demo' | 'feedClockSkewMs'>): MarketRules {
  const always = {
    priceBand: PSX_PRICE_BAND,
    closingRule: LAST_TRADE_CLOSE,
    calendar: PSX_CALENDAR,
    ...(options.feedClockSkewMs === undefined ? {} : { clockSkewMs: options.feedClockSkewMs }),
  };
  return options.demo
    ? { ...always, haltRule: null, enforceSessions: false }
    : { ...always, haltRule: PSX_HALT_RULE, enforceSessions: true };
}

export function siteMarket(options: SiteMarketOptions): SiteMarket {
  const rules = siteMarketRules(options);
  return {
    rules,
    createMarket: () => new Market({ listings: [], indices: [], fx: [], ldcpTime: options.now(), ...rules }),
  };
}

export interface SiteMarketLoad {
  readonly log: MarketLog;
  readonly site: SiteMarket;
  /** The market of a database without a checkpoint; default an empty one under the site's rules. */
  readonly initial?: () => Market;
  /** Keep the initial market as the first checkpoint (the demo: the same LDCPs on every start). */
  readonly pinInitial?: boolean;
  /** Replay up to and including this position; default all. */
  readonly upTo?: number;
  readonly onReplayed?: MarketLoadOptions['onReplayed'];
}

/** The site's market as its log left it. */
export function loadSiteMarket(load: SiteMarketLoad): Promise<LoadedMarket> {
  return loadMarket({
    log: load.log,
    createMarket: load.site.createMarket,
    initial: load.initial ?? load.site.createMarket,
    pinInitial: load.pinInitial ?? false,
    ...(load.upTo === undefined ? {} : { upTo: load.upTo }),
    ...(load.onReplayed === undefined ? {} : { onReplayed: load.onReplayed }),
  });
}
