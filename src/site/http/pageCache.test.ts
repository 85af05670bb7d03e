import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { PageCache, type PageOutcome } from './pageCache.js';

function setup() {
  const state = { now: 0, version: 1, renders: 0, html: 'one' };
  const cache = new PageCache({
    minRenderIntervalMs: 1000,
    maxAgeMs: 10_000,
    maxEntries: 2,
    admitAfterRenders: 1,
    currentVersion: () => state.version,
    clock: () => state.now,
    onRefreshError: () => {},
  });
  const producer = async (): Promise<PageOutcome> => {
    state.renders++;
    return { kind: 'page', html: state.html };
  };
  return { state, cache, producer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

test('serves the cached page and re-renders at most once a second when the market moves', async () => {
  const { state, cache, producer } = setup();
  assert.equal(cache.lookup('a'), undefined);
  const first = await cache.produce('a', producer);
  assert.equal(first.kind, 'page');
  const etag = cache.lookup('a')?.etag;
  state.version = 2;
  state.html = 'two';
  state.now = 500;
  assert.equal(cache.lookup('a')?.etag, etag, 'too soon to re-render');
  await settle();
  assert.equal(state.renders, 1);
  state.now = 1000;
  assert.equal(cache.lookup('a')?.etag, etag, 'stale page still served while re-rendering');
  await settle();
  assert.equal(state.renders, 2);
  assert.notEqual(cache.lookup('a')?.etag, etag);
  state.now = 5000;
  cache.lookup('a');
  await settle();
  assert.equal(state.renders, 2, 'market still and page young: no render');
  state.now = 11_001;
  cache.lookup('a');
  await settle();
  assert.equal(state.renders, 3, 'old page refreshed even when the market is still');
});

test('concurrent cold requests share one render; non-pages are not cached; size is bounded', async () => {
  const { state, cache, producer } = setup();
  await Promise.all([cache.produce('a', producer), cache.produce('a', producer), cache.produce('a', producer)]);
  assert.equal(state.renders, 1);
  const missing = await cache.produce('gone', async () => ({ kind: 'notFound' }));
  assert.equal(missing.kind, 'notFound');
  assert.equal(cache.lookup('gone'), undefined);
  await cache.produce('b', producer);
  await cache.produce('c', producer);
  assert.equal(cache.size, 2);
  assert.equal(cache.lookup('a'), undefined, 'oldest entry evicted');
});

test('a page that disappears on refresh is dropped', async () => {
  const { state, cache } = setup();
  let exists = true;
  await cache.produce('a', async () => (exists ? { kind: 'page', html: 'x' } : { kind: 'notFound' }));
  exists = false;
  state.now = 20_000;
  assert.ok(cache.lookup('a'));
  await settle();
  assert.equal(cache.lookup('a'), undefined);
});

test('a page rendered on a miss is compressed lightly; its re-render fully, ahead, in the codings it was served in', async () => {
  const { state, cache, producer } = setup();
  // Long enough that gzip 1 and gzip 6 make different bytes.
  state.html = Array.from({ length: 400 }, (_, i) => `<p>story ${i % 37} of the day ${i % 11}</p>`).join('');
  await cache.produce('a', producer);
  const light = cache.lookup('a');
  assert.ok(light !== undefined);
  assert.match(light.headers.gzip.etag ?? '', /^"[\w-]+-1-gz"$/);
  const lightGzip = light.body('gzip');
  assert.deepEqual(light.compressedCodings(), ['gzip']);
  state.now = 11_000;
  cache.lookup('a');
  await settle();
  const full = cache.lookup('a');
  assert.ok(full !== undefined && full !== light, 're-rendered');
  assert.deepEqual(full.compressedCodings(), ['gzip'], 'the coding asked of the old page is made before any request');
  assert.match(full.headers.gzip.etag ?? '', /^"[\w-]+-gz"$/);
  assert.equal(full.etag, light.etag, 'the same page: one validator for the representation');
  assert.ok(full.body('gzip').length < lightGzip.length, 'fully compressed is smaller');
  assert.equal(gunzipSync(full.body('gzip')).toString(), state.html);
  assert.equal(gunzipSync(lightGzip).toString(), state.html);
});

test('with two renders required, a page is kept only when asked for again while its first render is remembered', async () => {
  const state = { renders: 0 };
  const cache = new PageCache({
    minRenderIntervalMs: 1000,
    maxAgeMs: 10_000,
    maxEntries: 2,
    admitAfterRenders: 2,
    currentVersion: () => 1,
    clock: () => 0,
    onRefreshError: () => {},
  });
  const producer = async (): Promise<PageOutcome> => {
    state.renders++;
    return { kind: 'page', html: `render ${state.renders}` };
  };
  const once = await cache.produce('a', producer);
  assert.equal(once.kind, 'page', 'the first request is answered');
  assert.equal(cache.lookup('a'), undefined, 'asked for once: not kept');
  await cache.produce('a', producer);
  assert.ok(cache.lookup('a'), 'asked for again: kept');
  assert.equal(state.renders, 2);
  cache.lookup('a');
  assert.equal(state.renders, 2, 'served from the cache from then on');

  // Eight keys are remembered (maxEntries × 4): a ninth pushes the oldest out, whose next render is a first again.
  for (const key of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) await cache.produce(key, producer);
  await cache.produce('b', producer);
  assert.equal(cache.lookup('b'), undefined, 'forgotten first render: not kept');
  await cache.produce('j', producer);
  assert.ok(cache.lookup('j'), 'remembered first render: kept');
});
