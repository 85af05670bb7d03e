import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Coding, chooseCoding, isNotModified, type PreparedResponse } from '../../http/preparedResponse.js';
import type { OriginReader } from '../../http/requestOrigin.js';
import type { PageCache } from './pageCache.js';

type Headers = Readonly<Record<string, string>>;

export interface CachedPageFastPathOptions {
  readonly pages: PageCache;
  /** Headers every response carries (security policy), merged into each cached page's headers once. */
  readonly extraHeaders: Headers;
  /** Bound on remembered URLs, so a crawler walking many addresses cannot grow it without limit. */
  readonly maxUrls?: number;
  /**
   * Set when pages carry the origin the request asked for (no `--public-url`):
   * URLs are then remembered per origin, so a page made for one host is never
   * answered to a request for another.
   */
  readonly originOf?: OriginReader;
  /** Told of every page answered here by its key (the read counter). */
  readonly onServed?: (key: string) => void;
}

/**
 * Serves a page that is already in the page cache straight from Node's HTTP
 * server, before routing, validation and the request logger. A cached article
 * costs what a static file server costs; everything else (misses, stale
 * pages' refresh, redirects, errors) still goes through the Fastify routes,
 * which tell this path which URL showed which cached page.
 */
export class CachedPageFastPath {
  private readonly urls = new Map<string, string>();
  private readonly headers = new WeakMap<PreparedResponse, Partial<Record<Coding, Headers>>>();
  private readonly maxUrls: number;

  constructor(private readonly options: CachedPageFastPathOptions) {
    this.maxUrls = options.maxUrls ?? 20_000;
  }

  /** Called by a route that has just served `key` for this request with a 200. Only plain paths are remembered. */
  remember(request: IncomingMessage, key: string): void {
    const url = this.addressOf(request);
    if (url === undefined || url.includes('?') || this.urls.get(url) === key) return;
    if (this.urls.size >= this.maxUrls) this.urls.clear();
    this.urls.set(url, key);
  }

  /** Answers the request and returns true when the page is cached; otherwise leaves it to the router. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET') return false;
    const url = this.addressOf(request);
    if (url === undefined) return false;
    const key = this.urls.get(url);
    if (key === undefined) return false;
    // lookup() also starts the background re-render of a stale page, exactly as the route would.
    const prepared = this.options.pages.lookup(key);
    if (prepared === undefined) {
      this.urls.delete(url);
      return false;
    }
    this.options.pages.served.hits += 1;
    this.options.onServed?.(key);
    const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = request.headers;
    if (isNotModified(ifNoneMatch, ifModifiedSince, prepared)) {
      response.writeHead(304, { ...this.options.extraHeaders, ...prepared.notModifiedHeaders });
      response.end();
      return true;
    }
    const coding = chooseCoding(request.headers['accept-encoding'], prepared.preferred);
    response.writeHead(200, this.headersFor(prepared, coding));
    response.end(prepared.body(coding));
    return true;
  }

  /** The remembered form of a request's address: its path, after its origin when pages depend on it. */
  private addressOf(request: IncomingMessage): string | undefined {
    const { url } = request;
    if (url === undefined || this.options.originOf === undefined) return url;
    // A space cannot occur in either part, so two different pairs never join into one string.
    return `${this.options.originOf(request) ?? ''} ${url}`;
  }

  /**
   * Every header of a coding's response, built once per cached page and coding so a hit allocates nothing;
   * only for the codings asked for, since a body is compressed when its coding is first wanted.
   */
  private headersFor(prepared: PreparedResponse, coding: Coding): Headers {
    let merged = this.headers.get(prepared);
    if (merged === undefined) {
      merged = {};
      this.headers.set(prepared, merged);
    }
    let complete = merged[coding];
    if (complete === undefined) {
      complete = {
        ...this.options.extraHeaders,
        ...prepared.headers[coding],
        'content-length': String(prepared.body(coding).length),
      };
      merged[coding] = complete;
    }
    return complete;
  }
}
