import type { Kysely } from 'kysely';
import type { Bus } from '../../bus/bus.js';
import type { MarketDeskDeps } from '../../desk/market/marketDeskDeps.js';
import type { LoginThrottlePolicy } from '../../news/loginThrottle.js';
import type { SiteContext } from '../../site/siteContext.js';
import type { AccountsTables } from '../../store/accounts/accountsTables.js';
import type { SessionPolicy } from '../../store/accounts/sessions.js';
import type { Database } from '../../store/database.js';
import type { SecureCookies } from '../newsroomDeps.js';

/** What every admin route module is given: the site's services plus the newsroom's own. */
export interface AdminContext {
  /** The reader site's context: `site.deps.store` (NewsStore), `market`, `bus`, `logger`, `now`. */
  readonly site: SiteContext;
  /** Where every change readers must see is announced; the reader site's pages listen. */
  readonly bus: Bus;
  /** The store's connection, for tables the NewsStore interface does not cover. */
  readonly db: Kysely<Database>;
  /** The same connection seen through the accounts, sessions and audit_log tables. */
  readonly accounts: Kysely<AccountsTables>;
  readonly sessionPolicy: SessionPolicy;
  readonly secureCookies: SecureCookies;
  /** How failed sign-ins slow further tries; the counts are in the store. */
  readonly loginThrottle: LoginThrottlePolicy;
  readonly now: () => Date;
  /** The live market and its recorder (src/newsroom/market/); undefined on a site without one. */
  readonly marketDesk: MarketDeskDeps | undefined;
}
