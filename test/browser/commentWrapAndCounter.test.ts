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

/** A field of the comment form, found by its label as a reader would. */
function field(page: Page, label: 'Name' | 'E-mail' | 'Comment') {
  return page.locator('#comment-form').getByLabel(label, { exact: true });
}

/** Loads a path until `ready` holds: pages are cached for a moment after the data under them changes. */
async function gotoUntil(page: Page, url: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await page.goto(url);
    if (await ready()) return;
    if (Date.now() > deadline) assert.fail(`${url} never showed what the test waits for`);
    await page.waitForTimeout(500);
  }
}

describe('comments wrap, isolate names and count as the server counts', {
  skip: skipUnlessAvailable(['chromium']),
}, () => {
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

  test('a 300-character word, a long URL and an Urdu name in approved comments widen no page, at 390 and 1366 px', async () => {
    const article = articles[0]!;
    const word = `${Date.now()}${'w'.repeat(300)}`;
    const url = `https://example.com/${'a-very-long-path-segment-'.repeat(12)}?q=${'x'.repeat(80)}`;
    const name = 'علی رضا';
    for (const [who, body] of [
      ['Lengthy', word],
      [name, `See ${url} for more`],
    ] as const) {
      const comment = await site.app.store.addComment({
        articleId: article.id,
        name: who,
        email: 'reader@example.com',
        body,
        ip: '127.0.0.1',
      });
      await site.app.store.setCommentStatus([comment.id], 'approved');
    }
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        await gotoUntil(
          page,
          site.url(articlePath(article)),
          async () =>
            (
              await page
                .locator('.comment-list')
                .textContent()
                .catch(() => null)
            )?.includes(word.slice(0, 40)) === true,
        );
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          window: document.documentElement.clientWidth,
        }));
        assert.ok(widths.page <= widths.window, `the page is ${widths.page} px wide in a ${widths.window} px window`);
        // The Urdu name is isolated: it cannot pull the date after it into right-to-left order.
        const isolated = await page.locator('.comment-list bdi', { hasText: name }).count();
        assert.equal(isolated, 1, 'the commenter name is not in a <bdi>');
      } finally {
        await context.close();
      }
    }
  });

  test('the counter counts as the server does: 1000 emoji fit and are taken, 1001 are one too many', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto(site.url(articlePath(articles[3]!)));
      const counter = page.locator('[data-comment-counter]');
      assert.equal(await counter.textContent(), '1,000 characters left');
      const emoji = '\u{1F44D}';
      await field(page, 'Comment').fill(emoji.repeat(500));
      assert.equal(await counter.textContent(), '500 characters left');
      await field(page, 'Comment').fill(emoji.repeat(1001));
      assert.equal(await counter.textContent(), '1 character too many');
      const body = `${Date.now()}`;
      const exact = body + emoji.repeat(1000 - body.length);
      await field(page, 'Comment').fill(exact);
      assert.equal(await counter.textContent(), '0 characters left');
      await field(page, 'Name').fill('Counter');
      await field(page, 'E-mail').fill('counter@example.com');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /awaiting moderation/ })
        .waitFor({ timeout: 5_000 });
      const stored = (await site.app.store.listComments({ limit: 10_000 })).filter((c) => c.body === exact);
      assert.equal(stored.length, 1, 'the 1000-character comment was not taken');
      assert.equal(await field(page, 'Comment').inputValue(), '', 'a taken comment stays in the box');
    } finally {
      await context.close();
    }
  });
});
