import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';
import { addNewsroomUsers, signIn } from './newsroomAccounts.js';

const EDITOR = { email: 'editor@example.com', name: 'Sana Editor', role: 'editor' } as const;
const WRITER = { email: 'writer@example.com', name: 'Omar Writer', role: 'writer' } as const;

/** The id in `/admin/articles/{id}`, where the editor lands after a save. */
function articleIdOf(page: Page): number {
  const match = /^\/admin\/articles\/(\d+)$/.exec(new URL(page.url()).pathname);
  assert.ok(match, `not on an article's editor: ${page.url()}`);
  return Number(match[1]);
}

/** The figure on the dashboard's tile linking to `label` (e.g. "Drafts"). */
async function dashboardCount(page: Page, site: RunningTestApp, label: string): Promise<number> {
  await page.goto(site.url('/admin'));
  const tile = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: label, exact: true }) });
  return Number((await visibleText(tile.locator('strong'))).replace(/,/g, ''));
}

/** Presses a submit button and waits for the page the form post leads to. */
async function submit(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
}

describe('writing and publishing in the newsroom', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    await addNewsroomUsers(site, [EDITOR, WRITER]);
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.stop();
  });

  test('an editor writes, previews and publishes a story that readers then see', async () => {
    const stamp = Date.now();
    const story = {
      headline: `Cement despatches rise 12pc in March ${stamp}`,
      standfirst: 'Northern mills lead the rebound as construction picks up.',
      first: `Local despatches reached 3.9 million tonnes in the month (${stamp}).`,
      second: 'Exports fell for a third month as freight costs stayed high.',
      tags: ['Cement', `Construction ${stamp}`],
      byline: 'Sana Editor',
      dateline: 'LAHORE',
    };
    // The plain form, as a browser without script sees it (the story editor island has its own tests).
    const page = await newPage({ javaScriptEnabled: false });
    await signIn(page, site, EDITOR.email);
    const draftsBefore = await dashboardCount(page, site, 'Drafts');

    await page.goto(site.url('/admin/articles'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Write a new article' }).click()]);
    await page.getByLabel('Headline').fill(story.headline);
    await page.getByLabel('Standfirst').fill(story.standfirst);
    await page.getByLabel('Block 1 text').fill(story.first);
    await submit(page, 'Add a block');
    assert.equal(await page.getByLabel('Headline').inputValue(), story.headline, 'adding a block lost the headline');
    assert.equal(await page.getByLabel('Block 1 text').inputValue(), story.first, 'adding a block lost block 1');
    await page.getByLabel('Block 2 type').selectOption('paragraph');
    await page.getByLabel('Block 2 text').fill(story.second);
    const section = page.getByLabel('Section');
    await section.selectOption({ index: 1 });
    // An option's text is not rendered (innerText), so read its text content.
    const sectionName = ((await section.locator('option:checked').textContent()) ?? '').trim();
    assert.notEqual(sectionName, '', 'no section chosen');
    await page.getByLabel(/^Tags/).fill(story.tags.join(', '));
    await page.getByLabel(/^Byline/).fill(story.byline);
    await page.getByLabel(/^Dateline/).fill(story.dateline);
    await submit(page, 'Save draft');

    const id = articleIdOf(page);
    assert.match(await visibleText(page.getByRole('heading', { level: 2, name: /^Status:/ })), /draft/i);
    assert.equal(await page.getByLabel('Block 2 text').inputValue(), story.second, 'the second block was not saved');

    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Preview', exact: true }).click()]);
    assert.equal(new URL(page.url()).pathname, `/admin/articles/${id}/preview`);
    assert.equal(await visibleText(page.getByRole('heading', { level: 1 })), story.headline);
    assert.match(await visibleText(page.getByRole('note')), /^Preview\b/);
    const anonymous = await fetch(site.url(`/news/${id}/x`), { redirect: 'manual' });
    assert.notEqual(anonymous.status, 200, 'a draft is on the reader site before it is published');
    assert.equal(await dashboardCount(page, site, 'Drafts'), draftsBefore + 1, 'the dashboard missed the new draft');

    await page.goto(site.url(`/admin/articles/${id}`));
    await submit(page, 'Publish now');
    assert.match(await visibleText(page.getByRole('heading', { level: 2, name: /^Status:/ })), /published/i);
    assert.equal(await dashboardCount(page, site, 'Drafts'), draftsBefore, 'a published story still counts as a draft');

    const reader = await newPage();
    await reader.goto(site.url('/'));
    const link = reader.getByRole('link', { name: story.headline, exact: true }).first();
    assert.ok(await link.isVisible(), 'the home page does not show the new story');
    await Promise.all([reader.waitForEvent('load'), link.click()]);
    assert.match(new URL(reader.url()).pathname, new RegExp(`^/news/${id}/`));
    const main = reader.locator('main');
    assert.equal(await visibleText(main.getByRole('heading', { level: 1 })), story.headline);
    const text = await visibleText(main);
    for (const part of [story.first, story.second, story.byline, story.dateline, sectionName]) {
      assert.ok(text.toLowerCase().includes(part.toLowerCase()), `the article page does not show "${part}"`);
    }
    for (const tag of story.tags) {
      const tagLink = main.getByRole('link', { name: tag, exact: true });
      assert.equal(await tagLink.count(), 1, `the article page has no link to tag "${tag}"`);
      assert.match((await tagLink.getAttribute('href')) ?? '', /^\/tags\/[a-z0-9-]+$/);
    }
  });

  test('a writer saves a draft but is offered no publishing, and a forged publish is refused', async () => {
    const headline = `Textile exports hold steady ${Date.now()}`;
    const page = await newPage();
    await signIn(page, site, WRITER.email);
    await page.goto(site.url('/admin/articles/new'));
    await page.getByLabel('Headline').fill(headline);
    await page.getByLabel('Standfirst').fill('Shipments were flat on the year.');
    // With script, the body is the story editor island.
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('Shipments were flat on the year in value terms.');
    await submit(page, 'Save draft');
    const id = articleIdOf(page);

    assert.ok(await page.getByRole('button', { name: 'Submit for review' }).isVisible(), 'no submit button');
    assert.equal(await page.getByRole('button', { name: /publish|schedule|kill/i }).count(), 0);

    // The page's own token, so only the role check can refuse it.
    const status = await page.evaluate(async (articleId) => {
      const token = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
      const response = await fetch(`/admin/articles/${articleId}/transition`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, action: 'publish' }).toString(),
        redirect: 'manual',
      });
      return response.status;
    }, id);
    assert.equal(status, 403);

    await page.reload();
    assert.match(await visibleText(page.getByRole('heading', { level: 2, name: /^Status:/ })), /draft/i);
    assert.equal(await site.app.store.getArticle(id), null, 'the writer’s draft reached the reader site');
  });
});
