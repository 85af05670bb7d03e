import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseCoding, matchesEtag, prepareResponse } from './preparedResponse.js';

test('chooseCoding prefers br, then gzip, and honours q=0', () => {
  assert.equal(chooseCoding(undefined), 'identity');
  assert.equal(chooseCoding('gzip, deflate, br'), 'br');
  assert.equal(chooseCoding('gzip, deflate'), 'gzip');
  assert.equal(chooseCoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseCoding('*;q=0.1'), 'br');
  assert.equal(chooseCoding('identity'), 'identity');
  assert.equal(chooseCoding('br;q=0, gzip;q=0'), 'identity');
});

test('prepareResponse compresses once and names each coding', async () => {
  const prepared = await prepareResponse('<p>hello hello hello</p>', { contentType: 'text/html', cacheControl: 'x' });
  assert.equal(gunzipSync(prepared.bodies.gzip).toString(), '<p>hello hello hello</p>');
  assert.equal(brotliDecompressSync(prepared.bodies.br).toString(), '<p>hello hello hello</p>');
  assert.equal(prepared.headers.br['content-encoding'], 'br');
  assert.notEqual(prepared.headers.br.etag, prepared.headers.identity.etag);
  assert.equal(matchesEtag(prepared.headers.gzip.etag ?? '', prepared.etag), true);
  assert.equal(matchesEtag(`W/${prepared.etag}, "other"`, prepared.etag), true);
  assert.equal(matchesEtag('"other"', prepared.etag), false);
});
