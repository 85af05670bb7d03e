import assert from 'node:assert/strict';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createOriginReader } from '../../http/requestOrigin.js';
import { CachedPageFastPath } from './cachedPageFastPath.js';
import { PageCache } from './pageCache.js';

const cache = new PageCache({
  minRenderIntervalMs: 1000,
  maxAgeMs: 60_000,
  maxEntries: 10,
  admitAfterRenders: 1,
  currentVersion: () => 1,
  clock: Date.now,
  onRefreshError: () => {},
});
const fastPath = new CachedPageFastPath({ pages: cache, extraHeaders: { 'x-frame-options': 'DENY' }, maxUrls: 3 });
// Pages that carry the origin the request asked for, as on a site without --public-url.
const perOrigin = new CachedPageFastPath({ pages: cache, extraHeaders: {}, originOf: createOriginReader([]) });
let routed = 0;
let server: Server;
let base: string;

before(async () => {
  server = createServer((request, response) => {
    const chosen = request.headers['x-test-per-origin'] === 'yes' ? perOrigin : fastPath;
    if (chosen.handle(request, response)) return;
    routed++;
    response.writeHead(404).end('routed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await cache.produce('page:a', async () => ({ kind: 'page', html: '<p>cached page</p>' }));
});
/** What a route hands `remember`: the request as Node's server received it. */
function requestFor(url: string, host = '127.0.0.1'): IncomingMessage {
  return { url, headers: { host }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
}

/** A GET with its own Host header (fetch() will not send one), answering the status. */
function statusFor(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('an unknown URL goes to the router', async () => {
  const before = routed;
  assert.equal((await fetch(`${base}/a`)).status, 404);
  assert.equal(routed, before + 1);
});

test('a remembered URL is served from the cache with its headers, codings and validators', async () => {
  fastPath.remember(requestFor('/a'), 'page:a');
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
  fastPath.remember(requestFor('/a?x=1'), 'page:a');
  const before = routed;
  assert.equal((await fetch(`${base}/a?x=1`)).status, 404);
  assert.equal((await fetch(`${base}/a`, { method: 'POST' })).status, 404);
  cache.invalidate(['page:a']);
  assert.equal((await fetch(`${base}/a`)).status, 404);
  assert.equal(routed, before + 3);
});

test('pages made for one host are not answered to a request for another', async () => {
  await cache.produce('page:b@a', async () => ({ kind: 'page', html: '<p>for a.test</p>' }));
  perOrigin.remember(requestFor('/b', 'a.test'), 'page:b@a');
  const before = routed;
  assert.equal(await statusFor('/b', { host: 'a.test', 'x-test-per-origin': 'yes' }), 200);
  assert.equal(await statusFor('/b', { host: 'b.test', 'x-test-per-origin': 'yes' }), 404);
  assert.equal(routed, before + 1, 'the other host went to the router');
});
