import type { FastifyBaseLogger } from 'fastify';
import type { Bus } from '../bus/bus.js';
import type { WindowCounter } from '../bus/windowCounter.js';
import type { MarketRecorder } from '../engine/marketRecorder.js';
import type { MarketReader } from '../market/book/marketSnapshot.js';
import type { ApiRole } from '../store/accounts/apiTokens.js';
import type { NewsStore } from '../store/articles/newsStore.js';
import type { FrontPageStore } from '../store/frontPage/frontPageStore.js';
import type { MediaLibrary } from '../store/media/mediaLibrary.js';
import type { MarketPagesDeps } from './markets/marketPagesDeps.js';

/** What the web server is built from; wired once at boot in src/app.ts. */
export interface WebDeps {
  readonly store: NewsStore;
  readonly market: MarketReader;
  readonly bus: Bus;
  readonly logger: FastifyBaseLogger;
  /** Comments a single address may post per minute; 0 switches the limit off (load tests). */
  readonly commentRateLimitPerMinute: number;
  /** Where the nodes of a scaled-out site count rate limits together (Redis); absent: each node counts alone. */
  readonly sharedCounter?: WindowCounter;
  /** Origin readers reach the site at (`https://example.com`), for absolute canonical links; null: links stay relative. */
  readonly publicUrl?: string | null;
  /** The clock, injectable so tests can pin "today". */
  readonly now: () => Date;
  /** The authenticated push API's needs; without it the push routes answer 503. */
  readonly marketFeed?: MarketFeedDeps;
  /** The media library: newsroom uploads and the `/media/{id}/{width}.{ext}` files; without it neither is served. */
  readonly media?: MediaLibrary;
  /** Featured pictures, front-page pins and read counts; without it pages show no pictures, no pins, no most read. */
  readonly frontPage?: FrontPageStore;
  /** Instruments, index members, FX and daily history for the stock, index and currency pages; without it they show the snapshot alone. */
  readonly marketPages?: MarketPagesDeps;
  /** Child processes that hold the market-stream sockets (`--stream-workers`); 0 or absent: this process. */
  readonly streamWorkers?: number;
  /** A stream worker that answers no ping for this long is killed and started again (15 s when absent). */
  readonly streamWorkerHangTimeoutMs?: number;
  /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For/-Proto set request.ip and request.protocol; none when absent. */
  readonly trustedProxies?: readonly string[];
  /** Told of every answered request, for the metrics: route pattern (or what answered it), method, status, seconds. */
  readonly observeRequest?: RequestObserver;
}

export type RequestObserver = (route: string, method: string, status: number, seconds: number) => void;

/** What the market push API writes through and checks tokens with. */
export interface MarketFeedDeps {
  readonly recorder: MarketRecorder;
  /** The role of a live API token, or null for an unknown or revoked one. */
  roleOfToken(token: string): Promise<ApiRole | null>;
}
