import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseCoding, isNotModified, matchesEtag, prepareResponse } from './preparedResponse.js';

test('chooseCoding prefers br, then gzip, and honours q=0', () => {
  assert.equal(chooseCoding(undefined), 'identity');
  assert.equal(chooseCoding('gzip, deflate, br'), 'br');
  assert.equal(chooseCoding('gzip, deflate'), 'gzip');
  assert.equal(chooseCoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseCoding('*;q=0.1'), 'br');
  assert.equal(chooseCoding('identity'), 'identity');
  assert.equal(chooseCoding('br;q=0, gzip;q=0'), 'identity');
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
