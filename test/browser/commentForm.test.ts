import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Article } from '../../src/news/article.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** Whether an element's box lies (at least partly) within the visible part of the page. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });
}

/** A field of the comment form, found by its label as a reader would. */
function field(page: Page, label: 'Name' | 'E-mail' | 'Comment') {
  return page.locator('#comment-form').getByLabel(label, { exact: true });
}

async function activeElementId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

describe('the comment form keeps the reader', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let articles: Article[];

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    const { items } = await site.app.store.listArticles({ limit: 6 });
    articles = [];
    for (const summary of items) {
      const article = await site.app.store.getArticle(summary.id);
      if (article) articles.push(article);
    }
    assert.ok(articles.length >= 6, 'the demo content needs six articles');
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    const article = () => articles[javaScriptEnabled ? 1 : 2]!;

    for (const viewport of [PHONE, DESKTOP]) {
      test(`a refused comment ${mode} at ${viewport.width} px: error beside the form, focus on the field, text kept`, async () => {
        const context = await browser.newContext({ javaScriptEnabled, viewport });
        try {
          const page = await context.newPage();
          await page.goto(site.url(articlePath(article())));
          const body = `A thoughtful comment that must not be lost (${mode}, ${viewport.width}, ${Date.now()}).`;
          await field(page, 'Name').fill('Sana');
          await field(page, 'E-mail').fill('not-an-address');
          await field(page, 'Comment').fill(body);
          // The browser's own check of type=email would stop the post; the server's answer is what is tested.
          await page.locator('#comment-form').evaluate((form) => form.setAttribute('novalidate', ''));
          await page.getByRole('button', { name: 'Post comment' }).click();
          await page.waitForLoadState('load');
          await page.locator('#comment-email-error').waitFor({ state: 'visible', timeout: 5_000 });

          const address = new URL(page.url());
          assert.equal(address.pathname, articlePath(article()), 'the page moved to another address');
          assert.equal(await activeElementId(page), 'comment-email', 'focus is not on the field in error');
          assert.ok(await inViewport(page, '#comment-email-error'), 'the error is not on screen');
          assert.equal(await field(page, 'Comment').inputValue(), body, 'the comment was lost');
          assert.equal(await field(page, 'Name').inputValue(), 'Sana');
          assert.equal(await field(page, 'E-mail').getAttribute('aria-invalid'), 'true');
          const described = (await field(page, 'E-mail').getAttribute('aria-describedby')) ?? '';
          assert.ok(described.split(' ').includes('comment-email-error'), 'the error does not describe its field');
          // The error sits in the form, next to what it is about.
          assert.equal(await page.locator('#comment-form #comment-email-error').count(), 1);
          assert.equal((await site.app.store.listComments({ limit: 10_000 })).filter((c) => c.body === body).length, 0);
          if (!javaScriptEnabled) {
            // The address is the article's: loading it again is an ordinary page, not a form post.
            const again = await page.goto(site.url(articlePath(article())));
            assert.equal(again?.status(), 200);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
