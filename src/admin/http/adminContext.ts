import type { Kysely } from 'kysely';
import type { AccountsTables } from '../../store/accountsTables.js';
import type { Database } from '../../store/database.js';
import type { SessionPolicy } from '../../store/sessions.js';
import type { SiteContext } from '../../web/siteContext.js';
import type { SecureCookies } from '../adminDeps.js';
import type { LoginThrottlePolicy } from '../loginThrottle.js';
import type { MarketDeskDeps } from '../market/marketDeskDeps.js';

/** What every admin route module is given: the site's services plus the newsroom's own. */
export interface AdminContext {
  /** The reader site's context: `site.deps.store` (NewsStore), `market`, `bus`, `logger`, `now`. */
  readonly site: SiteContext;
  /** The store's connection, for tables the NewsStore interface does not cover. */
  readonly db: Kysely<Database>;
  /** The same connection seen through the accounts, sessions and audit_log tables. */
  readonly accounts: Kysely<AccountsTables>;
  readonly sessionPolicy: SessionPolicy;
  readonly secureCookies: SecureCookies;
  /** How failed sign-ins slow further tries; the counts are in the store. */
  readonly loginThrottle: LoginThrottlePolicy;
  readonly now: () => Date;
  /** The live market and its recorder (src/admin/market/); undefined on a site without one. */
  readonly marketDesk: MarketDeskDeps | undefined;
}
