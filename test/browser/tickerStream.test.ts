import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipUnlessAvailable } from '../support/environment.js';
import { countNavigations, useSiteInBrowser } from '../support/siteInBrowser.js';
import { watchStreams } from '../support/streamWatch.js';
import {
  isTickerRow,
  TICKER_COPY_SELECTOR,
  TICKER_ROW_SELECTOR,
  tickerChange,
  tickerRowTexts,
} from '../support/tickerRows.js';

// What a page polls where it cannot follow the stream (docs/api.md); the rates come only after a change.
const POLLED = ['/api/v1/market/ticker', '/api/v1/market/indices', '/api/v1/market/quotes'];

describe('live ticker over the market stream', { skip: skipUnlessAvailable(['chromium']) }, () => {
  const run = useSiteInBrowser({ simulatorIntervalMs: 200 });

  test('follows one stream through the shared worker and moves without a reload or polling', async () => {
    const streams = watchStreams(run.site.app.server.server);
    const context = await run.browser.newContext();
    try {
      const page = await context.newPage();
      const polls: string[] = [];
      const pageStreams: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (POLLED.includes(url.pathname)) polls.push(url.pathname);
        if (url.pathname === '/api/v1/market/stream') pageStreams.push(request.resourceType());
      });
      const navigations = countNavigations(page);
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.ok(first.length > 0, 'no ticker rows');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the ticker did not change within 10 s');
      assert.equal(streams.opened(), 1, 'one stream for the page, held by the shared worker');
      assert.deepEqual(pageStreams, [], 'the page opened a stream of its own');
      assert.deepEqual(polls, [], 'the ticker polled although the stream works');
      assert.equal(navigations(), 1, 'the page reloaded');
      for (const row of latest.split('\n')) {
        assert.ok(isTickerRow(row), `updated row not in ticker format: ${row}`);
      }
      const updated = await page.locator('div[data-ticker] time').getAttribute('datetime');
      assert.ok(updated !== null && !Number.isNaN(Date.parse(updated)), 'the update time follows the stream');
    } finally {
      await context.close();
    }
  });

  test("the loop's repeated rows change with the rows they repeat", async () => {
    const context = await run.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      assert.notEqual(await tickerChange(page, first, 10_000), first, 'the ticker did not change within 10 s');
      // Read both lists in one go, so no update can fall between them.
      // Named functions inside evaluate would need the test loader's helpers in the page: plain loops only.
      const [rows = [], copies = []] = await page.evaluate(
        (selectors) =>
          selectors.map((selector) =>
            [...document.querySelectorAll<HTMLElement>(selector)].map(
              (row) => `${row.dataset.key} ${row.className} ${row.textContent?.replace(/\s+/g, ' ').trim()}`,
            ),
          ),
        [TICKER_ROW_SELECTOR, TICKER_COPY_SELECTOR],
      );
      assert.equal(rows.length, 34);
      assert.deepEqual(copies, rows);
    } finally {
      await context.close();
    }
  });

  test("the front page's markets box moves with the ticker, so the page never shows two values of one index", async () => {
    const context = await run.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(run.site.url('/'));
      const boxValue = page.locator('.markets-box [data-live="i:KSE100"][data-field="value"]');
      const first = (await boxValue.textContent()) ?? '';
      assert.match(first, /^\d{1,3}(,\d{3})*\.\d\d$/, `box value ${first}`);
      await page.waitForFunction(
        (rendered) =>
          document.querySelector('.markets-box [data-live="i:KSE100"][data-field="value"]')?.textContent !== rendered,
        first,
        { timeout: 15_000 },
      );
      // Both are written from one message, so read together they agree (the ticker rounds to whole points).
      // Plain expressions only: named functions inside evaluate would need the test loader's helpers in the page.
      const [box = '', strip = ''] = await page.evaluate(() => [
        document.querySelector('.markets-box [data-live="i:KSE100"][data-field="value"]')?.textContent ?? '',
        document.querySelector('[data-ticker] .ticker__list [data-key="i:KSE100"] .tick__price')?.textContent ?? '',
      ]);
      const boxPoints = Number(box.replaceAll(',', ''));
      const stripPoints = Number(strip.replaceAll(',', ''));
      assert.ok(stripPoints > 0 && Math.abs(boxPoints - stripPoints) <= 1, `box ${box}, ticker ${strip}`);
      const percent =
        (await page.locator('.markets-box [data-live="i:KSE100"][data-field="changePercent"]').textContent()) ?? '';
      assert.match(percent, /^[+-]?\d+\.\d\d%$/, `box percent ${percent}`);
    } finally {
      await context.close();
    }
  });

  test('polls where a shared worker cannot be had, and opens no stream of its own', async () => {
    const streams = watchStreams(run.site.app.server.server);
    const context = await run.browser.newContext();
    try {
      await context.addInitScript(() => {
        Reflect.deleteProperty(globalThis, 'SharedWorker');
      });
      const page = await context.newPage();
      const polls: string[] = [];
      page.on('request', (request) => {
        if (POLLED.includes(new URL(request.url()).pathname)) polls.push(request.url());
      });
      await page.goto(run.site.url('/'));
      const first = (await tickerRowTexts(page)).join('\n');
      const latest = await tickerChange(page, first, 10_000);
      assert.notEqual(latest, first, 'the polling ticker did not change within 10 s');
      assert.ok(polls.length > 0, 'no poll of the market API');
      assert.equal(streams.opened(), 0, 'a page without a shared worker opened a stream');
    } finally {
      await context.close();
    }
  });
});
