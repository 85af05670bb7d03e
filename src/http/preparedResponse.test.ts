import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { deflateRun } from './gzipPieces.js';
import type { SharedPart } from './piecedBody.js';
import { chooseCoding, isNotModified, matchesEtag, prepareResponse } from './preparedResponse.js';

test('chooseCoding prefers br, then gzip, and honours q=0', () => {
  assert.equal(chooseCoding(undefined), 'identity');
  assert.equal(chooseCoding('gzip, deflate, br'), 'br');
  assert.equal(chooseCoding('gzip, deflate'), 'gzip');
  assert.equal(chooseCoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseCoding('*;q=0.1'), 'br');
  assert.equal(chooseCoding('identity'), 'identity');
  assert.equal(chooseCoding('br;q=0, gzip;q=0'), 'identity');
  // gzip first when the response prefers it, br still for a client that takes only br.
  assert.equal(chooseCoding('gzip, deflate, br', 'gzip'), 'gzip');
  assert.equal(chooseCoding('br', 'gzip'), 'br');
  assert.equal(chooseCoding('gzip;q=0, br;q=1', 'gzip'), 'br');
});

/** A shared part as a page's fragment is one (src/site/components/sharedFragment.ts), for these tests. */
function sharedPart(text: string): SharedPart {
  const bytes = Buffer.from(text);
  const run = deflateRun(bytes, 6);
  return { text, bytes, id: `id of ${text}`, run: () => run };
}

test('a pieced body is sent whole in every coding; its gzip, joined from pieces, inflates to the same bytes', async () => {
  const ticker = sharedPart(`<ul>${'<li>KSE100 ▲ 801.8 (2.01%)</li>'.repeat(40)}</ul>`);
  const parts = [
    '<!doctype html><html><head><title>Story</title></head><body>',
    ticker,
    '<p>Own text</p>',
    ticker,
    '</body></html>',
  ];
  const whole = parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
  for (const effort of ['light', 'full'] as const) {
    const prepared = await prepareResponse({ parts }, { contentType: 'text/html', cacheControl: 'x', effort });
    assert.equal(prepared.body('identity').toString(), whole, effort);
    assert.equal(gunzipSync(prepared.body('gzip')).toString(), whole, effort);
    assert.equal(brotliDecompressSync(prepared.body('br')).toString(), whole, effort);
    assert.equal(prepared.preferred, effort === 'light' ? 'gzip' : 'br');
  }
});

test("a pieced body's validator changes with its own text and with any shared part, and only then", async () => {
  const options = { contentType: 'text/html', cacheControl: 'x' };
  const etagOf = async (parts: readonly (string | SharedPart)[]) => (await prepareResponse({ parts }, options)).etag;
  const strip = sharedPart('<ul><li>up</li></ul>');
  const first = await etagOf(['<p>a</p>', strip, '<p>b</p>']);
  assert.equal(await etagOf(['<p>a</p>', sharedPart('<ul><li>up</li></ul>'), '<p>b</p>']), first);
  assert.notEqual(await etagOf(['<p>a</p>', strip, '<p>c</p>']), first, 'own text changed');
  assert.notEqual(await etagOf(['<p>a</p>', sharedPart('<ul><li>down</li></ul>'), '<p>b</p>']), first, 'shared part');
});

test('prepareResponse compresses each coding once, when it is first asked for, and names each coding', async () => {
  const prepared = await prepareResponse('<p>hello hello hello</p>', { contentType: 'text/html', cacheControl: 'x' });
  assert.equal(gunzipSync(prepared.body('gzip')).toString(), '<p>hello hello hello</p>');
  assert.equal(brotliDecompressSync(prepared.body('br')).toString(), '<p>hello hello hello</p>');
  assert.equal(prepared.body('identity').toString(), '<p>hello hello hello</p>');
  // Kept: the same bytes, not compressed again.
  assert.equal(prepared.body('gzip'), prepared.body('gzip'));
  assert.equal(prepared.body('br'), prepared.body('br'));
  assert.equal(prepared.headers.br['content-encoding'], 'br');
  assert.notEqual(prepared.headers.br.etag, prepared.headers.identity.etag);
  assert.equal(matchesEtag(prepared.headers.gzip.etag ?? '', prepared.etag), true);
  assert.equal(matchesEtag(`W/${prepared.etag}, "other"`, prepared.etag), true);
  assert.equal(matchesEtag('"other"', prepared.etag), false);
});

test('a lightly compressed response names its coding variants apart, and either matches the page', async () => {
  const text = Array.from({ length: 300 }, (_, i) => `<li>quote ${i % 29}: ${i * 7}</li>`).join('');
  const light = await prepareResponse(text, { contentType: 'text/html', cacheControl: 'x', effort: 'light' });
  const full = await prepareResponse(text, { contentType: 'text/html', cacheControl: 'x' });
  assert.equal(light.etag, full.etag);
  assert.notEqual(light.headers.gzip.etag, full.headers.gzip.etag, 'different bytes, different strong validators');
  assert.notEqual(light.headers.br.etag, full.headers.br.etag);
  assert.equal(gunzipSync(light.body('gzip')).toString(), text);
  assert.equal(brotliDecompressSync(light.body('br')).toString(), text);
  assert.ok(light.body('br').length > full.body('br').length, 'brotli 1 makes more bytes than brotli 6');
  assert.equal(matchesEtag(light.headers.gzip.etag ?? '', full.etag), true);
  assert.equal(matchesEtag(light.headers.br.etag ?? '', full.etag), true);
  assert.equal(matchesEtag(`"${full.etag.slice(1, -1)}-2-gz"`, full.etag), false);
});

test('precompress makes the codings on the thread pool, and body() then hands them out unchanged', async () => {
  const prepared = await prepareResponse('<p>ahead ahead ahead</p>', { contentType: 'text/html', cacheControl: 'x' });
  assert.deepEqual(prepared.compressedCodings(), []);
  await prepared.precompress(['br', 'gzip']);
  assert.deepEqual(prepared.compressedCodings(), ['br', 'gzip']);
  assert.equal(gunzipSync(prepared.body('gzip')).toString(), '<p>ahead ahead ahead</p>');
  assert.equal(brotliDecompressSync(prepared.body('br')).toString(), '<p>ahead ahead ahead</p>');
});

test('isNotModified: If-None-Match decides when sent; else If-Modified-Since against Last-Modified in whole seconds', async () => {
  const lastModified = new Date('2023-01-31T10:11:19.750Z');
  const feed = await prepareResponse('<rss/>', { contentType: 'application/rss+xml', cacheControl: 'x', lastModified });
  assert.equal(feed.headers.identity['last-modified'], 'Tue, 31 Jan 2023 10:11:19 GMT');
  assert.equal(feed.notModifiedHeaders['last-modified'], 'Tue, 31 Jan 2023 10:11:19 GMT');
  assert.equal(isNotModified(undefined, 'Tue, 31 Jan 2023 10:11:19 GMT', feed), true);
  assert.equal(isNotModified(undefined, 'Tue, 31 Jan 2023 11:00:00 GMT', feed), true);
  assert.equal(isNotModified(undefined, 'Tue, 31 Jan 2023 10:11:18 GMT', feed), false);
  assert.equal(isNotModified(undefined, 'yesterday', feed), false);
  assert.equal(isNotModified(undefined, undefined, feed), false);
  assert.equal(isNotModified(feed.etag, 'Tue, 31 Jan 2023 08:00:00 GMT', feed), true);
  assert.equal(isNotModified('"other"', 'Tue, 31 Jan 2023 11:00:00 GMT', feed), false);

  const page = await prepareResponse('<p>page</p>', { contentType: 'text/html', cacheControl: 'x' });
  assert.equal(page.headers.identity['last-modified'], undefined);
  assert.equal(
    isNotModified(undefined, 'Tue, 31 Jan 2023 11:00:00 GMT', page),
    false,
    'no Last-Modified, no 304 by date',
  );
});
