import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath, latestArticle, type SitePage, sitePages } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

/** Pages in a PDF: each page object is `/Type /Page` (the tree's nodes are `/Type /Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

/** Relative luminance of a computed `rgb(r, g, b)` colour (WCAG 2.1). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((value) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('print and dark mode', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let pages: SitePage[] = [];

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    pages = await sitePages(site.app.store);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('dark mode follows the system setting, and every kind of page still passes axe', async () => {
    // axe is injected as an inline script, which the site's content security policy rightly forbids.
    const context = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
    const failures: string[] = [];
    try {
      for (const sitePage of pages) {
        const page = await context.newPage();
        try {
          const response = await page.goto(site.url(sitePage.path));
          assert.equal(response?.status(), sitePage.status, sitePage.path);
          const colours = await page.evaluate(() => ({
            paper: getComputedStyle(document.body).backgroundColor,
            ink: getComputedStyle(document.body).color,
          }));
          assert.ok(luminance(colours.paper) < 0.05, `${sitePage.path}: paper ${colours.paper} is not dark`);
          assert.ok(luminance(colours.ink) > 0.5, `${sitePage.path}: ink ${colours.ink} is not light`);
          const violations = await axeViolations(page);
          if (violations.length > 0) failures.push(`${sitePage.path}:\n  ${describeViolations(violations)}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(failures, [], `axe violations in dark mode:\n${failures.join('\n')}`);
  });

  test('the light scheme stays light', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(site.url('/'));
      const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(paper, 'rgb(255, 255, 255)');
    } finally {
      await context.close();
    }
  });

  test('an article prints on at most two A4 pages, without ticker, navigation, forms or comments', async () => {
    const article = await latestArticle(site.app.store);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url(articlePath(article)));
      // On screen all of these are there, so the print test below can fail.
      for (const selector of ['[data-ticker]', '.site-nav', '#comment-form', '.share-links']) {
        assert.ok(await page.locator(selector).first().isVisible(), `${selector} is not on screen`);
      }
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['[data-ticker]', '.site-nav', 'form', '.comments', '.share-links', '.read-more']) {
        const shown = await page
          .locator(selector)
          .evaluateAll(
            (elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length,
          );
        assert.equal(shown, 0, `${selector} prints`);
      }
      assert.ok(await page.getByRole('heading', { level: 1, name: article.headline }).isVisible(), 'no headline');
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      const count = pdfPageCount(pdf);
      assert.ok(count >= 1 && count <= 2, `the article prints on ${count} pages`);
    } finally {
      await context.close();
    }
  });

  test('share links are plain links to the story, and the page loads no script from elsewhere', async () => {
    const article = await latestArticle(site.app.store);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(site.baseUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      await page.goto(site.url(articlePath(article)));
      const share = page.getByRole('navigation', { name: 'Share this story' });
      const links = await share.getByRole('link').evaluateAll((elements) =>
        elements.map((element) => ({
          name: element.getAttribute('aria-label') ?? '',
          href: (element as HTMLAnchorElement).href,
        })),
      );
      assert.deepEqual(
        links.map((link) => link.name),
        ['Share on X', 'Share on Facebook', 'Share on WhatsApp', 'Share on LinkedIn', 'Share by email'],
      );
      const address = encodeURIComponent(site.url(articlePath(article)));
      for (const link of links) assert.ok(link.href.includes(address), `${link.name}: ${link.href}`);
      // The market stream never goes idle (it is a long-lived request), so wait for load and a moment beyond.
      await page.waitForLoadState('load');
      await page.waitForTimeout(1500);
      assert.deepEqual(foreign, [], 'the page fetched something from another site');
    } finally {
      await context.close();
    }
  });
});
