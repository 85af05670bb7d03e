import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { INDEX_ROW, STOCK_ROW, tickerRowTexts } from '../support/tickerRows.js';

describe('live ticker', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;

  before(async () => {
    requireTools(['chromium']);
    // A fast simulated market: several trades every 300 ms.
    site = await startTestApp({ simulatorIntervalMs: 300 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('updates in the browser without a reload', async () => {
    const page = await browser.newPage();
    try {
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await page.goto(site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.ok(first.length > 0, 'no ticker rows');
      const deadline = Date.now() + 10_000;
      let latest = first;
      while (latest === first && Date.now() < deadline) {
        await page.waitForTimeout(250);
        latest = (await tickerRowTexts(page)).join('\n');
      }
      assert.notEqual(latest, first, 'the ticker did not change within 10 s');
      assert.equal(navigations, 1, 'the page reloaded');
      for (const row of latest.split('\n')) {
        assert.ok(STOCK_ROW.test(row) || INDEX_ROW.test(row), `updated row not in ticker format: ${row}`);
      }
    } finally {
      await page.close();
    }
  });

  test('shows the market without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.url('/'));
      const rows = await tickerRowTexts(page);
      assert.equal(rows.filter((row) => STOCK_ROW.test(row)).length, 30, rows.join('\n'));
      assert.equal(rows.filter((row) => INDEX_ROW.test(row)).length, 4, rows.join('\n'));
    } finally {
      await context.close();
    }
  });
});
