import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipUnlessAvailable } from '../support/environment.js';
import { countNavigations, useSiteInBrowser } from '../support/siteInBrowser.js';
import { INDEX_ROW, isTickerRow, STOCK_ROW, tickerChange, tickerRowTexts } from '../support/tickerRows.js';

describe('live ticker', { skip: skipUnlessAvailable(['chromium']) }, () => {
  // A fast simulated market: several trades every 300 ms.
  const run = useSiteInBrowser({ simulatorIntervalMs: 300 });

  test('updates in the browser without a reload', async () => {
    const page = await run.browser.newPage();
    try {
      const navigations = countNavigations(page);
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.ok(first.length > 0, 'no ticker rows');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the ticker did not change within 10 s');
      assert.equal(navigations(), 1, 'the page reloaded');
      for (const row of latest.split('\n')) {
        assert.ok(isTickerRow(row), `updated row not in ticker format: ${row}`);
      }
    } finally {
      await page.close();
    }
  });

  test('shows the market without JavaScript', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(run.site.url('/'));
      const rows = await tickerRowTexts(page);
      assert.equal(rows.filter((row) => STOCK_ROW.test(row)).length, 30, rows.join('\n'));
      assert.equal(rows.filter((row) => INDEX_ROW.test(row)).length, 4, rows.join('\n'));
    } finally {
      await context.close();
    }
  });
});
