import { randomInt } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Bus } from './bus/bus.js';
import { articleChanged } from './bus/contentChange.js';
import { createInProcessBus } from './bus/inProcessBus.js';
import { createRedisBus, type RedisBus } from './bus/redisBus.js';
import { createRedisWindowCounter } from './bus/redisWindowCounter.js';
import type { ClusterMember } from './cluster/clusterMember.js';
import type { ServeConfig } from './config.js';
import { createDemoMarket } from './demo/market/demoMarket.js';
import { seedDemoSite } from './demo/seedDemoSite.js';
import { createSmtpLinkMailer } from './desk/accounts/linkMailer.js';
import { ArticleDesk } from './desk/articles/articleDesk.js';
import { createScheduledPublisher, type ScheduledPublisher } from './desk/articles/scheduledPublisher.js';
import { wireDropFolder } from './desk/wire/wireDropFolder.js';
import { tallyOutcomes } from './desk/wire/wireIngest.js';
import { leasedAuthority, type MarketAuthority, singleEngine } from './engine/marketAuthority.js';
import { createMarketClock } from './engine/marketClock.js';
import { createMarketRecorder, type MarketRecorder } from './engine/marketRecorder.js';
import { createSimulatorFeed, type SimulatorFeed } from './engine/simulatorFeed.js';
import { loadSiteMarket, siteMarket } from './engine/siteMarket.js';
import { listenOwnPort, type OwnListener } from './http/ownListener.js';
import { sharedWireParserThread } from './ingest/wire/parseInThread.js';
import type { Market } from './market/book/market.js';
import { eventTime } from './market/book/marketEvent.js';
import { versionBase } from './market/book/versionBase.js';
import { IntradayPaths } from './market/quotes/intradayPaths.js';
import { adminContextOf } from './newsroom/http/adminContext.js';
import { adminPlugin } from './newsroom/http/adminPlugin.js';
import { sessionPurge } from './newsroom/http/sessionPurge.js';
import type { NewsroomSettings } from './newsroom/newsroomDeps.js';
import { createSiteMetrics } from './ops/metrics.js';
import { metricsListener } from './ops/metricsListener.js';
import { registerOperationsRoutes } from './ops/operationsRoutes.js';
import { Readiness, type ReadinessCheck } from './ops/readiness.js';
import { type Service, startServices, stoppingOnce, stopServices } from './shared/service.js';
import { registerEngineRoutes } from './site/routes/engineRoutes.js';
import { buildSite, type SiteCounters } from './site/server.js';
import type { MediaLibrary } from './store/media/mediaLibrary.js';
import { type OpenedStore, type OpenStoreOptions, openStore } from './store/openStore.js';
import type { WireInboxStore } from './store/wire/wireInboxStore.js';

/** The running site: every service wired once, with one start and one stop. */
export interface App {
  /**
   * The background services, by name, in the order `start` starts them (`stop`
   * stops them in reverse): the store and the bus (opened while the app is
   * built, since seeding and the market's replay need them), the shared
   * rate-limit counters when the site has Redis, the market authority (the
   * recorder; on PostgreSQL the engine lease, the simulator on the engine, and
   * the following of the engine elsewhere), the scheduled publisher, the
   * session purge, the wire drop folder when `--wire-drop` is set, the simulator when on (SQLite) or else the market clock
   * (the status line through the day's phases),
   * then the reader site's own (market version watch, page invalidation,
   * intraday recorder, read counter, stream workers when on, market stream), the metrics
   * listener when `--metrics-port` is set, and last the HTTP server. Nothing
   * else in the code base starts a timer or a subscription.
   */
  readonly services: readonly string[];
  readonly server: FastifyInstance;
  readonly store: OpenedStore['store'];
  readonly market: Market;
  /** The one way market changes become durable: the push API and the simulator write through it. */
  readonly recorder: MarketRecorder;
  /** Which node is the market engine, and this node's part (the same object as `recorder`). */
  readonly authority: MarketAuthority;
  readonly bus: Bus;
  /** Uploaded pictures: metadata in the database, files where `media.place` says (`--media-store`). */
  readonly media: MediaLibrary;
  /** The wire inbox: agency copy received (docs/wire.md). */
  readonly wire: WireInboxStore;
  /** Publishes scheduled stories when due; started and stopped with the app. */
  readonly scheduledPublisher: ScheduledPublisher;
  readonly logger: Logger;
  /** What `/readyz` asks: the database, the bus, and whatever other parts register. */
  readonly readiness: Readiness;
  /** Adds a check to `/readyz` (the engine lease, say); a failing one makes the process answer 503. */
  registerReadinessCheck(name: string, check: ReadinessCheck): () => void;
  /** Readiness answers 503 from now on (SIGTERM); everything keeps serving until `stop`. */
  beginDrain(): void;
  /** Starts every service in order, listening last; resolves with the address served. */
  start(): Promise<string>;
  /** A worker of `--workers N`: the port of its own, where it alone answers (null: not a worker, or not started). */
  ownAddress(): string | null;
  /**
   * Stops every service in reverse order: the HTTP server first (no new
   * requests, in-flight ones finish, streams end), the database last. Safe
   * to call twice, and after a start that failed.
   */
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Newsroom knobs (session lifetime, login throttle, Secure cookies); defaults suit production. */
  readonly admin?: NewsroomSettings;
  /** Where uploaded pictures are kept; default `media/` beside the SQLite file (./data/media), else ./data/media. */
  readonly mediaDir?: string;
  /** How often scheduled stories are checked for (default 5 s); a start always checks at once. */
  readonly scheduledPublishIntervalMs?: number;
  /**
   * This process is a worker of `serve --workers N` (docs/adr/0009): without
   * Redis its bus and comment counts go through the primary; on SQLite it
   * contends for the primary's engine lease; it answers the engine's internal
   * API on a port of its own.
   */
  readonly clusterMember?: ClusterMember;
}

export async function createApp(config: ServeConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const now = options.now ?? (() => new Date());
  const { operations } = config;
  const opened = await openSiteStore(config, {
    onWriterThreadUnavailable: (error) =>
      logger.warn({ err: error }, 'a writer thread could not start: its writes go on the site connection instead'),
  });
  const { store } = opened;
  const media = mediaOf(opened, config, options.mediaDir);

  // PostgreSQL: processes contend for the engine lease (docs/adr/0006); SQLite's one process is the engine,
  // unless it is one of several workers, which contend for the lease their primary keeps (docs/adr/0009).
  const member = options.clusterMember ?? null;
  const leaseStore = opened.market.lease ?? member?.lease ?? null;
  // The primary's lease ends only with its holder's process, so a plain log is fenced by that.
  const fencedLog =
    opened.market.lease === null ? () => opened.market.log : (epoch: number) => opened.market.fencedLog(epoch);
  // Several nodes starting at once on an empty database take turns here, so each seeds (or not) what it sees.
  // The charts' day so far, drawn while the market is built: the demo's back-filled session, the replayed log.
  const intraday = new IntradayPaths();
  const { loaded, site, demoMarket } = await opened.exclusively(async () => {
    if (config.demo) await seedDemoSite({ opened, media, now: now(), logger });
    // The site's market rules come from the one place the importer reads them too; its state from the log.
    const site = siteMarket({ demo: config.demo, now, feedClockSkewMs: config.feedClockSkewMs });
    const demoMarket = config.demo
      ? () => createDemoMarket(now(), { rules: site.rules, backfillSession: true, intraday })
      : undefined;
    const loaded = await loadSiteMarket({
      log: opened.market.log,
      site,
      // Under a lease only the engine writes, so it pins the demo's first market when it takes over.
      ...(demoMarket === undefined ? {} : { initial: demoMarket, pinInitial: leaseStore === null }),
      onReplayed: (replaying, event) => intraday.observe(replaying, eventTime(event)),
    });
    intraday.take(loaded.market.snapshot());
    return { loaded, site, demoMarket };
  });
  const { log } = opened.market;
  const { createMarket } = site;
  if (loaded.replayed > 0 || loaded.refused > 0) {
    logger.info(
      { checkpoint: loaded.checkpoint, replayed: loaded.replayed, refused: loaded.refused },
      'market log replayed',
    );
  }
  const { market } = loaded;
  // No two processes of the site (workers, nodes, a restart) may hand out the same version as ETags and stream ids.
  market.startVersionsAfter(versionBase(randomInt(2 ** 47) / 2 ** 47));
  // Operations: readiness and metrics, fed by cheap hooks in the parts (src/ops).
  const readiness = new Readiness({
    onChange: (name, report, error) =>
      report.ok
        ? logger.info({ check: name, status: report.status }, 'readiness check passes again')
        : logger.warn({ check: name, status: report.status, err: error }, 'readiness check failing'),
  });
  let siteCounters: (() => SiteCounters) | null = null;
  let redisBus: RedisBus | null = null;
  const metrics = createSiteMetrics({
    counters: () => siteCounters?.() ?? null,
    busConnected: () => redisBus?.connected() ?? null,
    draining: () => readiness.isDraining,
  });
  // Redis when several processes serve one site, so each hears the others' market and story changes.
  // Redis away at start leaves the bus degraded (said in /readyz), not the process down.
  if (config.redisUrl !== null) {
    redisBus = await createRedisBus({
      url: config.redisUrl,
      channelPrefix: operations.redisPrefix,
      logger: logger.child({ component: 'bus' }),
      onDelivered: (topic, lagMs) => metrics.observeBusDelivery(topic, lagMs),
    });
  }
  const workerBus = redisBus === null ? (member?.bus ?? null) : null;
  const bus: Bus = redisBus ?? workerBus ?? createInProcessBus();
  const connectedBus = redisBus;
  readiness.register('database', async () => {
    await opened.ping();
    return { ok: true, status: 'up' };
  });
  readiness.register('bus', () => {
    if (workerBus !== null) {
      return workerBus.connected() ? { ok: true, status: 'primary relays' } : { ok: false, status: 'primary gone' };
    }
    if (connectedBus === null) return { ok: true, status: 'in-process' };
    return connectedBus.connected() ? { ok: true, status: 'connected' } : { ok: false, status: 'degraded' };
  });
  // Rate limits counted together by every node when there is a Redis to count in.
  // Without Redis, the workers of one machine count together in their primary.
  const counters =
    config.redisUrl === null
      ? member === null
        ? null
        : { hit: member.counter.hit, close: async () => undefined }
      : createRedisWindowCounter({
          url: config.redisUrl,
          // The site's Redis prefix without its trailing colon: redisKey joins with one.
          keyPrefix: operations.redisPrefix.replace(/:$/, ''),
          logger: logger.child({ component: 'counters' }),
        });
  const simulatorFeed = (recorder: MarketRecorder) =>
    createSimulatorFeed({
      market,
      bus,
      intervalMs: config.simulatorIntervalMs,
      tradesPerTick: 6,
      seed: Date.now(),
      recorder,
      onError: (error) => logger.warn({ err: error }, 'simulated tick not recorded'),
    });
  const listening = deferred<string>();
  let authority: MarketAuthority;
  let feed: SimulatorFeed | null = null as SimulatorFeed | null;
  if (leaseStore === null) {
    const recorder = createMarketRecorder({
      log,
      market,
      createMarket,
      bus,
      onError: (error) => logger.error({ err: error }, 'market recorder failed a batch'),
      onCommitted: (batch) => metrics.observeCommittedBatch(batch),
      // Without the simulator, which closes each day at midnight, a day closes at the next day's first change.
      ...(config.simulator ? {} : { rollOver: { now } }),
    });
    authority = singleEngine(recorder);
    feed = config.simulator ? simulatorFeed(recorder) : null;
  } else {
    authority = leasedAuthority({
      role: config.role,
      lease: leaseStore,
      log,
      fencedLog,
      market,
      site,
      ...(demoMarket === undefined ? {} : { initial: demoMarket }),
      pinInitial: config.demo,
      bus,
      advertisedUrl: listening.promise,
      leaseMs: config.engineLeaseMs,
      engineWork: (recorder) => {
        if (!config.simulator) return null;
        const engineFeed = simulatorFeed(recorder);
        engineFeed.start();
        return engineFeed;
      },
      onCommitted: (batch) => metrics.observeCommittedBatch(batch),
      ...(config.simulator ? {} : { rollOver: { now } }),
      logger: logger.child({ component: 'market authority' }),
    });
  }
  // A node is ready for market writes only while some engine holds the lease (on SQLite it is the engine).
  readiness.register('engine', () => {
    const status = authority.status();
    return status.engineLive ? { ok: true, status: status.mode } : { ok: false, status: 'no engine holds the lease' };
  });
  // Without the simulator nothing but trades would move the status line through the day's phases; every node
  // under a lease keeps its own, since the simulator runs on the engine only.
  const clock = feed === null ? createMarketClock({ market, bus, now, intervalMs: 1000 }) : null;

  const readerSite = await buildSite({
    publicUrl: config.publicUrl,
    store,
    market,
    bus,
    logger,
    commentRateLimitPerMinute: config.commentRateLimitPerMinute,
    ...(counters === null ? {} : { sharedCounter: counters }),
    streamWorkers: config.streamWorkers,
    streamWorkerHangTimeoutMs: config.workerHangTimeoutMs,
    trustedProxies: config.trustedProxies,
    observeRequest: (route, method, status, seconds) => metrics.observeRequest(route, method, status, seconds),
    now,
    marketFeed: { recorder: authority, roleOfToken: (token) => opened.accounts.roleOfApiToken(token) },
    media,
    frontPage: opened.frontPage,
    marketPages: {
      reference: market,
      history: { dailyBars: (code, fromDate) => opened.market.listBarsSince(code, fromDate) },
      intraday,
    },
  });
  const { server } = readerSite;
  siteCounters = () => readerSite.counters();
  registerOperationsRoutes(server, { readiness, metrics, metricsToken: operations.metricsToken });
  if (member !== null) metrics.shareWithPrimary(member.worker);
  // The newsroom: its own scope with cookies, sessions and CSRF checks, none of which touch the reader site.
  const newsroom = adminContextOf({
    secureCookies: config.secureCookies,
    publicUrl: config.publicUrl,
    linkMailer: config.mail === null ? null : createSmtpLinkMailer(config.mail),
    ...options.admin,
    stores: opened,
    store,
    bus,
    logger,
    now,
    media,
    previewChrome: readerSite.chrome,
    editorScriptUrl: readerSite.editorScriptUrl,
    marketDesk: { market, recorder: authority },
  });
  await server.register(adminPlugin, { admin: newsroom });
  if (leaseStore !== null) registerEngineRoutes(server, authority);
  if (config.role === 'engine') server.addHook('onRequest', engineNodeOnly);

  // The same desk the newsroom uses, so scheduled publication is audited and announced on the bus like any other.
  const scheduledPublisher = createScheduledPublisher({
    desk: new ArticleDesk({
      workflow: opened.workflow,
      audit: opened.audit,
      announce: (change) => bus.publish('content.changed', articleChanged(change)),
      now,
    }),
    intervalMs: options.scheduledPublishIntervalMs ?? 5000,
    onPublished: (ids) => logger.info({ ids }, 'scheduled articles published'),
    onError: (error) => logger.error({ err: error }, 'scheduled publishing check failed'),
  });

  const wireDrop =
    config.wireDropDir === null
      ? null
      : wireDropFolder({
          dir: config.wireDropDir,
          wire: opened.wire,
          parse: (bytes, name) => sharedWireParserThread().parse(bytes, name),
          now,
          // Under a lease only the market engine watches, so two processes never take the same drop.
          isWatcher: () => authority.status().mode === 'engine',
          onFile: (file, outcomes) => logger.info({ file, ...tallyOutcomes(outcomes) }, 'wire file ingested'),
          onError: (error) => logger.error({ err: error }, 'wire drop folder could not be read'),
        });

  let address: string | null = null;
  let ownListener: OwnListener | null = null;
  const services: Service[] = [
    { name: 'store', start: () => undefined, stop: () => opened.close() },
    { name: 'bus', start: () => undefined, stop: () => bus.close() },
    ...(counters === null ? [] : [{ name: 'shared counters', start: () => undefined, stop: () => counters.close() }]),
    // Before the HTTP server, so it stops after it: requests under way still reach the engine, then the lease goes.
    { name: 'market authority', start: () => authority.start(), stop: () => authority.stop() },
    // Catches up first: stories that fell due while the site was down are on it before the first reader arrives.
    { name: 'scheduled publisher', start: () => scheduledPublisher.start(), stop: () => scheduledPublisher.stop() },
    sessionPurge(newsroom),
    ...(wireDrop === null ? [] : [wireDrop]),
    ...(feed === null ? [] : [{ name: 'simulator', start: () => feed.start(), stop: () => feed.stop() }]),
    ...(clock === null ? [] : [{ name: 'market clock', start: () => clock.start(), stop: () => clock.stop() }]),
    ...readerSite.services,
    // A worker's figures reach the metrics port through its primary, which opens the port (src/ops/clusterMetrics.ts).
    ...(operations.metricsPort === null || member !== null
      ? []
      : [
          metricsListener({
            host: operations.metricsHost,
            port: operations.metricsPort,
            metrics,
            onListening: (metricsAddress) => logger.info({ metricsAddress }, 'metrics listening'),
            onError: (error) => logger.error({ err: error }, 'metrics could not be rendered'),
          }),
        ]),
    {
      name: 'http',
      start: async () => {
        try {
          address = await server.listen({ host: config.host, port: config.port });
        } catch (error) {
          listening.reject(error);
          throw error;
        }
        if (member !== null) {
          // The shared port reaches any worker; the engine's internal API (and a probe of this worker) this one.
          ownListener = await listenOwnPort(config.host, server.routing);
          listening.resolve(ownListener.address);
          return;
        }
        listening.resolve(config.engineUrl ?? reachableAddress(address));
      },
      // Fastify stops listening, ends the market streams, and waits for requests under way.
      stop: async () => {
        await server.close();
        await ownListener?.close();
      },
    },
  ].map(stoppingOnce);
  let stopping: Promise<void> | null = null;

  return {
    services: services.map((service) => service.name),
    server,
    store,
    market,
    recorder: authority,
    authority,
    bus,
    media,
    wire: opened.wire,
    scheduledPublisher,
    logger,
    readiness,
    registerReadinessCheck: (name, check) => readiness.register(name, check),
    beginDrain: () => readiness.beginDrain(),
    async start() {
      await startServices(services);
      if (address === null) throw new Error('the HTTP server did not report its address');
      return address;
    },
    ownAddress: () => ownListener?.address ?? null,
    stop() {
      stopping ??= stopServices(services);
      return stopping;
    },
  };
}

/**
 * What the primary of `serve --workers N` does once, before any worker
 * starts: the migrations, and on the demo its stories, history and pictures,
 * so N processes starting at once find a database ready and seed nothing.
 */
export async function prepareSite(config: ServeConfig, logger: Logger): Promise<void> {
  const opened = await openSiteStore(config);
  try {
    if (config.demo) {
      const media = mediaOf(opened, config, undefined);
      await opened.exclusively(() => seedDemoSite({ opened, media, now: new Date(), logger }));
    }
  } finally {
    await opened.close();
  }
}

function openSiteStore(config: ServeConfig, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const { operations } = config;
  return openStore(
    config.database.kind === 'postgres'
      ? { ...config.database, poolSize: operations.dbPoolSize, statementTimeoutMs: operations.dbStatementTimeoutMs }
      : config.database,
    options,
  );
}

function mediaOf(opened: OpenedStore, config: ServeConfig, mediaDir: string | undefined): MediaLibrary {
  return opened.mediaLibrary(
    config.mediaStore === 'database'
      ? { kind: 'database' }
      : { kind: 'local', dir: mediaDir ?? config.mediaDir ?? defaultMediaDir(config.database) },
  );
}

/** Pictures live next to the database they are catalogued in, so a test's temporary site keeps its own. */
function defaultMediaDir(database: ServeConfig['database']): string {
  if (database.kind === 'sqlite' && database.path !== ':memory:') return join(dirname(database.path), 'media');
  return resolve('data', 'media');
}

/** The address other nodes can use: a wildcard listening address is reached on this machine's loopback. */
function reachableAddress(address: string): string {
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

// What an `engine` node serves: the engine's internal API and the push API (feeds may push to it directly).
const ENGINE_NODE_PATHS = /^\/(internal\/|api\/v1\/market\/(trades|fx|corporate-actions)(\?|$)|healthz|readyz|metrics)/;

async function engineNodeOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (ENGINE_NODE_PATHS.test(request.url)) return;
  await reply.code(404).header('cache-control', 'no-store').send({
    error: 'Not Found',
    message: 'This node runs the market engine only (--role engine); readers and the newsroom use the web nodes.',
  });
}

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A start that fails is reported by the HTTP service; nobody else need hear of it.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
