import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipUnlessAvailable } from '../support/environment.js';
import { countNavigations, useSiteInBrowser } from '../support/siteInBrowser.js';
import { isTickerRow, tickerChange, tickerRowTexts } from '../support/tickerRows.js';

describe('live ticker over the market stream', { skip: skipUnlessAvailable(['chromium']) }, () => {
  const run = useSiteInBrowser({ simulatorIntervalMs: 200 });

  test('follows the stream with EventSource and moves without a reload or polling', async () => {
    const page = await run.browser.newPage();
    try {
      const streams: string[] = [];
      const polls: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/v1/market/stream') streams.push(request.resourceType());
        if (url.pathname === '/api/v1/market/ticker') polls.push(url.pathname);
      });
      const navigations = countNavigations(page);
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.ok(first.length > 0, 'no ticker rows');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the ticker did not change within 10 s');
      assert.deepEqual(streams, ['eventsource'], 'one EventSource request to the stream');
      assert.deepEqual(polls, [], 'the ticker polled although the stream works');
      assert.equal(navigations(), 1, 'the page reloaded');
      for (const row of latest.split('\n')) {
        assert.ok(isTickerRow(row), `updated row not in ticker format: ${row}`);
      }
      const updated = await page.locator('div[data-ticker] time').getAttribute('datetime');
      assert.ok(updated !== null && !Number.isNaN(Date.parse(updated)), 'the update time follows the stream');
    } finally {
      await page.close();
    }
  });

  test('falls back to polling where EventSource does not exist', async () => {
    const context = await run.browser.newContext();
    try {
      await context.addInitScript(() => {
        Reflect.deleteProperty(globalThis, 'EventSource');
      });
      const page = await context.newPage();
      const polls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/market/ticker') polls.push(request.url());
      });
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the polling ticker did not change within 10 s');
      assert.ok(polls.length > 0, 'no poll of /api/v1/market/ticker');
    } finally {
      await context.close();
    }
  });
});
