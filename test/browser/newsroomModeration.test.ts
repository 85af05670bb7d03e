import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath, latestArticle } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';
import { addNewsroomUsers, signIn } from './newsroomAccounts.js';

const MODERATOR = { email: 'moderator@example.com', name: 'Hina Moderator', role: 'moderator' } as const;
/** Reader pages are cached for a moment; a moderation decision must show within this. */
const VISIBLE_WITHIN_MS = 5_000;

/** Posts a comment through the article's plain form, as a reader without JavaScript would. */
async function postComment(page: Page, name: string, body: string): Promise<void> {
  const form = page.locator('form[method="post" i]', { has: page.locator('textarea') });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('E-mail').fill(`${name.split(' ')[0]?.toLowerCase()}@example.com`);
  await form.getByLabel('Comment').fill(body);
  await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Post comment' }).click()]);
  assert.match(await visibleText(page.getByRole('status')), /moderation/i, 'no pending notice after posting');
}

/** Reloads the article until `shown` says what the comments section must, or fails after a few seconds. */
async function reloadUntil(page: Page, url: string, shown: (text: string) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + VISIBLE_WITHIN_MS;
  for (;;) {
    await page.goto(url);
    const text = await visibleText(page.locator('#comments'));
    if (shown(text)) return;
    if (Date.now() > deadline) assert.fail(`${what} within ${VISIBLE_WITHIN_MS} ms; comments read:\n${text}`);
    await page.waitForTimeout(250);
  }
}

/** The queue's row holding this comment's text. */
function rowOf(page: Page, body: string) {
  return page.getByRole('row').filter({ hasText: body });
}

async function press(page: Page, button: ReturnType<Page['getByRole']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

describe('moderating reader comments', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let reader: BrowserContext;
  let newsroom: BrowserContext;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    await addNewsroomUsers(site, [MODERATOR]);
    reader = await browser.newContext({ javaScriptEnabled: false });
    newsroom = await browser.newContext();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('an approved comment appears on the article and a rejected one goes', async () => {
    const article = await latestArticle(site.app.store);
    const url = site.url(articlePath(article));
    const stamp = Date.now();
    const kept = `The rupee story explains the interbank gap well (${stamp}).`;
    const dropped = `I disagree with the import figures quoted here (${stamp}).`;

    const readerPage = await reader.newPage();
    await readerPage.goto(url);
    await postComment(readerPage, 'Ayesha Khan', kept);
    await readerPage.goto(url);
    await postComment(readerPage, 'Bilal Ahmed', dropped);
    const before = await visibleText(readerPage.locator('#comments'));
    assert.ok(!before.includes(kept) && !before.includes(dropped), 'a pending comment is shown to readers');

    const desk = await newsroom.newPage();
    await signIn(desk, site, MODERATOR.email);
    await press(desk, desk.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Comments' }));
    assert.equal(new URL(desk.url()).pathname, '/admin/comments');
    assert.equal(await rowOf(desk, kept).count(), 1, 'the first comment is not in the queue');
    assert.equal(await rowOf(desk, dropped).count(), 1, 'the second comment is not in the queue');

    // One by its own button, one ticked and approved in bulk: both ways through the queue's form.
    await press(desk, rowOf(desk, kept).getByRole('button', { name: /^Approve comment \d+$/ }));
    await rowOf(desk, dropped).getByRole('checkbox').check();
    await press(desk, desk.getByRole('button', { name: 'Approve', exact: true }));
    assert.equal(await rowOf(desk, kept).count(), 0, 'an approved comment is still pending');
    assert.equal(await rowOf(desk, dropped).count(), 0, 'a bulk-approved comment is still pending');

    await reloadUntil(
      readerPage,
      url,
      (text) => text.includes(kept) && text.includes(dropped),
      'the approved comments are not on the article',
    );

    await desk.goto(site.url('/admin/comments?status=approved'));
    await press(desk, rowOf(desk, dropped).getByRole('button', { name: /^Reject comment \d+$/ }));
    await reloadUntil(
      readerPage,
      url,
      (text) => text.includes(kept) && !text.includes(dropped),
      'the rejected comment is still on the article',
    );

    await desk.goto(site.url('/admin/comments?status=rejected'));
    assert.equal(await rowOf(desk, dropped).count(), 1, 'the rejected comment is not in the rejected list');
  });
});
