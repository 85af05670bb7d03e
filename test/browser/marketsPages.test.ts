import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages } from '../support/htmlChecker.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

/** Every markets page, with the chart areas each must draw. */
const MARKET_PAGES = [
  { name: 'markets', path: '/markets', charts: 4 },
  { name: 'stock', path: '/markets/stocks/OGDC', charts: 2 },
  { name: 'stock-1m', path: '/markets/stocks/HUBC?range=1m', charts: 2 },
  { name: 'index', path: '/markets/indices/KSE100', charts: 2 },
  { name: 'index-sorted', path: '/markets/indices/KSE30?sort=points&dir=asc', charts: 2 },
  { name: 'currency', path: '/markets/currency/usd-pkr', charts: 1 },
  { name: 'search', path: '/markets/search?q=cement', charts: 0 },
] as const;

/** The live figures of a page, as read now. */
function liveTexts(page: Page): Promise<string> {
  return page.$$eval('[data-live][data-field]', (elements) => elements.map((element) => element.textContent).join('|'));
}

/** Brings each chart near the screen in turn: the chart island draws a chart only as it comes near. */
async function scrollThroughCharts(page: Page): Promise<void> {
  const figures = page.locator('figure.chart');
  const count = await figures.count();
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    // Wait for it to be drawn before moving on: a figure passed between two frames is never seen near the screen.
    if ((await figure.locator('[data-chart]').count()) > 0) {
      await figure.locator('[data-chart]:not([hidden])').first().waitFor({ timeout: 10_000 });
    }
  }
}

async function changed(page: Page, read: () => Promise<string>, first: string, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let latest = first;
  while (latest === first && Date.now() < deadline) {
    await page.waitForTimeout(150);
    latest = await read();
  }
  return latest;
}

describe('markets pages in a browser', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp({ simulatorIntervalMs: 150 });
    browser = await launchChromium();
    context = await browser.newContext();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every chart is drawn, and only pages with charts load the chart island', async () => {
    for (const entry of MARKET_PAGES) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(site.url(entry.path));
        if (entry.charts > 0) {
          await scrollThroughCharts(page);
          await page.waitForFunction(
            (count) => document.querySelectorAll('.chart__canvas:not([hidden]) canvas').length >= count,
            entry.charts,
            { timeout: 10_000 },
          );
        }
        const shown = await page.$$eval('.chart__canvas:not([hidden])', (elements) =>
          elements.map((element) => element.getBoundingClientRect().height),
        );
        assert.equal(shown.length, entry.charts, `${entry.path}: chart areas drawn`);
        for (const height of shown) assert.ok(height > 100, `${entry.path}: a chart ${height}px high`);
        const scripts = await page.$$eval('script[src]', (elements) =>
          elements.map((e) => e.getAttribute('src') ?? ''),
        );
        assert.equal(
          scripts.some((src) => src.includes('/build/chart-')),
          entry.charts > 0,
          entry.path,
        );
        assert.deepEqual(errors, [], `${entry.path}: script errors`);
      } finally {
        await page.close();
      }
    }
  });

  test('on a phone, a chart far down the page is drawn only as the reader scrolls to it, from one fetch of the drawing code', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.newPage();
      const drawingFetches: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/build/chart-draw-')) drawingFetches.push(request.url());
      });
      await page.goto(site.url('/markets'));
      await page.waitForSelector('.chart__canvas:not([hidden]) canvas', { timeout: 10_000 });
      const drawnAtFirst = await page.$$eval('.chart__canvas:not([hidden])', (charts) => charts.length);
      assert.ok(drawnAtFirst >= 1 && drawnAtFirst < 4, `${drawnAtFirst} of 4 charts drawn before scrolling`);
      await scrollThroughCharts(page);
      await page.waitForFunction(
        () => document.querySelectorAll('.chart__canvas:not([hidden]) canvas').length >= 4,
        undefined,
        {
          timeout: 10_000,
        },
      );
      // The library is a bundle of its own (chart.island.ts imports it when a chart is near), fetched once for all.
      assert.equal(drawingFetches.length, 1, `the drawing code was fetched ${drawingFetches.length} times`);
    } finally {
      await phone.close();
    }
  });

  test('stock, index and overview figures follow the market stream without a reload', async () => {
    for (const path of ['/markets', '/markets/stocks/OGDC', '/markets/indices/KSE100']) {
      const page = await context.newPage();
      try {
        let navigations = 0;
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) navigations += 1;
        });
        const streams: string[] = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname === '/api/v1/market/stream') streams.push(url.href);
        });
        await page.goto(site.url(path));
        const first = await liveTexts(page);
        assert.ok(first.length > 0, `${path}: live figures`);
        const latest = await changed(page, () => liveTexts(page), first, 15_000);
        assert.notEqual(latest, first, `${path}: figures did not move within 15 s`);
        assert.equal(navigations, 1, `${path}: the page reloaded`);
        // The figures came through the page's one feed, from the browser's shared stream (docs/adr/0007).
        assert.deepEqual(streams, [], `${path}: the page opened a stream of its own`);
        for (const text of latest.split('|')) assert.match(text, /^([+-]?[\d,]+(\.\d+)?%?|–)$/, `${path}: ${text}`);
      } finally {
        await page.close();
      }
    }
  });

  test('the intraday chart gains points from the stream', async () => {
    const page = await context.newPage();
    try {
      await page.goto(site.url('/markets/stocks/TRG'));
      await page.waitForSelector('#intraday-chart-title ~ .chart__canvas:not([hidden]) canvas');
      // The drawn price is echoed in the live figure; after a minute boundary or a change the chart is updated in place.
      const first = await page.locator('[data-live="s:TRG"][data-field="last"]').first().textContent();
      const latest = await changed(
        page,
        async () => (await page.locator('[data-live="s:TRG"][data-field="last"]').first().textContent()) ?? '',
        first ?? '',
        15_000,
      );
      assert.notEqual(latest, first, 'TRG did not trade within 15 s');
    } finally {
      await page.close();
    }
  });

  test('masthead search suggests as one types and goes to the chosen stock', async () => {
    const page = await context.newPage();
    try {
      await page.goto(site.url('/world'));
      const input = page.locator('#masthead-search');
      assert.equal(await input.getAttribute('role'), 'combobox');
      await input.fill('hu');
      await page.waitForSelector('#symbol-suggestions-0 [role="option"]');
      const options = await page.$$eval('#symbol-suggestions-0 [role="option"]', (elements) =>
        elements.map((element) => element.textContent ?? ''),
      );
      assert.ok(options[0]?.startsWith('HUBC'), options.join(' / '));
      await input.press('ArrowDown');
      assert.equal(await input.getAttribute('aria-activedescendant'), 'symbol-suggestions-0-0');
      await Promise.all([page.waitForURL(/\/markets\/stocks\/HUBC$/), input.press('Enter')]);
      // Without a suggestion chosen, the form searches stories and instruments, the instrument first.
      await page.locator('#masthead-search').fill('kse30');
      await Promise.all([page.waitForURL(/\/search\?q=kse30$/), page.locator('#masthead-search').press('Enter')]);
      await Promise.all([
        page.waitForURL(/\/markets\/indices\/KSE30$/),
        page.getByRole('region', { name: 'Stocks and indices' }).getByRole('link', { name: /KSE30/ }).click(),
      ]);
    } finally {
      await page.close();
    }
  });

  test("charts are painted in the page's paper and repainted when the system colour scheme changes", async () => {
    // Each chart's last canvas is the corner under its price axis, which the library fills with the layout's
    // background alone (the price pane's own pixels may hold a line or an area fill, wherever the day's prices run).
    const chartPapers = (page: Page) =>
      page.$$eval('.chart__canvas:not([hidden])', (charts) =>
        charts.map((chart) => {
          const canvas = [...chart.querySelectorAll('canvas')].at(-1);
          const pixel = canvas?.getContext('2d')?.getImageData(2, 2, 1, 1).data;
          return pixel === undefined ? 'none' : `rgb(${pixel[0]}, ${pixel[1]}, ${pixel[2]})`;
        }),
      );
    /** Waits until every drawn chart of the page shows `colour` as its paper; a miss names the page and what it read. */
    const chartsPainted = (page: Page, path: string, count: number, colour: string) =>
      page
        .waitForFunction(
          ({ count, colour }) =>
            [...document.querySelectorAll('.chart__canvas:not([hidden])')].filter((chart) => {
              const pixel = [...chart.querySelectorAll('canvas')]
                .at(-1)
                ?.getContext('2d')
                ?.getImageData(2, 2, 1, 1).data;
              return pixel !== undefined && `rgb(${pixel[0]}, ${pixel[1]}, ${pixel[2]})` === colour;
            }).length === count,
          { count, colour },
          { timeout: 10_000 },
        )
        .catch(async () =>
          assert.fail(`${path}: chart papers ${(await chartPapers(page)).join(' | ')}, not ${colour}`),
        );
    const darkContext = await browser.newContext({ colorScheme: 'dark' });
    try {
      for (const entry of MARKET_PAGES.filter((candidate) => candidate.charts > 0)) {
        const page = await darkContext.newPage();
        try {
          await page.goto(site.url(entry.path));
          await scrollThroughCharts(page);
          const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(paper, 'rgb(20, 20, 20)', `${entry.path}: the page is not in the dark scheme`);
          await chartsPainted(page, entry.path, entry.charts, paper);
          // The reader's system turns light: the open page's charts follow without a reload.
          await page.emulateMedia({ colorScheme: 'light' });
          await chartsPainted(page, entry.path, entry.charts, 'rgb(255, 255, 255)');
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.waitForFunction(
            () => getComputedStyle(document.body).backgroundColor === 'rgb(20, 20, 20)',
            undefined,
            { timeout: 10_000 },
          );
          await chartsPainted(page, entry.path, entry.charts, 'rgb(20, 20, 20)');
          assert.equal((await chartPapers(page)).length, entry.charts, entry.path);
        } finally {
          await page.close();
        }
      }
    } finally {
      await darkContext.close();
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`markets pages pass axe in the ${colorScheme} scheme`, async () => {
      const axeContext = await browser.newContext({ bypassCSP: true, colorScheme });
      const failures: string[] = [];
      try {
        for (const entry of MARKET_PAGES) {
          const page = await axeContext.newPage();
          try {
            await page.goto(site.url(entry.path));
            if (entry.charts > 0) {
              await scrollThroughCharts(page);
              await page.waitForFunction(
                (count) => document.querySelectorAll('.chart__canvas:not([hidden]) canvas').length >= count,
                entry.charts,
                { timeout: 10_000 },
              );
            }
            const violations = await axeViolations(page);
            if (violations.length > 0) failures.push(`${entry.path}:\n  ${describeViolations(violations)}`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await axeContext.close();
      }
      assert.deepEqual(failures, [], `axe violations (${colorScheme}):\n${failures.join('\n')}`);
    });
  }

  test('markets pages are valid HTML', { skip: skipUnlessAvailable(['java']) }, async () => {
    const documents = [];
    for (const entry of MARKET_PAGES) {
      const response = await fetch(site.url(entry.path));
      assert.equal(response.status, 200, entry.path);
      documents.push({ name: entry.name, html: await response.text() });
    }
    const notFound = await fetch(site.url('/markets/stocks/NOPE'));
    assert.equal(notFound.status, 404);
    documents.push({ name: 'stock-not-found', html: await notFound.text() });
    const errors = (await checkHtml(documents)).filter((message) => message.type !== 'info');
    assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  });
});
