import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseRupees } from '../../src/market/money/money.js';
import { authorOf } from '../../src/news/author.js';
import { eventually } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** Bytes as sent on the wire, still compressed. */
  readonly body: Buffer;
}

/** A GET that leaves the body compressed, to measure what travels. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

const BUDGET = 50 * 1024;

describe('page caching, compression and headers', () => {
  let site: RunningSite;
  let articlePath: string;
  before(async () => {
    site = await startSite();
    const { items } = await site.store.listArticles({ limit: 1 });
    articlePath = `/news/${items[0]?.id}/${items[0]?.slug}`;
  });
  after(async () => {
    await site.close();
  });

  test('article page HTML + CSS + JS stays under 50 KB compressed, in brotli and in gzip', async () => {
    const page = await rawGet(`${site.baseUrl}${articlePath}`, { 'accept-encoding': 'br' });
    assert.equal(page.headers['content-encoding'], 'br');
    const html = brotliDecompressSync(page.body).toString();
    const css = html.match(/href="(\/build\/site-[^"]+\.css)"/)?.[1];
    const js = html.match(/src="(\/build\/ticker-[^"]+\.js)"/)?.[1];
    assert.ok(css && js, 'page links its stylesheet and script');
    for (const encoding of ['br', 'gzip'] as const) {
      const parts: RawResponse[] = await Promise.all(
        [articlePath, css, js].map((path) => rawGet(`${site.baseUrl}${path}`, { 'accept-encoding': encoding })),
      );
      for (const part of parts) assert.equal(part.headers['content-encoding'], encoding);
      const total = parts.reduce((sum: number, part: RawResponse) => sum + part.body.length, 0);
      assert.ok(total < BUDGET, `${encoding}: ${total} bytes`);
    }
    const gzipped = await rawGet(`${site.baseUrl}${articlePath}`, { 'accept-encoding': 'gzip' });
    assert.equal(gunzipSync(gzipped.body).toString(), html, 'every coding carries the same page');
    const plain = await rawGet(`${site.baseUrl}${articlePath}`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), html);
  });

  test('pages carry caching, validators, Vary and security headers', async () => {
    const response = await rawGet(`${site.baseUrl}${articlePath}`, { 'accept-encoding': 'gzip, br' });
    assert.equal(response.headers['cache-control'], 'public, max-age=0, s-maxage=5, stale-while-revalidate=30');
    assert.equal(response.headers.vary, 'Accept-Encoding');
    // A page rendered on a miss is compressed lightly, and then gzip goes first (smaller than light brotli, and only
    // the page's own text is compressed); a page re-rendered because it is asked for again goes out in brotli.
    assert.match(response.headers.etag ?? '', /^"[\w-]+-(1-gz|br)"$/);
    for (const path of [articlePath, '/api/v1/market/quotes', '/missing-page']) {
      const headers = (await rawGet(`${site.baseUrl}${path}`)).headers;
      assert.match(String(headers['content-security-policy']), /script-src 'self'/, path);
      assert.equal(headers['x-content-type-options'], 'nosniff', path);
      assert.equal(headers['x-frame-options'], 'DENY', path);
      assert.ok(headers['referrer-policy'], path);
    }
  });

  test('If-None-Match gives 304 for any coding of the current page, 200 otherwise', async () => {
    const br = await rawGet(`${site.baseUrl}${articlePath}`, { 'accept-encoding': 'br' });
    const identity = await rawGet(`${site.baseUrl}${articlePath}`);
    for (const etag of [br.headers.etag, identity.headers.etag]) {
      const again = await rawGet(`${site.baseUrl}${articlePath}`, { 'if-none-match': etag ?? '' });
      assert.equal(again.status, 304);
      assert.equal(again.body.length, 0);
    }
    assert.equal((await rawGet(`${site.baseUrl}${articlePath}`, { 'if-none-match': '"stale"' })).status, 200);
  });

  test('every kind of public page, feed and sitemap carries an ETag and a CDN lifetime; the newsroom never may be kept', async () => {
    const { items } = await site.store.listArticles({ limit: 1 });
    const story = items[0];
    assert.ok(story !== undefined);
    const author = `/authors/${authorOf(story.byline).slug}`;
    for (const path of ['/', '/world', '/markets', author, '/feeds/latest.xml', '/sitemap.xml', '/robots.txt']) {
      const response = await rawGet(`${site.baseUrl}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.etag ?? '', /^"[\w-]+"$/, path);
      assert.match(
        response.headers['cache-control'] ?? '',
        /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/,
        path,
      );
      const again = await rawGet(`${site.baseUrl}${path}`, { 'if-none-match': response.headers.etag ?? '' });
      assert.equal(again.status, 304, path);
    }
    for (const path of ['/admin', '/admin/login', '/api/v1/admin/articles']) {
      const response = await rawGet(`${site.baseUrl}${path}`);
      assert.equal(response.headers['cache-control'], 'no-store', `${path} (${response.status})`);
    }
  });

  test('static assets are content-hashed and cached for a year', async () => {
    const html = (await rawGet(`${site.baseUrl}${articlePath}`)).body.toString();
    const css = html.match(/href="(\/build\/site-[^"]+\.css)"/)?.[1];
    const response = await rawGet(`${site.baseUrl}${css}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(response.headers['content-type'] ?? '', /^text\/css/);
    assert.match(response.body.toString(), /--colour-ink:/);
    assert.equal((await rawGet(`${site.baseUrl}/build/site-nothing.css`)).status, 404);
  });

  test('the ticker in a cached page catches up with the market within about a second', async () => {
    const before = (await rawGet(`${site.baseUrl}${articlePath}`)).body.toString();
    assert.match(before, /AVN<\/span> <span class="tick__price">64\.80</);
    const outcome = site.market.applyTrade({
      symbol: 'AVN',
      price: parseRupees('65.10'),
      volume: 100,
      time: new Date('2023-01-31T13:05:00Z'),
    });
    assert.ok(outcome.ok);
    await eventually(async () => {
      const html = (await rawGet(`${site.baseUrl}${articlePath}`)).body.toString();
      assert.match(html, /AVN<\/span> <span class="tick__price">65\.10</);
    }, 5000);
  });
});
