import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { skipUnlessAvailable } from '../support/environment.js';
import { testFeed } from '../support/marketPush.js';
import { countNavigations, type SiteInBrowser, useSiteInBrowser } from '../support/siteInBrowser.js';
import { watchStreams } from '../support/streamWatch.js';

// The front page's markets box: its movers and its dollar follow the page's one market feed, like its indices,
// and a box moved by the stream reads exactly as the server renders it afresh.

const MOVERS = '.markets-box [data-box-movers]';
const DOLLAR = '.markets-box [data-box-dollar]';
const EMPTY = '.markets-box [data-box-empty]';

interface Quote {
  readonly symbol: string;
  readonly ldcp: string;
}

/** What a part of the box says, and whether it shows; read in one go so no update falls between. */
async function boxText(page: Page): Promise<{ movers: string; dollar: string; empty: string }> {
  return page.evaluate(
    (selectors) => {
      const read: string[] = [];
      for (const selector of selectors) {
        const part = document.querySelector<HTMLElement>(selector);
        if (part === null || part.hidden) {
          read.push('(hidden)');
          continue;
        }
        // A table's cells run together in textContent: read them one by one.
        const cells = [...part.querySelectorAll('caption, th, td')].map((cell) => cell.textContent ?? '');
        const text = cells.length > 0 ? cells.join(' ') : (part.textContent ?? '');
        read.push(text.replace(/\s+/g, ' ').trim());
      }
      return { movers: read[0] ?? '', dollar: read[1] ?? '', empty: read[2] ?? '' };
    },
    [MOVERS, DOLLAR, EMPTY],
  );
}

type BoxText = Awaited<ReturnType<typeof boxText>>;

/**
 * The box as the server renders it, read without running the page's script,
 * once it says what `live` says or the wait runs out. Cached pages are served
 * stale while they re-render (docs/api.md, "Caching of pages"), so the first
 * load after a change may be one render behind.
 */
async function renderedBox(run: SiteInBrowser, live: BoxText): Promise<BoxText> {
  const context = await run.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const deadline = Date.now() + 15_000;
    for (;;) {
      await page.goto(run.site.url('/'));
      const rendered = await boxText(page);
      if (JSON.stringify(rendered) === JSON.stringify(live) || Date.now() > deadline) return rendered;
      await page.waitForTimeout(250);
    }
  } finally {
    await context.close();
  }
}

async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  await page
    .waitForFunction(
      ([where, text]) => (document.querySelector(where ?? '')?.textContent ?? '').includes(text ?? ''),
      [selector, expected],
      { timeout: 15_000 },
    )
    .catch(async () =>
      assert.fail(`${selector} never showed ${expected}; it shows ${JSON.stringify(await boxText(page))}`),
    );
}

async function openFront(context: BrowserContext, run: SiteInBrowser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(run.site.url('/'));
  return page;
}

describe('the front page markets box on the demo market', { skip: skipUnlessAvailable(['chromium']) }, () => {
  // No simulated trades: the pushed trade and rate are the only changes the box can show.
  const run = useSiteInBrowser({ simulatorIntervalMs: 3_600_000 });

  /** Pushes a trade that drops the top mover and a dearer dollar, and waits for the open page's box to show both. */
  async function pushedChangesShow(feedName: string, polling: boolean): Promise<void> {
    const feed = await testFeed(run.site, feedName);
    const streams = watchStreams(run.site.app.server.server);
    const context = await run.browser.newContext();
    try {
      if (polling) {
        await context.addInitScript(() => {
          Reflect.deleteProperty(globalThis, 'SharedWorker');
        });
      }
      const page = await openFront(context, run);
      const navigations = countNavigations(page);
      const before = await boxText(page);
      assert.match(before.movers, /^Top movers Stock Last \(Rs\) Change /, `movers: ${before.movers}`);
      assert.match(before.dollar, /^USD\/PKR interbank \d{3}\.\d\d · open market \d{3}\.\d\d\/\d{3}\.\d\d$/);
      // The top gainer traded back at its previous close: unchanged, it leaves the table.
      const leader = await page.locator(`${MOVERS} tbody th a`).first().textContent();
      const quotes = (await (await fetch(run.site.url('/api/v1/market/quotes'))).json()) as { quotes: Quote[] };
      const quote = quotes.quotes.find((entry) => entry.symbol === leader);
      assert.ok(quote !== undefined, `the box's leader ${leader} is not in /quotes`);
      const interbank = /interbank (\d+\.\d\d)/.exec(before.dollar)?.[1] ?? '';
      const dollar = (Math.round(Number(interbank) * 100 + 137) / 100).toFixed(2);

      await feed.trade(quote.symbol, quote.ldcp);
      await feed.dollar('interbank', dollar, dollar);

      await waitForText(page, DOLLAR, `interbank ${dollar}`);
      await page
        .waitForFunction(
          ([where, symbol]) =>
            ![...document.querySelectorAll(`${where} tbody th a`)].some((link) => link.textContent === symbol),
          [MOVERS, quote.symbol],
          { timeout: 15_000 },
        )
        .catch(() => assert.fail(`${quote.symbol} still leads the movers after trading at its previous close`));
      assert.equal(navigations(), 0, 'the page reloaded');
      if (polling) assert.equal(streams.opened(), 0, 'a page without a shared worker opened a stream');
      else assert.ok(streams.opened() <= 1, `${streams.opened()} streams for one page`);

      const live = await boxText(page);
      assert.notEqual(live.movers, before.movers);
      assert.deepEqual(live, await renderedBox(run, live), 'the live box differs from a fresh render');
      assert.match(
        (await page.locator(`${DOLLAR} span`).getAttribute('class')) ?? '',
        /figure--up/,
        'a dearer dollar reads as a rise',
      );
    } finally {
      await context.close();
    }
  }

  test('a pushed trade and a pushed dollar rate change the movers and USD/PKR without a reload, as a fresh render has them', async () => {
    await pushedChangesShow('box-test', false);
  });

  test('where the browser has no shared worker, polling keeps the movers and USD/PKR live as the stream does', async () => {
    await pushedChangesShow('box-poll-test', true);
  });
});

describe('the front page markets box on a --no-demo site', { skip: skipUnlessAvailable(['chromium']) }, () => {
  const run = useSiteInBrowser({ demo: false });

  test('says there are no figures yet, with no empty tables, then shows the first dollar rate pushed without a reload', async () => {
    const context = await run.browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await openFront(context, run);
      const navigations = countNavigations(page);
      assert.deepEqual(await boxText(page), {
        movers: '(hidden)',
        dollar: '(hidden)',
        empty: 'No market figures yet.',
      });
      assert.equal(await page.locator('.markets-box table').count(), 0, 'an empty site draws no tables');
      // Pushed before or after the page joins the stream, the rate reaches it: a late joiner's snapshot has it.
      const feed = await testFeed(run.site, 'box-empty-test');
      await feed.dollar('interbank', '279.10', '279.10');
      await waitForText(page, DOLLAR, 'interbank 279.10');
      const live = await boxText(page);
      assert.deepEqual(live, { movers: '(hidden)', dollar: 'USD/PKR interbank 279.10', empty: '(hidden)' });
      assert.deepEqual(live, await renderedBox(run, live), 'the live box differs from a fresh render');
      assert.equal(navigations(), 0, 'the page reloaded');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width} px wide`);
    } finally {
      await context.close();
    }
  });

  test('where the browser has no shared worker, a pushed dollar rate still reaches the box by polling', async () => {
    const context = await run.browser.newContext();
    try {
      await context.addInitScript(() => {
        Reflect.deleteProperty(globalThis, 'SharedWorker');
      });
      const page = await openFront(context, run);
      const navigations = countNavigations(page);
      const feed = await testFeed(run.site, 'box-empty-poll-test');
      await feed.dollar('interbank', '281.45', '281.45');
      await waitForText(page, DOLLAR, 'interbank 281.45');
      const live = await boxText(page);
      assert.equal(live.dollar, 'USD/PKR interbank 281.45');
      assert.deepEqual(live, await renderedBox(run, live), 'the live box differs from a fresh render');
      assert.equal(navigations(), 0, 'the page reloaded');
    } finally {
      await context.close();
    }
  });
});
