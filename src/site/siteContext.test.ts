import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SiteAssets } from './assets/siteAssets.js';
import { SharedReads } from './http/sharedReads.js';
import { createChromeLoader } from './siteContext.js';
import type { WebDeps } from './siteDeps.js';

/** The few dependencies the chrome reads, counting the store and history queries it makes. */
function chromeDeps() {
  const state = { now: 1_000_000, snapshot: { version: 1, quotes: [] } as object, sectionReads: 0, barReads: 0 };
  const deps = {
    now: () => new Date(state.now),
    market: { snapshot: () => state.snapshot },
    store: {
      listSections: async () => {
        state.sectionReads += 1;
        return [{ slug: 'markets', name: 'Markets', position: 1 }];
      },
    },
    marketPages: {
      reference: {
        publishedIndices: () => [{ code: 'KSE100', name: 'KSE-100 Index', returnType: 'price', baseValue: 1000 }],
      },
      history: {
        dailyBars: async () => {
          state.barReads += 1;
          return [];
        },
      },
    },
  } as unknown as WebDeps;
  const assets = { stylesheetUrl: null, tickerScriptUrl: null } as unknown as SiteAssets;
  const shared = new SharedReads(() => state.now);
  return { state, chrome: createChromeLoader(deps, assets, shared), shared };
}

test('pages share one read of the sections until the shared reads are cleared (any announced change)', async () => {
  const { state, chrome, shared } = chromeDeps();
  const first = await chrome();
  await chrome();
  await chrome('http://example.test');
  assert.equal(state.sectionReads, 1);
  assert.equal((await chrome()).sections, first.sections, 'the same list, so the masthead drawn from it is reused');
  shared.clear();
  await chrome();
  assert.equal(state.sectionReads, 2);
});

test("the published indices' closes are read once per market snapshot, and again after a second", async () => {
  const { state, chrome } = chromeDeps();
  await chrome();
  const perRead = state.barReads;
  assert.ok(perRead > 0);
  await chrome();
  await chrome();
  assert.equal(state.barReads, perRead, 'same snapshot, within the second');
  state.snapshot = { version: 2, quotes: [] };
  await chrome();
  assert.equal(state.barReads, 2 * perRead, 'a new snapshot reads afresh');
  state.now += 1_000;
  await chrome();
  assert.equal(state.barReads, 3 * perRead, 'a second later too');
});
