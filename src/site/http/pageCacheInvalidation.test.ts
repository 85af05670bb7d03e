import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PageCache, type PageOutcome } from './pageCache.js';

function cache() {
  return new PageCache({
    minRenderIntervalMs: 1000,
    maxAgeMs: 60_000,
    maxEntries: 100,
    admitAfterRenders: 1,
    currentVersion: () => 1,
    clock: () => 0,
    onRefreshError: () => {},
  });
}
const page = (html: string) => async (): Promise<PageOutcome> => ({ kind: 'page', html });

test('invalidate drops exactly the named pages; invalidateWhere those that match', async () => {
  const pages = cache();
  for (const key of ['home', 'tag:oil:1', 'tag:oil:2', 'tag:gold:1', 'print:2026-11-28'])
    await pages.produce(key, page(key));
  assert.equal(pages.invalidate(['home', 'nothing-here']), 1);
  assert.equal(pages.lookup('home'), undefined);
  assert.equal(
    pages.invalidateWhere((key) => key.startsWith('tag:oil:')),
    2,
  );
  assert.equal(pages.lookup('tag:oil:2'), undefined);
  assert.notEqual(pages.lookup('tag:gold:1'), undefined);
  assert.notEqual(pages.lookup('print:2026-11-28'), undefined);
  assert.equal(pages.size, 2);
});

test('a render that began before an invalidation answers its request but is not kept', async () => {
  const pages = cache();
  let release: () => void = () => {};
  const slow = new Promise<void>((resolve) => {
    release = resolve;
  });
  const old = pages.produce('home', async () => {
    await slow;
    return { kind: 'page', html: 'old headline' };
  });
  pages.invalidate(['home']);
  const fresh = await pages.produce('home', page('new headline'));
  release();
  const served = await old;
  assert.equal(served.kind, 'page');
  assert.equal(fresh.kind, 'page');
  const cached = pages.lookup('home');
  assert.ok(cached);
  assert.equal(fresh.kind === 'page' && fresh.prepared.etag, cached.etag, 'the fresh render is the one kept');
});
