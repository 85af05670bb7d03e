import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { Bus } from './bus/bus.js';
import { createInProcessBus } from './bus/inProcessBus.js';
import type { ServeConfig } from './config.js';
import { createSimulatorFeed } from './ingest/simulatorFeed.js';
import { createDemoMarket } from './market/demoMarket.js';
import { Market } from './market/market.js';
import { generateDemoNews } from './news/demo/generateDemoNews.js';
import { type OpenedStore, openStore } from './store/openStore.js';
import { seedDemoContent } from './store/seedDemo.js';
import { buildServer } from './web/server.js';

/** The running site: every service wired once, with one start and one stop. */
export interface App {
  readonly server: FastifyInstance;
  readonly store: OpenedStore['store'];
  readonly market: Market;
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

  const market = config.demo
    ? createDemoMarket(now())
    : new Market({ listings: [], indices: [], fx: [], ldcpTime: now() });
  const bus = createInProcessBus();
  const feed = config.simulator
    ? createSimulatorFeed({ market, bus, intervalMs: config.simulatorIntervalMs, tradesPerTick: 6, seed: Date.now() })
    : null;

  const server = await buildServer({
    store,
    market,
    bus,
    logger,
    commentRateLimitPerMinute: config.commentRateLimitPerMinute,
    now,
  });

  return {
    server,
    store,
    market,
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
      await bus.close();
      await opened.close();
    },
  };
}
