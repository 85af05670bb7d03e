import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type SitePage, sitePages } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

const SMALL_SCREEN = { width: 360, height: 740 };

describe('accessibility and small screens', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  let pages: SitePage[] = [];

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    // axe is injected as an inline script, which the site's content security policy rightly forbids.
    desktop = await browser.newContext({ bypassCSP: true });
    phone = await browser.newContext({ viewport: SMALL_SCREEN });
    pages = await sitePages(site.app.store);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every kind of page passes axe (WCAG 2.1 A/AA and best practices)', async () => {
    const failures: string[] = [];
    for (const sitePage of pages) {
      const page = await desktop.newPage();
      try {
        const response = await page.goto(site.url(sitePage.path));
        assert.equal(response?.status(), sitePage.status, `${sitePage.path} answered ${response?.status()}`);
        const violations = await axeViolations(page);
        if (violations.length > 0) failures.push(`${sitePage.path}:\n  ${describeViolations(violations)}`);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
  });

  test('no page scrolls sideways on a 360 px phone, the ticker strip aside', async () => {
    const failures: string[] = [];
    for (const sitePage of pages) {
      const page = await phone.newPage();
      try {
        await page.goto(site.url(sitePage.path));
        const overflow = await page.evaluate((width) => {
          // The ticker strip scrolls sideways inside itself by design; everything else must fit.
          for (const element of document.querySelectorAll<HTMLElement>('[data-ticker] *')) {
            if (/auto|scroll/.test(getComputedStyle(element).overflowX)) element.style.display = 'none';
          }
          const scrollWidth = document.documentElement.scrollWidth;
          const wide = [...document.body.querySelectorAll('*')]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .slice(0, 5)
            .map(
              (element) =>
                `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`,
            );
          return { scrollWidth, wide };
        }, SMALL_SCREEN.width);
        if (overflow.scrollWidth > SMALL_SCREEN.width) {
          failures.push(
            `${sitePage.path}: scrollWidth ${overflow.scrollWidth} (too wide: ${overflow.wide.join(', ')})`,
          );
        }
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(failures, []);
  });
});
