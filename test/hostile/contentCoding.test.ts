import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createToken } from '../support/cliProcess.js';
import {
  assertAlive,
  assertUnharmed,
  type Baseline,
  type HostileSite,
  startHostileSite,
  takeBaseline,
} from './hostileSite.js';

// A small compressed body, announced with Content-Encoding, at routes that act on little or nothing of their
// body. No route undoes a content coding, so the packed bytes were read as the body itself: a form parser turned
// them into junk fields that lenient routes dropped, and the request went on to act. A gzip "form" closed the
// market day, cleared a story's picture and answered 200 on several desk routes. Each must now be a 415 that names
// the one coding taken, and nothing may change. (bombs.test.ts sends huge bodies for memory; these are small.)

const PACK = {
  gzip: (bytes: Buffer) => gzipSync(bytes),
  deflate: (bytes: Buffer) => deflateSync(bytes),
  br: (bytes: Buffer) => brotliCompressSync(bytes),
  'gzip, identity': (bytes: Buffer) => gzipSync(bytes),
  'x-custom': (bytes: Buffer) => bytes,
} as const;

describe('hostile traffic: compressed request bodies are refused before they are read', () => {
  let site: HostileSite;
  let baseline: Baseline;
  let adminToken: string;

  before(async () => {
    site = await startHostileSite();
    // Made before the baseline: only the requests under test must leave the store alone.
    adminToken = await createToken(site.db, 'admin');
    baseline = await takeBaseline(site);
  });
  after(async () => {
    await site?.close();
  });

  it('answers 415 with Accept-Encoding: identity at every kind of route, forms and JSON alike', async () => {
    const desk = `Bearer ${site.deskToken}`;
    const admin = `Bearer ${adminToken}`;
    const form = 'application/x-www-form-urlencoded';
    const json = 'application/json';
    const routes: [method: string, path: string, contentType: string, auth: string | null, body: string][] = [
      ['POST', '/api/v1/admin/market/close-day', form, desk, 'confirm=yes'],
      ['POST', '/api/v1/admin/market/close-day', json, desk, '{}'],
      ['PATCH', '/api/v1/admin/market/instruments/OGDC', form, desk, 'name=Renamed'],
      ['PUT', `/api/v1/admin/articles/${site.articleId}/picture`, form, admin, 'featuredMediaId=none'],
      ['PATCH', '/api/v1/admin/sections/world', form, admin, 'name=World'],
      ['POST', '/api/v1/wire', json, admin, '{"uri":"x"}'],
      ['POST', '/api/v1/market/trades', json, `Bearer ${site.feedToken}`, '{"feed":"f","trades":[]}'],
      ['POST', `/api/v1/articles/${site.articleId}/comments`, json, null, '{"name":"A","body":"Hi"}'],
      ['POST', `/news/${site.articleId}/comments`, form, null, 'name=A&body=Hi'],
      ['POST', '/admin/login', form, null, 'email=a%40b.c&password=x'],
    ];
    const failures: string[] = [];
    for (const [method, path, contentType, auth, body] of routes) {
      for (const [coding, pack] of Object.entries(PACK)) {
        const response = await fetch(`${site.address}${path}`, {
          method,
          redirect: 'manual',
          headers: {
            'content-type': contentType,
            'content-encoding': coding,
            ...(auth === null ? {} : { authorization: auth }),
          },
          body: new Uint8Array(pack(Buffer.from(body))),
        });
        const text = await response.text();
        if (response.status !== 415)
          failures.push(`${coding} ${method} ${path}: ${response.status} ${text.slice(0, 120)}`);
        else if (response.headers.get('accept-encoding') !== 'identity')
          failures.push(`${coding} ${path}: no Accept-Encoding`);
        else if (!/compressed/i.test(text))
          failures.push(`${coding} ${path}: the answer does not say why: ${text.slice(0, 120)}`);
      }
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('still reads a body that says identity', async () => {
    const identity = await fetch(`${site.address}/api/v1/market/trades`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'identity',
        authorization: `Bearer ${site.feedToken}`,
      },
      body: '{"feed":"f","trades":[]}',
    });
    // An empty batch is the schema's 400: the body was read, not refused for its coding.
    assert.equal(identity.status, 400, await identity.text());
  });

  it('changed nothing stored: the market day is still open, the story keeps its picture', async () => {
    await assertUnharmed(site, baseline, 150 * 1024 * 1024);
  });
});
