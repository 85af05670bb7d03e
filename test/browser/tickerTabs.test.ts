import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { skipUnlessAvailable } from '../support/environment.js';
import { testFeed } from '../support/marketPush.js';
import { useSiteInBrowser } from '../support/siteInBrowser.js';
import { watchStreams } from '../support/streamWatch.js';

// Over HTTP/1.1 (what the site serves without a proxy in front) a browser keeps at most six connections to
// a host. A stream per tab would leave the seventh tab waiting for ever; the tabs share one connection
// through a shared worker instead, and a market page's islands share one feed.

const TABS = 10;

interface Quote {
  readonly symbol: string;
  readonly last: string;
  readonly ldcp: string;
}

/** The price a ticker row shows now (`OGDC 88.10 Increased By …` → `88.10`). */
async function priceOf(page: Page, symbol: string): Promise<string> {
  const text = await page
    .locator(`div[data-ticker] ul:not([aria-hidden="true"]) > li[data-key="s:${symbol}"] .tick__price`)
    .textContent();
  return text ?? '';
}

describe('one market connection for many tabs', { skip: skipUnlessAvailable(['chromium']) }, () => {
  // No simulated trades: the trade pushed below is the only change the tabs can show.
  const run = useSiteInBrowser({ simulatorIntervalMs: 3_600_000 });

  test(`${TABS} tabs over HTTP/1.1 all load, all show a pushed trade, and the server holds at most two streams`, async () => {
    const streams = watchStreams(run.site.app.server.server);
    const feed = await testFeed(run.site, 'tabs-test');
    // One browser profile, as a reader's tabs are: every page of one context shares the worker.
    const context = await run.browser.newContext();
    try {
      const tabs: Page[] = [];
      for (let i = 0; i < TABS; i += 1) {
        const page = await context.newPage();
        const response = await page.goto(run.site.url(i % 2 === 0 ? '/' : '/markets'), { timeout: 15_000 });
        assert.equal(response?.status(), 200, `tab ${i + 1} did not load`);
        tabs.push(page);
      }
      const quotes = (await (await fetch(run.site.url('/api/v1/market/quotes'))).json()) as { quotes: Quote[] };
      const listed = await tabs[0]?.locator('div[data-ticker] li[data-key^="s:"]').first().getAttribute('data-key');
      const stock = quotes.quotes.find((quote) => `s:${quote.symbol}` === listed);
      assert.ok(stock !== undefined, 'no ticker stock in /quotes');
      // The previous close is inside the day's band whatever the last trade was; move off it when it is the last.
      const paisa = Math.round(Number(stock.ldcp) * 100) + (stock.last === stock.ldcp ? 1 : 0);
      const price = (paisa / 100).toFixed(2);
      assert.notEqual(await priceOf(tabs[0] as Page, stock.symbol), price, 'the pushed price is already shown');

      await feed.trade(stock.symbol, price);

      for (const [i, page] of tabs.entries()) {
        await page
          .locator(`div[data-ticker] ul:not([aria-hidden="true"]) > li[data-key="s:${stock.symbol}"] .tick__price`)
          .filter({ hasText: price })
          .waitFor({ timeout: 10_000 })
          .catch(() => assert.fail(`tab ${i + 1} never showed ${stock.symbol} at ${price}`));
      }
      // A tab opened after all the others still loads: no connection is starved.
      const eleventh = await context.newPage();
      assert.equal((await eleventh.goto(run.site.url('/markets'), { timeout: 15_000 }))?.status(), 200);
      await eleventh.close();

      assert.ok(streams.most() >= 1, 'the tabs never opened the market stream');
      assert.ok(streams.most() <= 2, `the server held ${streams.most()} streams at once for ${TABS} tabs`);
      assert.ok(streams.opened() <= 2, `${streams.opened()} streams were opened for ${TABS} tabs`);
    } finally {
      await context.close();
    }
  });
});
