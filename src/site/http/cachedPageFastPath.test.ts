import assert from 'node:assert/strict';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { CachedPageFastPath } from './cachedPageFastPath.js';
import { PageCache } from './pageCache.js';

const cache = new PageCache({
  minRenderIntervalMs: 1000,
  maxAgeMs: 60_000,
  maxEntries: 10,
  currentVersion: () => 1,
  clock: Date.now,
  onRefreshError: () => {},
});
const fastPath = new CachedPageFastPath({ pages: cache, extraHeaders: { 'x-frame-options': 'DENY' }, maxUrls: 3 });
let routed = 0;
let server: Server;
let base: string;

before(async () => {
  server = createServer((request, response) => {
    if (fastPath.handle(request, response)) return;
    routed++;
    response.writeHead(404).end('routed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await cache.produce('page:a', async () => ({ kind: 'page', html: '<p>cached page</p>' }));
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('an unknown URL goes to the router', async () => {
  const before = routed;
  assert.equal((await fetch(`${base}/a`)).status, 404);
  assert.equal(routed, before + 1);
});

test('a remembered URL is served from the cache with its headers, codings and validators', async () => {
  fastPath.remember('/a', 'page:a');
  const before = routed;
  const plain = await fetch(`${base}/a`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.status, 200);
  assert.equal(await plain.text(), '<p>cached page</p>');
  assert.equal(plain.headers.get('x-frame-options'), 'DENY');
  assert.equal(plain.headers.get('vary'), 'Accept-Encoding');
  const etag = plain.headers.get('etag') ?? '';

  const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
    // fetch() would decode gzip itself; node's own client shows the bytes as sent.
    get(`${base}/a`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
  assert.equal(raw.encoding, 'gzip');
  assert.equal(gunzipSync(raw.body).toString(), '<p>cached page</p>');

  const revalidated = await fetch(`${base}/a`, { headers: { 'if-none-match': etag } });
  assert.equal(revalidated.status, 304);
  assert.equal(routed, before, 'none of these reached the router');
});

test('URLs with a query string, other methods and invalidated pages go to the router', async () => {
  fastPath.remember('/a?x=1', 'page:a');
  const before = routed;
  assert.equal((await fetch(`${base}/a?x=1`)).status, 404);
  assert.equal((await fetch(`${base}/a`, { method: 'POST' })).status, 404);
  cache.invalidate(['page:a']);
  assert.equal((await fetch(`${base}/a`)).status, 404);
  assert.equal(routed, before + 3);
});
