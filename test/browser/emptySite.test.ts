import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

/** The pages a reader of a fresh `--no-demo` site can reach before the newsroom or the market desk has done anything. */
const EMPTY_SITE_PAGES = [
  '/',
  '/news',
  '/tags',
  '/sections',
  '/print',
  '/markets',
  '/markets/currency/usd-pkr',
  '/search?q=oil',
];
const SCREENS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
] as const;

describe('a fresh site with no stories and no market', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp({ demo: false });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every page reads as a page: no empty boxes, no empty ticker bar, nothing wider than the screen', async () => {
    const failures: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of SCREENS) {
        const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
        try {
          for (const path of EMPTY_SITE_PAGES) {
            const page = await context.newPage();
            const errors: string[] = [];
            page.on('pageerror', (error) => errors.push(error.message));
            try {
              const response = await page.goto(site.url(path));
              const where = `${path} at ${viewport.width} px, ${colorScheme}`;
              if (response?.status() !== 200) failures.push(`${where}: answered ${response?.status()}`);
              // The ticker island has run (or the page has no script to run), so its controls would be showing.
              await page.waitForLoadState('load');
              // One pass, no helper functions: the test's bundler would name them with a helper the page lacks.
              const seen = await page.evaluate(() => {
                const empty: string[] = [];
                let tickerShown = false;
                for (const element of document.querySelectorAll(
                  'main table, main ul, main ol, main section, main aside, [data-ticker]',
                )) {
                  const box = element.getBoundingClientRect();
                  if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden')
                    continue;
                  if (element.matches('[data-ticker]')) {
                    tickerShown = true;
                    continue;
                  }
                  // A box that takes room on the screen and says nothing: a table without rows, a list without
                  // items, a section with a heading only.
                  const saysNothing = element.matches('table')
                    ? element.querySelectorAll('tbody tr').length === 0
                    : element.matches('ul, ol')
                      ? element.querySelectorAll('li').length === 0
                      : [...element.children].every(
                          (child) => /^H[1-6]$/.test(child.tagName) || child.getBoundingClientRect().height === 0,
                        );
                  if (saysNothing) empty.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
                }
                return {
                  empty,
                  tickerShown,
                  chartCredit: document.querySelector('.chart__credit') !== null,
                  charts: document.querySelectorAll('[data-chart]').length,
                  scrollWidth: document.documentElement.scrollWidth,
                  h1: document.querySelector('h1')?.textContent?.trim() ?? '',
                };
              });
              if (seen.empty.length > 0) failures.push(`${where}: empty boxes ${seen.empty.join(', ')}`);
              if (seen.tickerShown) failures.push(`${where}: an empty ticker bar is shown`);
              if (seen.chartCredit && seen.charts === 0) failures.push(`${where}: credits a chart it does not draw`);
              if (seen.scrollWidth > viewport.width) failures.push(`${where}: ${seen.scrollWidth} px wide`);
              if (seen.h1 === '') failures.push(`${where}: no page heading`);
              if (errors.length > 0) failures.push(`${where}: script errors ${errors.join('; ')}`);
              const violations = await axeViolations(page);
              if (violations.length > 0) failures.push(`${where}:\n  ${describeViolations(violations)}`);
            } finally {
              await page.close();
            }
          }
        } finally {
          await context.close();
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('the front page says there is no news yet, and the markets box says there are no figures yet', async () => {
    const context = await browser.newContext({ viewport: SCREENS[0] });
    try {
      const page = await context.newPage();
      await page.goto(site.url('/'));
      await page.getByText('No stories have been published yet.').waitFor({ timeout: 10_000 });
      await page.getByText('No market figures yet.').waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });

  test("a conversion before the site has any dollar rate says so as the site's state, not as the reader's error", async () => {
    const response = await fetch(site.url('/markets/currency/usd-pkr?amount=1%2C000'));
    // Not a 5xx: behind nginx (docs/deploy.md) a 503 counts as the node failing, so three readers' conversions
    // took both web nodes out of the pool and every page answered 502 for 5 s.
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'private, no-cache');
    const html = await response.text();
    assert.match(html, /No US dollar rate is available right now\./);
    assert.match(html, /value="1,000"/, 'the amount typed is kept');
    assert.doesNotMatch(html, /aria-invalid/, 'a valid amount is not marked invalid');
  });
});
