import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { INDEX_ROW, STOCK_ROW, tickerRowTexts } from '../support/tickerRows.js';

/** Waits up to `ms` for the ticker to read differently from `first`; returns what it reads then. */
async function tickerChange(page: Page, first: string, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let latest = first;
  while (latest === first && Date.now() < deadline) {
    await page.waitForTimeout(100);
    latest = (await tickerRowTexts(page)).join('\n');
  }
  return latest;
}

describe('live ticker over the market stream', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp({ simulatorIntervalMs: 200 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('follows the stream with EventSource and moves without a reload or polling', async () => {
    const page = await browser.newPage();
    try {
      const streams: string[] = [];
      const polls: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname === '/api/v1/market/stream') streams.push(request.resourceType());
        if (url.pathname === '/api/v1/market/ticker') polls.push(url.pathname);
      });
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await page.goto(site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.ok(first.length > 0, 'no ticker rows');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the ticker did not change within 10 s');
      assert.deepEqual(streams, ['eventsource'], 'one EventSource request to the stream');
      assert.deepEqual(polls, [], 'the ticker polled although the stream works');
      assert.equal(navigations, 1, 'the page reloaded');
      for (const row of latest.split('\n')) {
        assert.ok(STOCK_ROW.test(row) || INDEX_ROW.test(row), `updated row not in ticker format: ${row}`);
      }
      const updated = await page.locator('div[data-ticker] time').getAttribute('datetime');
      assert.ok(updated !== null && !Number.isNaN(Date.parse(updated)), 'the update time follows the stream');
    } finally {
      await page.close();
    }
  });

  test('falls back to polling where EventSource does not exist', async () => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(() => {
        Reflect.deleteProperty(globalThis, 'EventSource');
      });
      const page = await context.newPage();
      const polls: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/market/ticker') polls.push(request.url());
      });
      await page.goto(site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the polling ticker did not change within 10 s');
      assert.ok(polls.length > 0, 'no poll of /api/v1/market/ticker');
    } finally {
      await context.close();
    }
  });
});
