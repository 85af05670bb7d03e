import type { Kysely } from 'kysely';
import type { MarketDeskDeps } from '../desk/market/marketDeskDeps.js';
import type { LoginThrottlePolicy } from '../news/loginThrottle.js';
import type { SessionPolicy } from '../store/accounts/sessions.js';
import type { Database } from '../store/database.js';

/**
 * When cookies carry `Secure`: `auto` when the request came over HTTPS (behind
 * a proxy, list it in --trusted-proxy so its X-Forwarded-Proto counts), or always, or never.
 */
export type SecureCookies = 'auto' | 'always' | 'never';

/** What the newsroom needs beyond the reader site's dependencies; wired once in src/app.ts. */
export interface AdminDeps {
  /** The store's connection: accounts, sessions, audit log, API tokens. */
  readonly db: Kysely<Database>;
  readonly sessionPolicy?: SessionPolicy;
  readonly loginThrottle?: LoginThrottlePolicy;
  readonly secureCookies?: SecureCookies;
  /** The live market and its recorder, for the market desk; without it the desk answers 503. */
  readonly marketDesk?: MarketDeskDeps;
}
