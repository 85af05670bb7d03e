import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Bus, BusMessages, Topic } from './bus.js';
import { decodeEnvelope, encodeEnvelope } from './busEnvelope.js';

/** The part of a pino logger the bus writes to. */
export interface BusLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface RedisBusOptions {
  /** `redis://` or `rediss://` (TLS). */
  readonly url: string;
  /** Channels are `<prefix>:<topic>`; sites sharing one Redis keep apart by prefix. Default `broadsheet`. */
  readonly channelPrefix?: string;
  readonly logger?: BusLogger;
}

type Handler = (message: never) => void;

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
 */
export async function createRedisBus(options: RedisBusOptions): Promise<Bus> {
  const prefix = options.channelPrefix ?? 'broadsheet';
  const logger = options.logger ?? consoleLogger;
  const origin = randomUUID();
  const channelOf = (topic: Topic) => `${prefix}:${topic}`;
  const topicOfChannel = new Map<string, Topic>(
    (Object.keys(TOPICS) as Topic[]).map((topic) => [channelOf(topic), topic]),
  );
  const handlers = new Map<Topic, Set<Handler>>();
  let closed = false;

  const deliver = <T extends Topic>(topic: T, message: BusMessages[T]) => {
    // A copy, so a handler that unsubscribes (itself or another) does not disturb this delivery.
    for (const handler of [...(handlers.get(topic) ?? [])]) {
      (handler as (m: BusMessages[T]) => void)(message);
    }
  };

  const publisher = connection(options.url, 'publisher', logger);
  const subscriber = connection(options.url, 'subscriber', logger);
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
    // Every topic up front: a subscribe() is synchronous, and must not miss messages while Redis catches up.
    await subscriber.subscribe(...topicOfChannel.keys());
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }

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
    for (const handler of [...(handlers.get(topic) ?? [])]) {
      try {
        (handler as (m: typeof envelope.message) => void)(envelope.message);
      } catch (error) {
        // The publisher is another process and cannot hear of it; the other handlers still get the message.
        logger.error({ err: error, channel }, 'bus handler failed');
      }
    }
  });

  return {
    publish(topic, message) {
      if (closed) return;
      publisher.publish(channelOf(topic), encodeEnvelope({ origin, message })).catch((error: unknown) => {
        logger.error({ err: error, topic }, 'bus message not published to Redis');
      });
      deliver(topic, message);
    },
    subscribe(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      await Promise.all([quit(publisher), quit(subscriber)]);
    },
  };
}

function connection(url: string, role: 'publisher' | 'subscriber', logger: BusLogger): Redis {
  // lazyConnect, so createRedisBus can await the connection and fail fast when Redis is not there.
  const redis = new Redis(url, { lazyConnect: true, connectionName: `broadsheet-bus-${role}` });
  // ioredis reconnects by itself; an unhandled 'error' event would end the process instead.
  redis.on('error', (error: unknown) => logger.warn({ err: error, role }, 'Redis bus connection error'));
  return redis;
}

async function quit(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    // Already gone: make sure no reconnection timer keeps the process alive.
    redis.disconnect();
  }
}
