import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import type { Bus, BusMessages, Topic } from '../../src/bus/bus.js';
import { type BusLogger, createRedisBus } from '../../src/bus/redisBus.js';
import { isCi } from '../support/environment.js';
import { REDIS_URL, redisProblem } from '../support/redisProbe.js';

const problem = await redisProblem(REDIS_URL);
const skip =
  problem !== null && !isCi()
    ? `SKIPPED: Redis not reachable at ${REDIS_URL} (${problem}). Set CI=true to make this a failure.`
    : false;
if (skip) console.warn(skip);

/** A logger that keeps what it is told, so tests can see dropped messages. */
function recordingLogger(): BusLogger & { readonly warnings: string[]; readonly errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  return {
    warnings,
    errors,
    warn: (_details, message) => warnings.push(message),
    error: (_details, message) => errors.push(message),
  };
}

/** Resolves with the first `count` messages `bus` hears on `topic`. */
function collect<T extends Topic>(
  bus: Bus,
  topic: T,
): { readonly seen: BusMessages[T][]; next(count: number): Promise<void> } {
  const seen: BusMessages[T][] = [];
  const waiters: (() => void)[] = [];
  bus.subscribe(topic, (message) => {
    seen.push(message);
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    seen,
    async next(count) {
      const deadline = Date.now() + 3000;
      while (seen.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} ${topic} messages, got ${seen.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

/** Time for Redis to deliver anything still in flight. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('Redis bus', { skip }, () => {
  const prefix = `broadsheet-test-${process.pid}-${Date.now().toString(36)}`;
  const buses: Bus[] = [];
  let raw: Redis;

  const open = async (logger?: BusLogger) => {
    const bus = await createRedisBus({
      url: REDIS_URL,
      channelPrefix: `${prefix}:`,
      logger: logger ?? recordingLogger(),
    });
    buses.push(bus);
    return bus;
  };

  before(() => {
    raw = new Redis(REDIS_URL);
  });
  after(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await raw.quit();
  });

  test('two buses on one prefix hear each other', async () => {
    const a = await open();
    const b = await open();
    const heardByB = collect(b, 'market.changed');
    const heardByA = collect(a, 'content.changed');
    a.publish('market.changed', { version: 7 });
    const change = {
      kind: 'article' as const,
      articleId: 12,
      placements: [{ sectionSlug: 'markets', tagSlugs: ['kse-100'], printDate: '2026-11-28' }],
      removed: false,
    };
    b.publish('content.changed', change);
    await heardByB.next(1);
    await heardByA.next(1);
    assert.deepEqual(heardByB.seen, [{ version: 7 }]);
    assert.deepEqual(heardByA.seen, [change]);
  });

  test('a bus on another prefix hears nothing', async () => {
    const a = await open();
    const other = await createRedisBus({
      url: REDIS_URL,
      channelPrefix: `${prefix}-other:`,
      logger: recordingLogger(),
    });
    try {
      const heard = collect(other, 'market.changed');
      a.publish('market.changed', { version: 1 });
      await settle();
      assert.deepEqual(heard.seen, []);
    } finally {
      await other.close();
    }
  });

  test("a process's own publish reaches its handler once, synchronously", async () => {
    const a = await open();
    const heard = collect(a, 'market.changed');
    a.publish('market.changed', { version: 42 });
    assert.deepEqual(heard.seen, [{ version: 42 }], 'delivered before publish returns, like the in-process bus');
    await settle();
    assert.deepEqual(heard.seen, [{ version: 42 }], 'the echo from Redis is not delivered again');
  });

  test('unsubscribing stops delivery', async () => {
    const a = await open();
    const b = await open();
    const seen: number[] = [];
    const unsubscribe = b.subscribe('market.changed', (message) => seen.push(message.version));
    a.publish('market.changed', { version: 1 });
    await settle();
    unsubscribe();
    a.publish('market.changed', { version: 2 });
    b.publish('market.changed', { version: 3 });
    await settle();
    assert.deepEqual(seen, [1]);
  });

  test('a malformed message on the channel is logged and dropped, never handed to a handler', async () => {
    const logger = recordingLogger();
    const a = await open(logger);
    const heard = collect(a, 'market.changed');
    const articles = collect(a, 'content.changed');
    await raw.publish(`${prefix}:market.changed`, 'not json {');
    await raw.publish(`${prefix}:market.changed`, JSON.stringify({ origin: 'elsewhere', message: { version: 'x' } }));
    await raw.publish(`${prefix}:market.changed`, JSON.stringify({ message: { version: 3 } }));
    await raw.publish(
      `${prefix}:content.changed`,
      JSON.stringify({
        origin: 'elsewhere',
        message: { kind: 'article', articleId: 1, placements: [{}], removed: false },
      }),
    );
    await raw.publish(`${prefix}:market.changed`, JSON.stringify({ origin: 'elsewhere', message: { version: 9 } }));
    await heard.next(1);
    await settle();
    assert.deepEqual(heard.seen, [{ version: 9 }], 'only the well-formed message arrives');
    assert.deepEqual(articles.seen, []);
    assert.equal(logger.warnings.filter((message) => message === 'bus message dropped').length, 4);
  });

  test('a handler that throws on a message from elsewhere is logged, and other handlers still run', async () => {
    const logger = recordingLogger();
    const a = await open();
    const b = await open(logger);
    b.subscribe('market.changed', () => {
      throw new Error('handler broke');
    });
    const heard = collect(b, 'market.changed');
    a.publish('market.changed', { version: 5 });
    await heard.next(1);
    assert.deepEqual(heard.seen, [{ version: 5 }], 'the handler after the broken one still ran');
    assert.deepEqual(logger.errors, ['bus handler failed']);
  });

  test('close() resolves, closes both connections and makes publish a no-op', async () => {
    const bus = await createRedisBus({ url: REDIS_URL, channelPrefix: `${prefix}:`, logger: recordingLogger() });
    const before = await clientCount(raw);
    assert.ok(before >= 2);
    await bus.close();
    await bus.close();
    await settle();
    assert.equal(await clientCount(raw), before - 2);
    bus.publish('market.changed', { version: 1 });
  });

  test('an unreachable Redis gives a degraded bus, not a failure or a hang; its own handlers still hear it', async () => {
    const logger = recordingLogger();
    const bus = await createRedisBus({
      url: 'redis://127.0.0.1:1',
      channelPrefix: `${prefix}:`,
      logger,
      connectWaitMs: 200,
    });
    try {
      assert.equal(bus.connected(), false);
      const heard = collect(bus, 'market.changed');
      bus.publish('market.changed', { version: 3 });
      assert.deepEqual(heard.seen, [{ version: 3 }]);
      assert.equal(logger.warnings.filter((line) => line.startsWith('Redis bus degraded')).length, 1);
    } finally {
      await bus.close();
    }
  });
});

async function clientCount(redis: Redis): Promise<number> {
  const list = String(await redis.call('CLIENT', 'LIST'));
  return list.split('\n').filter((line) => line.includes('name=broadsheet-bus-')).length;
}
