import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { freshSchema } from '../ops/postgresSchema.js';
import { POSTGRES_URL } from '../store/storeBackends.js';
import { REDIS_URL } from '../support/redisProbe.js';
import { scaledOutSkip } from '../support/scaledOutSite.js';
import { workersSuite } from './workersSuite.js';

// `serve --workers 2` on PostgreSQL AND Redis, as a node of a scaled-out site runs: the workers' messages
// (cache clears, market changes) and the comment limit's counts go through Redis, not through their primary.

const skip = await scaledOutSkip();
const schema = skip === false ? await freshSchema('workers_redis') : null;
const prefix = `test-workers-${randomUUID()}:`;
after(() => schema?.drop());

/** Every channel this site published on, heard from outside it: proof the workers talk through Redis. */
const heard = new Set<string>();
let listener: Redis | null = null;
before(async () => {
  if (skip !== false) return;
  listener = new Redis(REDIS_URL);
  listener.on('pmessage', (_pattern: string, channel: string) => heard.add(channel.slice(prefix.length)));
  await listener.psubscribe(`${prefix}*`);
});
after(() => listener?.disconnect());

workersSuite('serve --workers 2 on PostgreSQL and Redis', skip, {
  args: () => [
    '--database-url',
    schema?.url ?? '',
    '--redis-url',
    REDIS_URL,
    // Its own channels and keys: other suites on the same Redis must not hear this site.
    '--redis-prefix',
    prefix,
  ],
  database: () => ({ kind: 'postgres', url: POSTGRES_URL, schema: schema?.schema ?? '' }),
});

test('the workers’ cache clears and market changes went through Redis', { skip }, () => {
  assert.ok(heard.has('content.changed'), `channels heard: ${[...heard].join(', ')}`);
  assert.ok(heard.has('market.changed'), `channels heard: ${[...heard].join(', ')}`);
});
