import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { createRedisWindowCounter } from '../../src/bus/redisWindowCounter.js';
import { isCi } from '../support/environment.js';
import { REDIS_URL, redisProblem } from '../support/redisProbe.js';

const problem = await redisProblem(REDIS_URL);
const skip =
  problem !== null && !isCi()
    ? `SKIPPED: Redis not reachable at ${REDIS_URL} (${problem}). Set CI=true to make this a failure.`
    : false;
if (skip) console.warn(skip);

const quiet = { warn: () => undefined, error: () => undefined };

describe('rate-limit windows counted in Redis', { skip }, () => {
  // A prefix of this run's own, so nothing another test or run left in Redis is counted.
  const keyPrefix = `broadsheet-test-${randomUUID()}`;
  let first: ReturnType<typeof createRedisWindowCounter>;
  let second: ReturnType<typeof createRedisWindowCounter>;
  let inspector: Redis;

  before(() => {
    first = createRedisWindowCounter({ url: REDIS_URL, keyPrefix, logger: quiet });
    second = createRedisWindowCounter({ url: REDIS_URL, keyPrefix, logger: quiet });
    inspector = new Redis(REDIS_URL);
  });
  after(async () => {
    const keys = await inspector.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await inspector.del(...keys);
    inspector.disconnect();
    await first?.close();
    await second?.close();
  });

  test('two counters (two nodes) count one key together, in a window that expires', async () => {
    assert.equal((await first.hit('comment:203.0.113.5', 60_000)).count, 1);
    assert.equal((await second.hit('comment:203.0.113.5', 60_000)).count, 2);
    const third = await first.hit('comment:203.0.113.5', 60_000);
    assert.equal(third.count, 3);
    assert.ok(third.resetInMs > 0 && third.resetInMs <= 60_000, `${third.resetInMs} ms left`);
    assert.equal((await second.hit('comment:203.0.113.6', 60_000)).count, 1, 'another key counts alone');
    const ttl = await inspector.pttl(`${keyPrefix}:count:comment:203.0.113.5`);
    assert.ok(ttl > 0 && ttl <= 60_000, 'the key carries its window as its expiry');
  });

  test('a Redis that does not answer fails a hit instead of holding it', async () => {
    // A port that accepts connections and never speaks: the command must time out, not queue for ever.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const counter = createRedisWindowCounter({ url: `redis://127.0.0.1:${port}`, keyPrefix, logger: quiet });
    try {
      await assert.rejects(counter.hit('comment:203.0.113.7', 60_000));
    } finally {
      await counter.close();
      silent.close();
    }
  });
});
