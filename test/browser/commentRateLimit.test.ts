import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Article } from '../../src/news/article.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

const RETRY = /post it again in \d+ seconds?\./;

function field(page: Page, label: 'Name' | 'E-mail' | 'Comment') {
  return page.locator('#comment-form').getByLabel(label, { exact: true });
}

describe('a comment over the rate limit is kept', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let article: Article;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp({ commentRateLimit: 1 });
    browser = await launchChromium();
    const { items } = await site.app.store.listArticles({ limit: 1 });
    const found = items[0] ? await site.app.store.getArticle(items[0].id) : null;
    assert.ok(found, 'the demo content has no article');
    article = found;
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  /** Uses up this address's allowance for the current minute, as an earlier comment would have. */
  async function spendAllowance(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(site.url(`/api/v1/articles/${article.id}/comments`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Earlier', email: 'earlier@example.com', body: `earlier ${Date.now()}` }),
      });
      if (response.status === 429) return;
    }
    assert.fail('the rate limit never answered 429');
  }

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    test(`${mode}: the answer says when to retry, beside the form, and the comment stays typed`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        await page.goto(site.url(articlePath(article)));
        const body = `Please keep this comment (${mode}, ${Date.now()}).`;
        await field(page, 'Name').fill('Hamza');
        await field(page, 'E-mail').fill('hamza@example.com');
        await field(page, 'Comment').fill(body);
        await spendAllowance();
        const answer = javaScriptEnabled
          ? null
          : page.waitForResponse((response) => response.request().method() === 'POST');
        await page.getByRole('button', { name: 'Post comment' }).click();
        if (answer !== null) assert.equal((await answer).status(), 429);
        const alert = page.locator('#comment-form').getByRole('alert');
        await alert.waitFor({ state: 'visible', timeout: 5_000 });
        assert.match((await alert.textContent()) ?? '', RETRY);
        assert.equal(await field(page, 'Comment').inputValue(), body, 'the comment was thrown away');
        assert.equal(await field(page, 'Name').inputValue(), 'Hamza');
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'comment-body',
          'focus is not on the comment',
        );
        assert.equal(new URL(page.url()).pathname, articlePath(article));
        const stored = await site.app.store.listComments({ limit: 10_000 });
        assert.equal(stored.filter((comment) => comment.body === body).length, 0);
      } finally {
        await context.close();
      }
    });
  }
});
