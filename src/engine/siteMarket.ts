import { Market, type MarketRules } from '../market/book/market.js';
import { LAST_TRADE_CLOSE } from '../market/endOfDay/closingRules.js';
import { PSX_PRICE_BAND } from '../market/quotes/priceBand.js';
import { PSX_CALENDAR } from '../market/sessions/tradingCalendar.js';
import type { MarketLog } from '../store/market/marketLog.js';
import { type LoadedMarket, loadMarket } from './marketLoader.js';

/** Which market the site runs: the demo one (reference stocks, simulated trades) or the one its feeds fill. */
export interface SiteMarketOptions {
  readonly demo: boolean;
  readonly now: () => Date;
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
 * The rules of the site's market. PSX's price band and closing rule always;
 * the demo follows PSX's calendar for its status line but trades around the
 * clock (so its ticker moves at night), and a market that does not keep
 * sessions has no session halt. A site fed by a real
 * feed has no calendar until the desk sets one: its feed decides when it trades.
 */
export function siteMarketRules(options: Pick<SiteMarketOptions, 'demo'>): MarketRules {
  const always = { priceBand: PSX_PRICE_BAND, haltRule: null, closingRule: LAST_TRADE_CLOSE };
  return options.demo ? { ...always, calendar: PSX_CALENDAR, enforceSessions: false } : always;
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
}

/** The site's market as its log left it. */
export function loadSiteMarket(load: SiteMarketLoad): Promise<LoadedMarket> {
  return loadMarket({
    log: load.log,
    createMarket: load.site.createMarket,
    initial: load.initial ?? load.site.createMarket,
    pinInitial: load.pinInitial ?? false,
    ...(load.upTo === undefined ? {} : { upTo: load.upTo }),
  });
}
