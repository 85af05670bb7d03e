import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../src/store/connect.js';
import { openStore } from '../../src/store/openStore.js';
import {
  POSTGRES_URL,
  postgresBackend,
  postgresProblem,
  redactedUrl,
  type StoreBackend,
} from '../store/storeBackends.js';
import { isCi } from '../support/environment.js';
import { REDIS_URL, redisProblem } from '../support/redisProbe.js';
import { connectH2, type H2Session } from './h2Client.js';
import {
  NGINX_PATH,
  NODE_LAYOUT,
  type RunningNginx,
  type RunningNode,
  selfSignedCertificate,
  startNginx,
  startNodes,
  stopNodes,
  upstreamsInLog,
} from './nginxSite.js';

// deploy/nginx/broadsheet.conf in front of real server processes on PostgreSQL and Redis, as docs/deploy.md
// installs it: HTTP/2 over TLS to the reader, HTTP/1.1 keep-alive to the nodes.

async function problems(): Promise<string[]> {
  const found: string[] = [];
  if (!existsSync(NGINX_PATH))
    found.push(`nginx not found at ${NGINX_PATH} (install with: apt-get install -y nginx-light)`);
  if (spawnSync('openssl', ['version']).status !== 0)
    found.push('openssl not found (install with: apt-get install -y openssl)');
  const postgres = await postgresProblem(POSTGRES_URL);
  if (postgres !== null) found.push(`PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}: ${postgres}`);
  const redis = await redisProblem(REDIS_URL);
  if (redis !== null) found.push(`Redis not reachable at ${REDIS_URL}: ${redis}`);
  return found;
}

const missing = await problems();
const skip =
  missing.length > 0 && !isCi() ? `SKIPPED: ${missing.join('; ')}. Set CI=true to make this a failure.` : false;
if (skip) console.warn(skip);

describe('nginx in front of the web nodes (deploy/nginx/broadsheet.conf)', { skip }, () => {
  let dir: string;
  let backend: StoreBackend;
  let databaseUrl: string;
  let nodes: RunningNode[] = [];
  let nginx: RunningNginx | null = null;
  let ca: string;
  let reader: H2Session;

  before(async () => {
    assert.deepEqual(missing, [], missing.join('; '));
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-nginx-'));
    backend = postgresBackend(POSTGRES_URL);
    const target = await backend.freshTarget();
    if (target.kind !== 'postgres' || target.schema === undefined) throw new Error('expected a PostgreSQL schema');
    await (await openDatabase(target)).close();
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${target.schema}`);
    databaseUrl = url.toString();

    nodes = await startNodes(NODE_LAYOUT, [
      '--database-url',
      databaseUrl,
      '--redis-url',
      REDIS_URL,
      '--trusted-proxy',
      '127.0.0.1',
    ]);
    const { cert, key } = selfSignedCertificate(dir);
    ca = await readFile(cert, 'utf8');
    nginx = await startNginx({ dir, upstreams: nodes.filter((node) => node.spec.upstream), cert, key });
    reader = await connectH2(nginx.httpsOrigin, { ca });
  });
  after(async () => {
    await reader?.close();
    await nginx?.stop();
    await stopNodes(nodes);
    await backend?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function publishedArticles(limit: number): Promise<{ path: string; headline: string }[]> {
    const store = await openStore({ kind: 'postgres', url: databaseUrl });
    try {
      const rows = await store.db
        .selectFrom('articles')
        .select(['id', 'slug', 'headline'])
        .where('status', '=', 'published')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ path: `/news/${row.id}/${row.slug}`, headline: row.headline }));
    } finally {
      await store.close();
    }
  }

  test('pages answer over HTTP/2 through nginx, from both web nodes', async () => {
    const pages = ['/', '/markets', ...(await publishedArticles(8)).map((article) => article.path)];
    for (const path of pages) {
      const response = await reader.request(path);
      assert.equal(response.status, 200, `${path} through nginx`);
      assert.match(String(response.headers['content-type']), /text\/html/);
    }
    const served = new Set((await upstreamsInLog(nginx?.accessLog ?? '')).map((entry) => entry.upstream));
    for (const node of nodes.filter((candidate) => candidate.spec.upstream)) {
      assert.ok(
        served.has(node.hostPort),
        `${node.spec.name} (${node.hostPort}) served a page; log shows ${[...served]}`,
      );
    }
  });

  test('plain HTTP is sent to the configured HTTPS origin, its port kept', async () => {
    // HTTPS listens on a port other than 443 here: a redirect built from $host would lose it.
    const response = await fetch(`${nginx?.httpOrigin}/markets?a=1`, { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), `${nginx?.httpsOrigin}/markets?a=1`);
  });

  test('the market stream passes through unbuffered: an update arrives', async () => {
    const opened = await reader.streamUntil('/api/v1/market/stream', (text) => /^event: update$/m.test(text), 15_000);
    assert.equal(opened.status, 200);
    assert.match(String(opened.headers['content-type']), /^text\/event-stream/);
    assert.equal(opened.headers['x-cache-status'], undefined, 'the stream never touches the cache');
    assert.match(opened.text, /^event: snapshot$/m);
    assert.match(opened.text, /^event: update\nid: \d+\ndata: \{/m);
  });

  test('the reader’s address reaches the node through X-Forwarded-For, and a forged one does not', async () => {
    const [article] = await publishedArticles(1);
    const id = /^\/news\/(\d+)\//.exec(article?.path ?? '')?.[1];
    assert.ok(id, 'a published article');
    // A reader on another loopback address, so nginx's own address (127.0.0.1) and the reader's differ.
    const elsewhere = await connectH2(nginx?.httpsOrigin ?? '', { ca, localAddress: '127.0.0.2' });
    let commentId: number;
    try {
      const response = await elsewhere.request(`/api/v1/articles/${id}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
        body: JSON.stringify({ name: 'Reader', email: 'reader@example.com', body: 'Sent through the proxy.' }),
      });
      assert.equal(response.status, 201, response.body);
      commentId = (JSON.parse(response.body) as { id: number }).id;
    } finally {
      await elsewhere.close();
    }
    const store = await openStore({ kind: 'postgres', url: databaseUrl });
    try {
      const row = await store.db
        .selectFrom('comments')
        .select('ip')
        .where('id', '=', commentId)
        .executeTakeFirstOrThrow();
      assert.equal(row.ip, '127.0.0.2');
    } finally {
      await store.close();
    }
  });

  test('oversized comments through nginx are 413s and never take a node out of the pool', async () => {
    const [article] = await publishedArticles(1);
    const id = /^\/news\/(\d+)\//.exec(article?.path ?? '')?.[1];
    assert.ok(id, 'a published article');
    // Under nginx's 11 MB and far over a comment's limit. A node used to answer 413 and cut the connection while
    // nginx was still forwarding the body: nginx saw a broken pipe, answered 502 and counted the node as failed,
    // so a handful of these (max_fails=2 each) took every node out and the whole site answered 502 for 5 s.
    const body = JSON.stringify({ name: 'Reader', email: 'reader@example.com', body: 'x'.repeat(5 * 1024 * 1024) });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await reader.request(`/api/v1/articles/${id}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [413, 413, 413, 413, 413, 413]);
    for (const path of ['/news', '/sections', '/tags']) {
      const page = await reader.request(`${path}?after-oversized=1`);
      assert.equal(page.status, 200, `${path} right after the oversized comments`);
    }
  });

  test('every address a node takes passes through intact; a longer one is a 414 page and the connection goes on', async () => {
    const search = (bytes: number) => `/search?q=${'a'.repeat(bytes - '/search?q='.length)}`;
    // 8 KiB of request target, the most a node takes (src/http/requestTarget.ts): all of it reaches the node.
    const atLimit = await reader.request(search(8192));
    assert.equal(atLimit.status, 200);
    assert.ok(atLimit.body.includes('a'.repeat(8192 - '/search?q='.length)), 'the whole query reached the page');
    // Over it: a 414 from nginx. At 16 KB the default buffers ended the reader's HTTP/2 connection instead.
    for (const bytes of [8193, 16_000, 30_000]) {
      const answer = await reader.request(search(bytes));
      assert.equal(answer.status, 414, `${bytes} bytes`);
      assert.match(String(answer.headers['content-type']), /^text\/html/, `${bytes} bytes`);
    }
    // The same connection carries on.
    assert.equal((await reader.request('/markets?after-long-addresses=1')).status, 200);
    const errors = await readFile(join(dir, 'logs', 'error.log'), 'utf8');
    assert.doesNotMatch(errors, /not enough for cache key/);
  });

  test('a public page is served from nginx’s cache as its Cache-Control allows', async () => {
    const [, , article] = await publishedArticles(3);
    assert.ok(article, 'a third published article');
    // Fresh for 5 s (s-maxage): the second request within it is nginx's copy, never a node's.
    const first = await reader.request(article.path);
    const second = await reader.request(article.path);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.ok(second.body.includes(article.headline.replace(/&/g, '&amp;')));
    assert.match(String(second.headers['x-cache-status']), /^(HIT|UPDATING|STALE)$/);
    const logged = (await upstreamsInLog(nginx?.accessLog ?? '')).filter((entry) => entry.path === article.path);
    assert.ok(
      // HIT within the 5 s; on a loaded machine the second request may come later and get the copy as UPDATING or
      // STALE, still nginx's own (no upstream), which is what this checks.
      logged.some((entry) => /^(HIT|UPDATING|STALE)$/.test(entry.cache) && entry.upstream === '-'),
      JSON.stringify(logged),
    );
  });

  test('a killed story leaves nginx’s cache at the first refresh, not at the end of the stale window', async () => {
    const [, , , , article] = await publishedArticles(5);
    assert.ok(article, 'a fifth published article');
    const id = /^\/news\/(\d+)\//.exec(article.path)?.[1];
    const first = await reader.request(article.path);
    assert.equal(first.status, 200);
    // Past s-maxage, so nginx's copy is stale and the next request refreshes it from a node.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const store = await openStore({ kind: 'postgres', url: databaseUrl });
    const { token } = await store.accounts.createApiToken({ name: 'kill desk', role: 'editor', now: new Date() });
    await store.close();
    const [web] = nodes.filter((node) => node.spec.upstream);
    const killed = await fetch(`${web?.address}/api/v1/admin/articles/${id}/transition`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'kill' }),
    });
    assert.equal(killed.status, 200, await killed.text());
    const killedAt = Date.now();
    // The first request may still get the stale copy while nginx fetches the 410 behind it; the ones after must
    // not. A 410 nginx may not store left the story served STALE to every reader for the window's 30 s.
    const seen: string[] = [];
    for (;;) {
      const response = await reader.request(article.path);
      seen.push(`${response.status} ${String(response.headers['x-cache-status'])}`);
      if (response.status === 410) break;
      assert.ok(Date.now() - killedAt < 10_000, `still served 10 s after the kill: ${seen.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(
      seen.length <= 3,
      `the killed story was served ${seen.length - 1} times after the kill: ${seen.join(', ')}`,
    );
  });

  test('a copy older than its stale-while-revalidate window is never served stale', async () => {
    // s-maxage=5 plus stale-while-revalidate=30: past 35 s nginx must go back to a node (MISS, EXPIRED or
    // REVALIDATED), not hand out its old copy. With `proxy_cache_use_stale updating` it served it STALE, however old.
    const path = '/tags?stale-window=1';
    const first = await reader.request(path);
    assert.equal(first.status, 200);
    const cachedAt = Date.now();
    // The condition is the copy's age itself, so this waits on the clock: nothing else can show it.
    while (Date.now() - cachedAt < 37_000) await new Promise((resolve) => setTimeout(resolve, 1000));
    const later = await reader.request(path);
    assert.equal(later.status, 200);
    assert.match(String(later.headers['x-cache-status']), /^(MISS|EXPIRED|REVALIDATED)$/);
  });
});
