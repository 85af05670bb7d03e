import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type DeskSite, startDeskSite } from './marketDeskFixture.js';

const PAGES = [
  '/admin/market',
  '/admin/market/instruments',
  '/admin/market/instruments/OGDC',
  '/admin/market/indices',
  '/admin/market/indices/BR30',
  '/admin/market/corporate-actions',
  '/admin/market/fx',
  '/admin/market/calendar',
];

describe('market desk pages have no axe-core violations', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: DeskSite;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    requireTools(['chromium']);
    site = await startDeskSite();
    const desk = await site.signedIn('market-desk');
    browser = await launchChromium();
    // axe is injected as an inline script, which the newsroom's content security policy rightly forbids.
    context = await browser.newContext({ bypassCSP: true });
    await context.addCookies(
      [...desk.cookies].map(([key, cookie]) => ({
        name: key.split('|')[0] ?? key,
        value: cookie.value,
        url: `${site.baseUrl}${cookie.path}`,
      })),
    );
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const path of PAGES) {
    test(path, async () => {
      const page = await context.newPage();
      try {
        const response = await page.goto(`${site.baseUrl}${path}`);
        assert.equal(response?.status(), 200);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], describeViolations(violations));
      } finally {
        await page.close();
      }
    });
  }

  test('a refused form, with its problems marked', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${site.baseUrl}/admin/market/instruments`);
      await page.fill('#list-symbol', 'bad symbol');
      await page.fill('#list-freeFloat', '150');
      // The browser's own checks would stop an empty required field; the server's are what is tested here.
      await page.evaluate(() => {
        for (const input of document.querySelectorAll('input[required]')) input.removeAttribute('required');
      });
      const [response] = await Promise.all([page.waitForNavigation(), page.click('text=List instrument')]);
      assert.equal(response?.status(), 422);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    } finally {
      await page.close();
    }
  });

  test('a refused index definition, and the withdrawal question', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${site.baseUrl}/admin/market/indices`);
      await page.fill('#define-code', 'BR9');
      await page.fill('#define-name', 'Broadsheet Nine');
      await page.fill('#define-baseValue', 'a thousand');
      await page.fill('#define-constituents', 'OGDC\nNOPE');
      const [refused] = await Promise.all([page.waitForNavigation(), page.click('text=Define index')]);
      assert.equal(refused?.status(), 422);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      const [asked] = await Promise.all([page.waitForNavigation(), page.click('text=Withdraw… BR30')]);
      assert.equal(asked?.status(), 200);
      const question = await axeViolations(page);
      assert.deepEqual(question, [], describeViolations(question));
    } finally {
      await page.close();
    }
  });
});
