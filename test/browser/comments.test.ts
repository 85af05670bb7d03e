import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Article } from '../../src/news/article.js';
import type { Comment } from '../../src/news/comment.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';

/** What the page tells a reader whose comment now waits for a moderator (a `status` live region). */
const PENDING_NOTICE = /awaiting moderation|held for (moderation|review)/i;
/** What a reader is told about a comment over the length limit. */
const TOO_LONG_ERROR = /too long|1,?000/i;

interface CommentEntry {
  readonly name: string;
  readonly email: string;
  readonly body: string;
}

function commentForm(page: Page) {
  return page.locator('form[method="post" i]', { has: page.locator('textarea') });
}

async function fillComment(page: Page, entry: CommentEntry): Promise<void> {
  const form = commentForm(page);
  await form.getByLabel(/name/i).fill(entry.name);
  await form.getByLabel(/e-?mail/i).fill(entry.email);
  await form.getByLabel(/comment/i).fill(entry.body);
}

/**
 * Submits and waits for the page that follows a plain form post; an enhanced
 * form that answers in place is waited for by `waitForMessage`.
 */
async function submitComment(page: Page): Promise<void> {
  await commentForm(page)
    .getByRole('button', { name: /post|submit|send/i })
    .click();
  await page.waitForLoadState('load');
}

/** How many live-region messages (`role=status` or `alert`) in the page say `pattern` and are visible. */
async function visibleMessages(page: Page, role: 'status' | 'alert', pattern: RegExp): Promise<number> {
  let visible = 0;
  for (const message of await page.getByRole(role).filter({ hasText: pattern }).all()) {
    if (await message.isVisible()) visible += 1;
  }
  return visible;
}

async function waitForMessage(page: Page, role: 'status' | 'alert', pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await visibleMessages(page, role, pattern)) === 0) {
    if (Date.now() > deadline) {
      const text = (await visibleText(page.locator('main'))).slice(0, 2000);
      assert.fail(`no visible role=${role} message ${pattern} on ${page.url()}:\n${text}`);
    }
    await page.waitForTimeout(100);
  }
}

/** The text a screen reader announces as the description of a field (its hint and any error). */
async function fieldDescription(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  for (const id of ids) {
    const described = page.locator(`[id="${id}"]`);
    if ((await described.count()) === 1 && (await described.isVisible())) parts.push(await visibleText(described));
  }
  return parts.join(' ');
}

async function storedWithBody(site: RunningTestApp, body: string): Promise<Comment[]> {
  const all = await site.app.store.listComments({ limit: 10_000 });
  return all.filter((comment) => comment.body === body);
}

describe('reader comments in the browser', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let articles: Article[];

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    const { items } = await site.app.store.listArticles({ limit: 5 });
    articles = [];
    for (const summary of items) {
      const article = await site.app.store.getArticle(summary.id);
      if (article) articles.push(article);
    }
    assert.ok(articles.length >= 5, 'the demo content needs five articles');
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    const articleIndex = javaScriptEnabled ? 0 : 1;

    test(`a comment ${mode} is stored pending, acknowledged and not shown`, async () => {
      const article = articles[articleIndex]!;
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(site.url(articlePath(article)));
        assert.equal(await visibleMessages(page, 'status', PENDING_NOTICE), 0, 'a notice shows before any comment');
        const entry = {
          name: 'Ayesha Khan',
          email: 'ayesha@example.com',
          body: `Clear report on the rupee, thanks (${mode}, ${Date.now()}).`,
        };
        await fillComment(page, entry);
        await submitComment(page);
        await waitForMessage(page, 'status', PENDING_NOTICE);
        assert.equal(new URL(page.url()).pathname, articlePath(article), 'did not end on the article');

        const stored = await storedWithBody(site, entry.body);
        assert.equal(stored.length, 1, 'expected exactly one stored comment');
        assert.equal(stored[0]?.status, 'pending');
        assert.equal(stored[0]?.articleId, article.id);
        assert.equal(stored[0]?.name, entry.name);
        assert.equal(stored[0]?.email, entry.email);

        assert.ok(!(await page.content()).includes(entry.body), 'the pending comment is shown');
        await page.goto(site.url(articlePath(article)));
        assert.ok(!(await page.content()).includes(entry.body), 'the pending comment is shown after a reload');
      } finally {
        await context.close();
      }
    });

    test(`a 1001-character comment ${mode} is refused visibly and nothing is stored`, async () => {
      const article = articles[articleIndex + 2]!;
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(site.url(articlePath(article)));
        const textarea = commentForm(page).getByLabel(/comment/i);
        const maxLength = await textarea.getAttribute('maxlength');
        if (maxLength !== null) {
          assert.equal(maxLength, '1000');
          // The browser would stop a reader at 1000; a crafted or old client would not, so the server must refuse.
          await textarea.evaluate((element) => element.removeAttribute('maxlength'));
        }
        assert.equal(await visibleMessages(page, 'alert', /./), 0, 'an error shows before submitting');
        const hint = await fieldDescription(page, textarea);
        const body = `${Date.now()} ${'x'.repeat(1001)}`.slice(0, 1001);
        assert.equal(body.length, 1001);
        await fillComment(page, { name: 'Bilal', email: 'bilal@example.com', body });
        await submitComment(page);
        await waitForMessage(page, 'alert', /./);
        const field = commentForm(page).getByLabel(/comment/i);
        assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the comment field is not marked invalid');
        const description = await fieldDescription(page, field);
        const error = description.replace(hint, '').trim();
        assert.match(error, TOO_LONG_ERROR, `the field's error does not explain the limit: "${description}"`);
        assert.equal(await visibleMessages(page, 'status', PENDING_NOTICE), 0, 'a refused comment is acknowledged');
        assert.deepEqual(await storedWithBody(site, body), []);
      } finally {
        await context.close();
      }
    });
  }

  test('an approved comment with markup shows as text and runs no script', async () => {
    const article = articles[4]!;
    const body = `Markets up <img src=x onerror=alert(1)> today <script>alert(2)</script> ${Date.now()}`;
    const comment = await site.app.store.addComment({
      articleId: article.id,
      name: 'Tester <b>bold</b>',
      email: 'tester@example.com',
      body,
      ip: '127.0.0.1',
    });
    assert.deepEqual(await site.app.store.setCommentStatus([comment.id], 'approved'), [comment.id]);

    // The content security policy would stop the script on its own; bypass it so escaping is what is tested.
    const context: BrowserContext = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      // Pages are cached for a moment; the approved comment appears once the page is rendered afresh.
      const deadline = Date.now() + 15_000;
      let shown = false;
      while (!shown && Date.now() < deadline) {
        await page.goto(site.url(articlePath(article)));
        shown = (await visibleText(page.locator('main'))).includes(body);
        if (!shown) await page.waitForTimeout(500);
      }
      assert.ok(shown, 'the approved comment is not shown as literal text');
      assert.ok((await visibleText(page.locator('main'))).includes('Tester <b>bold</b>'), 'name not shown literally');
      assert.equal(await page.locator('main img[src="x"], main b:text-is("bold")').count(), 0, 'markup was rendered');
      await page.waitForTimeout(300);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });
});
