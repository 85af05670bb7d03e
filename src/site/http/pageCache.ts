import type { PiecedBody } from '../../http/piecedBody.js';
import { type CompressionEffort, type PreparedResponse, prepareResponse } from '../../http/preparedResponse.js';

/**
 * A body other than an HTML page, cached the same way: feeds and sitemaps, with
 * their own type, CDN lifetime and Last-Modified.
 */
export interface Representation {
  readonly contentType: string;
  readonly cacheControl: string;
  readonly lastModified?: Date;
}

/** What producing a page can come to; only `page` is cached. */
export type PageOutcome =
  | {
      readonly kind: 'page';
      /** The whole text, or its parts when it shows fragments shared with other pages (see renderPieced). */
      readonly html: string | PiecedBody;
      readonly representation?: Representation;
    }
  | { readonly kind: 'redirect'; readonly location: string; readonly status: 301 | 302 }
  | { readonly kind: 'notFound' }
  /** Gone for good (a killed story): 410 with this page's title and message. */
  | { readonly kind: 'gone'; readonly title: string; readonly message: string }
  | { readonly kind: 'badRequest'; readonly message: string };

/** A produced outcome, with the page already prepared for sending. */
export type ServedOutcome =
  | { readonly kind: 'page'; readonly prepared: PreparedResponse }
  | Exclude<PageOutcome, { kind: 'page' }>;

export type PageProducer = () => Promise<PageOutcome>;

export const PAGE_CACHE_CONTROL = 'public, max-age=0, s-maxage=5, stale-while-revalidate=30';
const HTML = 'text/html; charset=utf-8';

export interface PageCacheOptions {
  /** A page is never re-rendered more often than this, however fast the market moves. */
  readonly minRenderIntervalMs: number;
  /** A page is re-rendered after this long even if the market is still, to pick up new stories and comments. */
  readonly maxAgeMs: number;
  readonly maxEntries: number;
  /**
   * Renders of a page before one is kept: 1 keeps every page; 2 keeps a page only when it is asked for again
   * while its first render is remembered (`maxEntries` × 4 keys back). On an archive's long tail most pages are
   * asked for once (crawlers, shared links): each kept page lived a few seconds, long enough to be moved to the
   * old generation, and collecting them there paused the process for 10–30 ms every 2–3 seconds under load.
   */
  readonly admitAfterRenders: 1 | 2;
  /** Market snapshot version the pages should show. */
  readonly currentVersion: () => number;
  readonly clock: () => number;
  readonly onRefreshError: (key: string, error: unknown) => void;
}

interface Entry {
  prepared: PreparedResponse;
  renderedAt: number;
  version: number;
  refreshing: boolean;
  readonly producer: PageProducer;
}

/**
 * Rendered pages keyed by what they show (not by raw URL, so junk query
 * strings cannot flood it). A stale page is still served while one background
 * render replaces it: the ticker on a page may lag by a second under load,
 * and the ticker island corrects it in the browser.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<ServedOutcome>>();
  /** The current render of each key; an invalidation takes it away so a render of old content is not kept. */
  private readonly renderTickets = new Map<string, object>();
  /** Keys rendered once and not kept, oldest first (with `admitAfterRenders: 2`). */
  private readonly renderedOnce = new Set<string>();
  /** Requests answered from the cache and those that had to wait for a render; read by the metrics. */
  readonly served = { hits: 0, misses: 0 };

  constructor(private readonly options: PageCacheOptions) {}

  /** The cached page, if any. Starts a background refresh when it has gone stale. */
  lookup(key: string): PreparedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (!entry.refreshing && this.isStale(entry)) this.refresh(key, entry);
    return entry.prepared;
  }

  /** Produces a page that is not cached; concurrent callers for one key share one render. */
  produce(key: string, producer: PageProducer): Promise<ServedOutcome> {
    const pending = this.inFlight.get(key);
    if (pending !== undefined) return pending;
    const ticket = {};
    this.renderTickets.set(key, ticket);
    const promise: Promise<ServedOutcome> = this.render(key, producer, ticket).finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
      if (this.renderTickets.get(key) === ticket) this.renderTickets.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Drops every page, e.g. after an editor changed something readers must see now. */
  clear(): void {
    this.invalidateWhere(() => true);
  }

  /** Drops these pages; the next request for one renders it afresh. Returns how many were cached. */
  invalidate(keys: Iterable<string>): number {
    const wanted = new Set(keys);
    return this.invalidateWhere((key) => wanted.has(key));
  }

  /**
   * Drops every page whose key matches. A render already under way for such a
   * key started from the old content: it still answers its own request but is
   * not kept, and the next request starts a fresh one.
   */
  invalidateWhere(matches: (key: string) => boolean): number {
    let dropped = 0;
    for (const key of [...this.entries.keys()]) {
      if (!matches(key)) continue;
      this.entries.delete(key);
      dropped += 1;
    }
    for (const key of [...this.inFlight.keys()]) {
      if (!matches(key)) continue;
      this.inFlight.delete(key);
      this.renderTickets.delete(key);
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }

  private isStale(entry: Entry): boolean {
    const age = this.options.clock() - entry.renderedAt;
    if (age < this.options.minRenderIntervalMs) return false;
    return entry.version !== this.options.currentVersion() || age >= this.options.maxAgeMs;
  }

  private async render(key: string, producer: PageProducer, ticket: object): Promise<ServedOutcome> {
    const version = this.options.currentVersion();
    const renderedAt = this.options.clock();
    const outcome = await producer();
    if (outcome.kind !== 'page') return outcome;
    // Rendered for a request that found nothing cached: on an archive's long tail, likely the only one.
    const prepared = await prepareOutcome(outcome, 'light');
    if (this.renderTickets.get(key) === ticket && this.admits(key)) {
      this.store(key, { prepared, renderedAt, version, refreshing: false, producer });
    }
    return { kind: 'page', prepared };
  }

  private refresh(key: string, entry: Entry): void {
    entry.refreshing = true;
    const version = this.options.currentVersion();
    const renderedAt = this.options.clock();
    entry
      .producer()
      .then(async (outcome) => {
        // The page went away (story killed, slug changed): forget it so the next request takes the full path.
        if (outcome.kind !== 'page') {
          this.entries.delete(key);
          return;
        }
        // Asked for again after it went stale, so worth compressing well; done on the thread pool, in the codings
        // the page it replaces was served in, before it is swapped in.
        const prepared = await prepareOutcome(outcome, 'full');
        await prepared.precompress(entry.prepared.compressedCodings());
        // Invalidated while re-rendering: the entry is no longer in the map and the result is from old content.
        if (this.entries.get(key) !== entry) return;
        entry.prepared = prepared;
        entry.renderedAt = renderedAt;
        entry.version = version;
      })
      .catch((error: unknown) => {
        // Keep serving the last good page; try again after the minimum interval.
        entry.renderedAt = renderedAt;
        this.options.onRefreshError(key, error);
      })
      .finally(() => {
        entry.refreshing = false;
      });
  }

  /** Whether a page just rendered from cold is kept; with a second render required, remembers the first. */
  private admits(key: string): boolean {
    if (this.options.admitAfterRenders === 1 || this.renderedOnce.delete(key)) return true;
    if (this.renderedOnce.size >= this.options.maxEntries * 4) {
      const oldest = this.renderedOnce.values().next();
      if (!oldest.done) this.renderedOnce.delete(oldest.value);
    }
    this.renderedOnce.add(key);
    return false;
  }

  private store(key: string, entry: Entry): void {
    if (!this.entries.has(key) && this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }
}

function prepareOutcome(
  outcome: Extract<PageOutcome, { kind: 'page' }>,
  effort: CompressionEffort,
): Promise<PreparedResponse> {
  return outcome.representation === undefined
    ? prepareHtml(outcome.html, effort)
    : prepareResponse(outcome.html, { ...outcome.representation, effort });
}

export function prepareHtml(html: string | PiecedBody, effort: CompressionEffort = 'full'): Promise<PreparedResponse> {
  return prepareResponse(html, { contentType: HTML, cacheControl: PAGE_CACHE_CONTROL, effort });
}
