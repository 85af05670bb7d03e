import { createServer } from 'node:http';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, LogController } from 'fastify';
import { RETRY_AFTER_SECONDS, sendApiError } from '../http/apiError.js';
import { CONNECTION_LIMITS, containedListener } from '../http/containedListener.js';
import { refuseContentCodings } from '../http/contentEncoding.js';
import { issueField, plainRequestProblem } from '../http/plainRequestProblem.js';
import { drainRefusedBodies } from '../http/refusedBodyDrain.js';
import { createOriginReader } from '../http/requestOrigin.js';
import { answerClientError, refuseLongTarget } from '../http/requestTarget.js';
import { SECURITY_HEADERS } from '../http/securityHeaders.js';
import { StreamConnections } from '../http/streamConnections.js';
import { useStrictJsonBodies } from '../http/strictJsonBody.js';
import type { Service } from '../shared/service.js';
import { isDatabaseUnavailable } from '../store/databaseUnavailable.js';
import { loadSiteAssets } from './assets/siteAssets.js';
import type { PageChrome } from './components/Layout.js';
import { CachedPageFastPath } from './http/cachedPageFastPath.js';
import { createCommentRateLimiter } from './http/commentRateLimiter.js';
import { MarketVersion } from './http/marketVersion.js';
import { PageCache } from './http/pageCache.js';
import { pageInvalidation } from './http/pageInvalidation.js';
import { ReadCounter } from './http/readCounter.js';
import { SharedReads } from './http/sharedReads.js';
import { IntradayRecorder } from './markets/intradayRecorder.js';
import { registerArchiveRoutes } from './routes/archiveRoutes.js';
import { registerArticleRoutes } from './routes/articleRoutes.js';
import { registerAssetRoutes } from './routes/assetRoutes.js';
import { registerCommentApiRoutes } from './routes/commentApiRoutes.js';
import { registerFeedRoutes } from './routes/feedRoutes.js';
import { registerIndexListRoutes } from './routes/indexListRoutes.js';
import { registerListRoutes } from './routes/listRoutes.js';
import { registerMarketApiRoutes } from './routes/marketApiRoutes.js';
import { registerMarketFeedRoutes } from './routes/marketFeedRoutes.js';
import { registerMarketPageRoutes } from './routes/marketPageRoutes.js';
import { registerMarketStreamRoutes } from './routes/marketStreamRoutes.js';
import { registerMediaRoutes } from './routes/mediaRoutes.js';
import { sendErrorPage, sendNotFoundPage } from './routes/pageResponses.js';
import { registerPrintRoutes } from './routes/printRoutes.js';
import { registerSearchRoutes } from './routes/searchRoutes.js';
import { registerShareImageRoutes } from './routes/shareImageRoutes.js';
import { registerSitemapRoutes } from './routes/sitemapRoutes.js';
import { createChromeLoader, type SiteContext } from './siteContext.js';
import type { WebDeps } from './siteDeps.js';
import { MarketStreamFastPath } from './stream/marketStreamFastPath.js';
import { MarketStreamHub, type StreamLimits } from './stream/marketStreamHub.js';
import { StreamWorkerPool } from './stream/streamWorkerPool.js';

/** Knobs with sensible defaults; tests shorten the page lifetime. */
export interface ServerOptions {
  /** A cached page is re-rendered after this long even if the market is still (default 5 s, as s-maxage). */
  readonly pageMaxAgeMs?: number;
  /** Project root holding public/build and src/site/styles; found from this file by default. */
  readonly assetsRoot?: string;
  /** Pacing and slow-client limits of the market stream; tests tighten them. */
  readonly stream?: Partial<StreamLimits>;
}

// However fast the market ticks, a page is rendered at most once a second; the island keeps the ticker live between.
const MIN_RENDER_INTERVAL_MS = 1000;
/**
 * Pages kept a process. A site's hot set (home, sections, market pages, the day's stories) is far smaller; each
 * kept page outlives a young-generation collection, so on an archive's long tail a fuller cache was more old
 * generation to collect: with 5,000, two workers ran a full collection every ~2.7 s (40–77 ms pauses); with 1,000,
 * 60-second runs of random cold pages gave 3,435–3,465 req/s, p99 49–54 ms, against 3,206–3,304, p99 66–74
 * (bench/RESULTS.md, 2026-12-06).
 */
const MAX_CACHED_PAGES = 1000;
/** How often each process adds the story reads it counted to the database. */
const READ_FLUSH_MS = 5000;

/** The reader site on its Fastify instance, with the background work that keeps its pages current. */
export interface Site {
  /** The one HTTP server: the site's routes are on it; src/app.ts mounts the newsroom and listens. */
  readonly server: FastifyInstance;
  /**
   * In start order, for src/app.ts to start before listening and stop after:
   * the market version pages are compared with, page invalidation, the
   * intraday recorder, the read counter, stream workers (when configured), the market stream.
   */
  readonly services: readonly Service[];
  /** Ticker, masthead and navigation for a page rendered now; the newsroom's article preview uses it too. */
  chrome(): Promise<PageChrome>;
  /** The newsroom's story editor script, built with the site's assets (null when it could not be built). */
  readonly editorScriptUrl: string | null;
  /** What the metrics read when scraped: page-cache hits and misses so far, market-stream clients now. */
  counters(): SiteCounters;
}

export interface SiteCounters {
  readonly pageCacheHits: number;
  readonly pageCacheMisses: number;
  readonly streamClients: number;
}

/** The reader's website and public JSON API. Nothing runs until its services are started. */
export async function buildSite(deps: WebDeps, options: ServerOptions = {}): Promise<Site> {
  // Cached pages are answered before Fastify routes the request (see CachedPageFastPath); set once the cache exists.
  let fastPath: CachedPageFastPath | null = null;
  // Market streams likewise (MarketStreamFastPath): a stream keeps only its socket, not Fastify's objects.
  let streamFastPath: MarketStreamFastPath | null = null;
  const observe = deps.observeRequest;
  const streamConnections = new StreamConnections();
  const app = Fastify({
    serverFactory: (handler) =>
      createServer(
        CONNECTION_LIMITS,
        containedListener(
          deps.logger,
          streamConnections,
          observe === undefined
            ? (request, response) => {
                if (refuseLongTarget(request, response)) return;
                if (fastPath?.handle(request, response)) return;
                if (streamFastPath?.handle(request, response)) return;
                handler(request, response);
              }
            : (request, response) => {
                // The fast paths answer outside Fastify, so its onResponse hook never hears of them.
                const started = performance.now();
                if (refuseLongTarget(request, response)) {
                  observe(UNMATCHED_ROUTE, request.method ?? 'GET', 414, (performance.now() - started) / 1000);
                  return;
                }
                if (fastPath?.handle(request, response)) {
                  observe(CACHED_PAGE_ROUTE, 'GET', response.statusCode, (performance.now() - started) / 1000);
                  return;
                }
                if (streamFastPath?.handle(request, response)) {
                  observe(MARKET_STREAM_ROUTE, 'GET', response.statusCode, (performance.now() - started) / 1000);
                  return;
                }
                handler(request, response);
              },
        ),
      ),
    // A head over Node's limit is answered before there is a request; a long request line there is a 414 too.
    clientErrorHandler: answerClientError,
    loggerInstance: deps.logger,
    // A line per request would cost more than serving a cached page does.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    trustProxy: deps.trustedProxies?.length ? [...deps.trustedProxies] : false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const assets = await loadSiteAssets(deps.logger, options.assetsRoot);

  const marketVersion = new MarketVersion(deps.market, deps.bus, MIN_RENDER_INTERVAL_MS);
  const pages = new PageCache({
    minRenderIntervalMs: MIN_RENDER_INTERVAL_MS,
    maxAgeMs: options.pageMaxAgeMs ?? 5000,
    maxEntries: MAX_CACHED_PAGES,
    admitAfterRenders: 2,
    currentVersion: () => marketVersion.current(),
    clock: Date.now,
    onRefreshError: (key, error) =>
      deps.logger.error({ err: error, key }, 'page re-render failed; serving the last one'),
  });

  // Without --public-url, absolute links follow the host each request asked for (docs/adr/0001, "Absolute URLs").
  const readOrigin = createOriginReader(deps.trustedProxies ?? []);
  const publicUrl = deps.publicUrl ?? null;
  const readCounter =
    deps.frontPage === undefined
      ? null
      : new ReadCounter(deps.frontPage, {
          now: deps.now,
          flushEveryMs: READ_FLUSH_MS,
          onError: (error) => deps.logger.warn({ err: error }, 'story read counts not saved'),
        });
  const pageServed = readCounter === null ? undefined : (key: string) => readCounter.pageServed(key);
  fastPath = new CachedPageFastPath({
    pages,
    extraHeaders: SECURITY_HEADERS,
    ...(publicUrl === null ? { originOf: readOrigin } : {}),
    ...(pageServed === undefined ? {} : { onServed: pageServed }),
  });
  const shared = new SharedReads(() => deps.now().getTime());
  const site: SiteContext = {
    deps,
    pages,
    shared,
    fastPath,
    assets,
    commentLimiter: createCommentRateLimiter({
      perMinute: deps.commentRateLimitPerMinute,
      clock: () => deps.now().getTime(),
      ...(deps.sharedCounter !== undefined ? { shared: deps.sharedCounter } : {}),
      onSharedCounter: (state, error) =>
        state === 'lost'
          ? deps.logger.warn({ err: error }, 'shared rate-limit counter unreachable; this node counts comments alone')
          : deps.logger.info('shared rate-limit counter reachable again'),
    }),
    chrome: createChromeLoader(deps, assets, shared),
    ...(pageServed === undefined ? {} : { pageServed }),
    origin: (request) => publicUrl ?? readOrigin(request.raw),
  };

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  refuseContentCodings(app);
  drainRefusedBodies(app);
  if (observe !== undefined) {
    app.addHook('onResponse', (request, reply, done) => {
      // The route's pattern, never the raw URL: junk addresses must not grow the metrics without bound.
      observe(request.routeOptions.url ?? UNMATCHED_ROUTE, request.method, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }

  // Routes take the error handler in force when they are registered, so it is set before any route.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const clientError = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
    if (!clientError && isDatabaseUnavailable(error)) {
      request.log.warn({ err: error, url: request.url }, 'database unavailable');
      if (isApi(request.url)) {
        return sendApiError(reply, 503, 'The database is not answering; nothing was changed. Try again shortly.');
      }
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendErrorPage(
        site,
        reply,
        503,
        'Temporarily unavailable',
        'We could not reach our database. Nothing was changed; please try again in a moment.',
      );
    }
    const status = clientError ? (error.statusCode ?? 400) : 500;
    if (!clientError) request.log.error({ err: error, url: request.url }, 'request failed');
    if (isApi(request.url)) {
      const details = error.validation?.map((issue) => ({
        field: issueField(issue) || 'request',
        message: issue.message ?? 'is not valid',
      }));
      return sendApiError(reply, status, clientError ? error.message : 'Something went wrong on our side.', details);
    }
    if (status === 404) return sendNotFoundPage(site, request, reply);
    // Never echo internals into a page: a client error is told in a reader's words, a server error not at all.
    if (clientError) {
      const problem = plainRequestProblem({ method: request.method, code: error.code, validation: error.validation });
      return sendErrorPage(site, reply, status, problem.title, problem.message);
    }
    return sendErrorPage(
      site,
      reply,
      500,
      'Something went wrong',
      'We could not show this page. Please try again in a moment.',
    );
  });

  useStrictJsonBodies(app);
  await app.register(formbody);

  registerListRoutes(app, site);
  registerIndexListRoutes(app, site);
  registerArticleRoutes(app, site);
  registerPrintRoutes(app, site);
  registerSearchRoutes(app, site);
  registerArchiveRoutes(app, site);
  registerFeedRoutes(app, site);
  registerSitemapRoutes(app, site);
  const intraday = new IntradayRecorder(deps.market, deps.bus, deps.marketPages?.intraday);
  registerMarketPageRoutes(app, site, intraday);
  registerMarketApiRoutes(app, site);
  registerMarketFeedRoutes(app, site);
  const streamWorkers =
    (deps.streamWorkers ?? 0) > 0
      ? new StreamWorkerPool({
          count: deps.streamWorkers ?? 0,
          market: deps.market,
          bus: deps.bus,
          limits: options.stream ?? {},
          extraHeaders: SECURITY_HEADERS,
          logger: deps.logger,
          ...(deps.streamWorkerHangTimeoutMs === undefined ? {} : { hangTimeoutMs: deps.streamWorkerHangTimeoutMs }),
        })
      : undefined;
  const marketStream = new MarketStreamHub({
    market: deps.market,
    bus: deps.bus,
    limits: options.stream ?? {},
    onDrop: (reason, pendingBytes) => deps.logger.warn({ reason, pendingBytes }, 'market stream client dropped'),
  });
  registerMarketStreamRoutes(app, site, { hub: marketStream, connections: streamConnections, workers: streamWorkers });
  streamFastPath = new MarketStreamFastPath({
    hub: marketStream,
    market: deps.market,
    connections: streamConnections,
    extraHeaders: SECURITY_HEADERS,
    ...(streamWorkers === undefined ? {} : { workers: streamWorkers }),
  });
  // preClose runs before the HTTP server stops listening and waits for open
  // connections; an event stream never finishes by itself, so it is ended here.
  app.addHook('preClose', async () => marketStream.endStreams());
  registerCommentApiRoutes(app, site);
  registerAssetRoutes(app, site);
  registerMediaRoutes(app, site);
  registerShareImageRoutes(app, site);

  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request.url))
      return sendApiError(reply, 404, `No API route ${request.method} ${request.url.split('?')[0]}.`);
    return sendNotFoundPage(site, request, reply);
  });

  const services: Service[] = [marketVersion, pageInvalidation(deps.bus, pages, shared), intraday];
  if (readCounter !== null) services.push(readCounter);
  if (streamWorkers !== undefined) {
    services.push({ name: 'stream workers', start: () => streamWorkers.start(), stop: () => streamWorkers.close() });
  }
  services.push({ name: 'market stream', start: () => marketStream.start(), stop: () => marketStream.close() });
  return {
    server: app,
    services,
    chrome: site.chrome,
    editorScriptUrl: assets.editorScriptUrl,
    counters: () => ({
      pageCacheHits: pages.served.hits,
      pageCacheMisses: pages.served.misses,
      streamClients: marketStream.stats().clients + (streamWorkers?.stats()?.clients ?? 0),
    }),
  };
}

/** How the metrics name requests answered before routing, and requests no route matched. */
const CACHED_PAGE_ROUTE = '(cached page)';
const MARKET_STREAM_ROUTE = '(market stream)';
const UNMATCHED_ROUTE = '(unmatched)';

function isApi(url: string): boolean {
  return url.startsWith('/api/');
}
