import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleSummary } from '../../news/article.js';
import { SharedReads } from '../http/sharedReads.js';
import type { SiteContext } from '../siteContext.js';
import { mostReadStories } from './frontPageData.js';

function siteReading(clock: { now: number }): { site: SiteContext; readings: () => number } {
  let readings = 0;
  const deps = {
    now: () => new Date(clock.now),
    frontPage: {
      mostRead: async (): Promise<ArticleSummary[]> => {
        readings += 1;
        return [];
      },
    },
  };
  // Only what mostReadStories reads of the site is given.
  const shared = new SharedReads(() => clock.now);
  return { site: { deps, shared } as unknown as SiteContext, readings: () => readings };
}

test('"most read" is read once for every page asking within half a minute, then afresh', async () => {
  const clock = { now: Date.parse('2023-01-31T10:00:00Z') };
  const { site, readings } = siteReading(clock);
  await Promise.all([mostReadStories(site), mostReadStories(site), mostReadStories(site)]);
  assert.equal(readings(), 1);
  clock.now += 29_000;
  await mostReadStories(site);
  assert.equal(readings(), 1);
  clock.now += 2_000;
  await mostReadStories(site);
  assert.equal(readings(), 2, 'read again after 30 s');
  await mostReadStories(site, 9);
  assert.equal(readings(), 3, 'another length is another reading');
});

test('"most read" is read afresh after any newsroom change (a killed story must not come back)', async () => {
  const clock = { now: Date.parse('2023-01-31T10:00:00Z') };
  const { site, readings } = siteReading(clock);
  await mostReadStories(site);
  site.shared.clear(); // what page invalidation does on every change announced on the bus
  await mostReadStories(site);
  assert.equal(readings(), 2);
});
