import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../bus/bus.js';
import type { MarketReader } from '../market/marketSnapshot.js';
import type { NewsStore } from '../store/newsStore.js';

/** What the web server is built from; wired once at boot in src/app.ts. */
export interface WebDeps {
  readonly store: NewsStore;
  readonly market: MarketReader;
  readonly bus: Bus;
  readonly logger: FastifyBaseLogger;
  /** Comments a single address may post per minute; 0 switches the limit off (load tests). */
  readonly commentRateLimitPerMinute: number;
  /** The clock, injectable so tests can pin "today". */
  readonly now: () => Date;
}
