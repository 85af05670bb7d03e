import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { AdminDeps } from './admin/adminDeps.js';
import type { Bus } from './bus/bus.js';
import { createInProcessBus } from './bus/inProcessBus.js';
import type { ServeConfig } from './config.js';
import { loadMarket } from './ingest/marketLoader.js';
import { createMarketRecorder, type MarketRecorder } from './ingest/marketRecorder.js';
import { createSimulatorFeed } from './ingest/simulatorFeed.js';
import { createDemoMarket } from './market/demoMarket.js';
import { Market } from './market/market.js';
import { generateDemoNews } from './news/demo/generateDemoNews.js';
import { roleOfApiToken } from './store/apiTokens.js';
import { MarketLog } from './store/marketLog.js';
import { marketTables } from './store/marketTables.js';
import { type OpenedStore, openStore } from './store/openStore.js';
import { seedDemoContent } from './store/seedDemo.js';
import { buildServer } from './web/server.js';

/** The running site: every service wired once, with one start and one stop. */
export interface App {
  readonly server: FastifyInstance;
  readonly store: OpenedStore['store'];
  readonly market: Market;
  /** The one way market changes become durable: the push API and the simulator write through it. */
  readonly recorder: MarketRecorder;
  readonly bus: Bus;
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
  const log = new MarketLog(marketDb);
  // The rules of the site's market; its state comes from the log's latest checkpoint and the events after it.
  const createMarket = () =>
    config.demo
      ? createDemoMarket(now(), { replayReferenceTrades: false })
      : new Market({ listings: [], indices: [], fx: [], ldcpTime: now() });
  const loaded = await loadMarket({
    log,
    createMarket,
    initial: () => (config.demo ? createDemoMarket(now()) : createMarket()),
    pinInitial: config.demo,
  });
  if (loaded.replayed > 0 || loaded.refused > 0) {
    logger.info(
      { checkpoint: loaded.checkpoint, replayed: loaded.replayed, refused: loaded.refused },
      'market log replayed',
    );
  }
  const { market } = loaded;
  const bus = createInProcessBus();
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

  const server = await buildServer({
    store,
    market,
    bus,
    logger,
    commentRateLimitPerMinute: config.commentRateLimitPerMinute,
    now,
    marketFeed: { recorder, roleOfToken: (token) => roleOfApiToken(marketDb, token) },
    admin: { ...options.admin, db: opened.db },
  });

  return {
    server,
    store,
    market,
    recorder,
    bus,
    logger,
    async start() {
      const address = await server.listen({ host: config.host, port: config.port });
      feed?.start();
      return address;
    },
    async stop() {
      feed?.stop();
      await server.close();
      await recorder.stop();
      await bus.close();
      await opened.close();
    },
  };
}
