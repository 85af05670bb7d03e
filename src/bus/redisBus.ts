import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Bus, Topic } from './bus.js';
import { decodeEnvelope, encodeEnvelope } from './busEnvelope.js';
import { createBusHandlers } from './busHandlers.js';

/** The part of a pino logger the bus writes to. */
export interface BusLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface RedisBusOptions {
  /** `redis://` or `rediss://` (TLS). */
  readonly url: string;
  /**
   * Put before every channel name (`<prefix>market.changed`); sites sharing one
   * Redis keep apart by prefix. Default `broadsheet:`.
   */
  readonly channelPrefix?: string;
  readonly logger?: BusLogger;
  /** How long `createRedisBus` waits for Redis before it returns a bus that is not connected yet (default 3 s). */
  readonly connectWaitMs?: number;
  /** Told of each message heard from another process: its topic and how long ago it was published, in ms. */
  readonly onDelivered?: (topic: Topic, lagMs: number) => void;
}

/** The Redis bus, which can say whether it is connected right now (readiness, metrics). */
export interface RedisBus extends Bus {
  /** True while both connections are up and every topic is subscribed. */
  connected(): boolean;
}

// Keyed by Topic so adding a topic to BusMessages fails to compile until it is listed here.
const TOPICS: Record<Topic, true> = { 'market.changed': true, 'content.changed': true, 'market.events': true };

const consoleLogger: BusLogger = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
};

/**
 * The bus of a scaled-out site: every process publishes to Redis and hears every other.
 * A process's own messages reach its handlers at once, synchronously, as on the in-process
 * bus; the copy Redis echoes back is recognised by its origin and skipped, so each handler
 * sees each message exactly once.
 *
 * Redis away (at start or later) does not stop the process: the bus is degraded, its own
 * messages still reach its own handlers, messages for other processes are dropped (never
 * queued without bound), and both connections retry until Redis is back. What other
 * processes published meanwhile is not heard; cached pages expire by themselves.
 */
export async function createRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const prefix = options.channelPrefix ?? 'broadsheet:';
  const logger = options.logger ?? consoleLogger;
  const origin = randomUUID();
  const channelOf = (topic: Topic) => `${prefix}${topic}`;
  const topicOfChannel = new Map<string, Topic>(
    (Object.keys(TOPICS) as Topic[]).map((topic) => [channelOf(topic), topic]),
  );
  const channels = [...topicOfChannel.keys()];
  const handlers = createBusHandlers();
  let closed = false;
  let subscribed = false;
  let outage = false;

  // The publisher queues nothing while Redis is away: a publish then is dropped, not kept in memory.
  const publisher = connection(options.url, 'publisher', { enableOfflineQueue: false });
  const subscriber = connection(options.url, 'subscriber', { autoResubscribe: false, maxRetriesPerRequest: null });
  const connected = () => subscribed && publisher.status === 'ready';
  const lost = (role: string, error: unknown) => {
    if (closed || outage) return;
    outage = true;
    logger.warn({ err: error, role }, 'Redis bus degraded: messages to other processes are dropped until it is back');
  };
  const watch = (redis: Redis, role: string) => {
    // ioredis reconnects by itself; an unhandled 'error' event would end the process instead.
    redis.on('error', (error: unknown) => lost(role, error));
    redis.on('close', () => {
      if (role === 'subscriber') subscribed = false;
      lost(role, new Error('connection closed'));
    });
  };
  watch(publisher, 'publisher');
  watch(subscriber, 'subscriber');
  const reported = () => {
    if (connected() && outage && !closed) {
      outage = false;
      logger.warn({}, 'Redis bus connected again');
    }
  };
  const subscribeAll = async () => {
    try {
      // Every topic up front: a subscribe() is synchronous, and must not miss messages while Redis catches up.
      await subscriber.subscribe(...channels);
      subscribed = true;
      reported();
    } catch (error) {
      lost('subscriber', error);
    }
  };
  // Every (re)connection subscribes again; SUBSCRIBE to a channel already subscribed changes nothing.
  subscriber.on('ready', () => void subscribeAll());
  publisher.on('ready', () => reported());

  subscriber.on('message', (channel: string, payload: string) => {
    const topic = topicOfChannel.get(channel);
    if (topic === undefined || closed) return;
    const decoded = decodeEnvelope(topic, payload);
    if (!decoded.ok) {
      logger.warn({ channel, problem: decoded.problem, payload: payload.slice(0, 200) }, 'bus message dropped');
      return;
    }
    const { envelope } = decoded;
    if (envelope.origin === origin) return;
    if (envelope.sentAt !== undefined) options.onDelivered?.(topic, Math.max(0, Date.now() - envelope.sentAt));
    handlers.deliverFromAnother(topic, envelope.message, (error) =>
      logger.error({ err: error, channel }, 'bus handler failed'),
    );
  });

  // Waits a moment for Redis, so a bus that can be connected is when the site starts; then goes on without.
  await firstConnection(connected, options.connectWaitMs ?? 3000);
  if (!connected()) lost('subscriber', new Error(`Redis not reachable at start (${redacted(options.url)})`));

  return {
    connected,
    publish(topic, message) {
      if (closed) return;
      if (publisher.status === 'ready') {
        publisher
          .publish(channelOf(topic), encodeEnvelope({ origin, message, sentAt: Date.now() }))
          .catch((error: unknown) => lost('publisher', error));
      }
      handlers.deliverOwn(topic, message);
    },
    subscribe: handlers.subscribe,
    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  };
}

function connection(url: string, role: 'publisher' | 'subscriber', extra: RedisOptions): Redis {
  return new Redis(url, {
    connectionName: `broadsheet-bus-${role}`,
    // A lost Redis is tried again every second at most, so recovery is noticed soon.
    retryStrategy: (times) => Math.min(times * 100, 1000),
    connectTimeout: 2000,
    ...extra,
  });
}

async function firstConnection(connected: () => boolean, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!connected() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unreadable Redis URL)';
  }
}

async function quit(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') {
    // Not connected (or still trying): nothing to say goodbye to, and no reconnection timer may keep the process alive.
    redis.disconnect();
    return;
  }
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
