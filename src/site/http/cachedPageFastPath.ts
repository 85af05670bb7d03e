import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Coding, chooseCoding, isNotModified, type PreparedResponse } from '../../http/preparedResponse.js';
import type { PageCache } from './pageCache.js';

type Headers = Readonly<Record<string, string>>;

export interface CachedPageFastPathOptions {
  readonly pages: PageCache;
  /** Headers every response carries (security policy), merged into each cached page's headers once. */
  readonly extraHeaders: Headers;
  /** Bound on remembered URLs, so a crawler walking many addresses cannot grow it without limit. */
  readonly maxUrls?: number;
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
  private readonly headers = new WeakMap<PreparedResponse, Record<Coding, Headers>>();
  private readonly maxUrls: number;

  constructor(private readonly options: CachedPageFastPathOptions) {
    this.maxUrls = options.maxUrls ?? 20_000;
  }

  /** Called by a route that has just served `key` for `url` with a 200. Only plain paths are remembered. */
  remember(url: string, key: string): void {
    if (url.includes('?') || this.urls.get(url) === key) return;
    if (this.urls.size >= this.maxUrls) this.urls.clear();
    this.urls.set(url, key);
  }

  /** Answers the request and returns true when the page is cached; otherwise leaves it to the router. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || request.url === undefined) return false;
    const key = this.urls.get(request.url);
    if (key === undefined) return false;
    // lookup() also starts the background re-render of a stale page, exactly as the route would.
    const prepared = this.options.pages.lookup(key);
    if (prepared === undefined) {
      this.urls.delete(request.url);
      return false;
    }
    this.options.pages.served.hits += 1;
    const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = request.headers;
    if (isNotModified(ifNoneMatch, ifModifiedSince, prepared)) {
      response.writeHead(304, { ...this.options.extraHeaders, ...prepared.notModifiedHeaders });
      response.end();
      return true;
    }
    const coding = chooseCoding(request.headers['accept-encoding']);
    response.writeHead(200, this.headersFor(prepared)[coding]);
    response.end(prepared.bodies[coding]);
    return true;
  }

  /** Every header of each coding's response, built once per cached page so a hit allocates nothing. */
  private headersFor(prepared: PreparedResponse): Record<Coding, Headers> {
    let merged = this.headers.get(prepared);
    if (merged === undefined) {
      const extra = this.options.extraHeaders;
      const complete = (coding: Coding): Headers => ({
        ...extra,
        ...prepared.headers[coding],
        'content-length': String(prepared.bodies[coding].length),
      });
      merged = { br: complete('br'), gzip: complete('gzip'), identity: complete('identity') };
      this.headers.set(prepared, merged);
    }
    return merged;
  }
}
