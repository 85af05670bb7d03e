import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Bus } from './bus/bus.js';
import { articleChanged } from './bus/contentChange.js';
import { createInProcessBus } from './bus/inProcessBus.js';
import { createRedisBus } from './bus/redisBus.js';
import type { ServeConfig } from './config.js';
import { createDemoMarket } from './demo/market/demoMarket.js';
import { generateDemoNews } from './demo/news/generateDemoNews.js';
import { seedDemoContent } from './demo/seedDemo.js';
import { ArticleDesk } from './desk/articles/articleDesk.js';
import { createScheduledPublisher, type ScheduledPublisher } from './desk/articles/scheduledPublisher.js';
import { createMarketRecorder, type MarketRecorder } from './engine/marketRecorder.js';
import { createSimulatorFeed } from './engine/simulatorFeed.js';
import { loadSiteMarket, siteMarket } from './engine/siteMarket.js';
import type { Market } from './market/book/market.js';
import type { AdminDeps } from './newsroom/newsroomDeps.js';
import { buildServer } from './site/server.js';
import { accountsTables } from './store/accounts/accountsTables.js';
import { roleOfApiToken } from './store/accounts/apiTokens.js';
import { createArticleWorkflowStore } from './store/articles/articleWorkflow.js';
import { listBarsSince, seedDemoHistory } from './store/market/marketHistory.js';
import { MarketLog } from './store/market/marketLog.js';
import { marketTables } from './store/market/marketTables.js';
import { createMediaLibrary, type MediaLibrary } from './store/media/mediaLibrary.js';
import { type OpenedStore, openStore } from './store/openStore.js';

/** The running site: every service wired once, with one start and one stop. */
export interface App {
  readonly server: FastifyInstance;
  readonly store: OpenedStore['store'];
  readonly market: Market;
  /** The one way market changes become durable: the push API and the simulator write through it. */
  readonly recorder: MarketRecorder;
  readonly bus: Bus;
  /** Uploaded pictures: metadata in the database, files under `media.dir`. */
  readonly media: MediaLibrary;
  /** Publishes scheduled stories when due; started and stopped with the app. */
  readonly scheduledPublisher: ScheduledPublisher;
  readonly logger: Logger;
  /** Starts listening and the market feed; resolves with the address served. */
  start(): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish, then closes the feed, bus and database. */
  stop(): Promise<void>;
}

export interface AppOptions {
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Newsroom knobs (session lifetime, login throttle, Secure cookies); defaults suit production. */
  readonly admin?: Omit<AdminDeps, 'db'>;
  /** Where uploaded pictures are kept; default `media/` beside the SQLite file (./data/media), else ./data/media. */
  readonly mediaDir?: string;
  /** How often scheduled stories are checked for (default 5 s); a start always checks at once. */
  readonly scheduledPublishIntervalMs?: number;
}

export async function createApp(config: ServeConfig, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const now = options.now ?? (() => new Date());
  const opened = await openStore(config.database);
  const { store } = opened;

  if (config.demo) {
    const seeded = await seedDemoContent(store, generateDemoNews({ now: now() }));
    if (seeded.articles > 0) logger.info(seeded, 'demo content seeded');
  }

  const marketDb = marketTables(opened.db);
  if (config.demo) {
    const bars = await seedDemoHistory(marketDb, now());
    if (bars > 0) logger.info({ bars }, 'demo market history seeded');
  }
  const log = new MarketLog(marketDb);
  // The site's market rules come from the one place the importer reads them too; its state from the log.
  const site = siteMarket({ demo: config.demo, now });
  const { createMarket } = site;
  const loaded = await loadSiteMarket({
    log,
    site,
    ...(config.demo ? { initial: () => createDemoMarket(now(), { rules: site.rules }), pinInitial: true } : {}),
  });
  if (loaded.replayed > 0 || loaded.refused > 0) {
    logger.info(
      { checkpoint: loaded.checkpoint, replayed: loaded.replayed, refused: loaded.refused },
      'market log replayed',
    );
  }
  const { market } = loaded;
  // A restarted process must not reuse versions an earlier one handed out as ETags and stream ids:
  // start from the clock, which allows a thousand changes per millisecond of the earlier run.
  market.startVersionsAfter(Date.now() * 1000);
  // Redis when several processes serve one site, so each hears the others' market and story changes.
  const bus =
    config.redisUrl === null
      ? createInProcessBus()
      : await createRedisBus({ url: config.redisUrl, logger: logger.child({ component: 'bus' }) });
  const recorder = createMarketRecorder({
    log,
    market,
    createMarket,
    bus,
    onError: (error) => logger.error({ err: error }, 'market recorder failed a batch'),
  });
  const feed = config.simulator
    ? createSimulatorFeed({
        market,
        bus,
        intervalMs: config.simulatorIntervalMs,
        tradesPerTick: 6,
        seed: Date.now(),
        recorder,
        onError: (error) => logger.warn({ err: error }, 'simulated tick not recorded'),
      })
    : null;

  const media = createMediaLibrary(opened.db, options.mediaDir ?? config.mediaDir ?? defaultMediaDir(config.database));
  const server = await buildServer({
    publicUrl: config.publicUrl,
    store,
    market,
    bus,
    logger,
    commentRateLimitPerMinute: config.commentRateLimitPerMinute,
    streamWorkers: config.streamWorkers,
    trustedProxies: config.trustedProxies,
    now,
    marketFeed: { recorder, roleOfToken: (token) => roleOfApiToken(marketDb, token) },
    admin: { secureCookies: config.secureCookies, ...options.admin, db: opened.db, marketDesk: { market, recorder } },
    media,
    marketPages: {
      reference: market,
      history: { dailyBars: (code, fromDate) => listBarsSince(marketDb, code, fromDate) },
    },
  });

  // The same desk the newsroom uses, so scheduled publication is audited and announced on the bus like any other.
  const scheduledPublisher = createScheduledPublisher({
    desk: new ArticleDesk({
      workflow: createArticleWorkflowStore(opened.db),
      accounts: accountsTables(opened.db),
      announce: (change) => bus.publish('content.changed', articleChanged(change)),
      now,
    }),
    intervalMs: options.scheduledPublishIntervalMs ?? 5000,
    onPublished: (ids) => logger.info({ ids }, 'scheduled articles published'),
    onError: (error) => logger.error({ err: error }, 'scheduled publishing check failed'),
  });

  return {
    server,
    store,
    market,
    recorder,
    bus,
    media,
    scheduledPublisher,
    logger,
    async start() {
      // Catch up first: stories that fell due while the site was down are on it before the first reader arrives.
      await scheduledPublisher.start();
      const address = await server.listen({ host: config.host, port: config.port });
      feed?.start();
      return address;
    },
    async stop() {
      feed?.stop();
      await scheduledPublisher.stop();
      await server.close();
      await recorder.stop();
      await bus.close();
      await opened.close();
    },
  };
}

/** Pictures live next to the database they are catalogued in, so a test's temporary site keeps its own. */
function defaultMediaDir(database: ServeConfig['database']): string {
  if (database.kind === 'sqlite' && database.path !== ':memory:') return join(dirname(database.path), 'media');
  return resolve('data', 'media');
}
