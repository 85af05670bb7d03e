import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages, type HtmlDocument } from '../support/htmlChecker.js';
import { latestArticle } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { wireItem } from '../wire/wireFixtures.js';
import { addNewsroomUsers, newsroomApiToken, newsroomLinks, signIn } from './newsroomAccounts.js';

const ADMIN = { email: 'admin@example.com', name: 'Zara Admin', role: 'admin' } as const;
const WRITER = { email: 'writer@example.com', name: 'Amna Writer', role: 'writer' } as const;

/** A newsroom page every check runs on, and whether it needs the admin signed in. */
interface AdminPage {
  readonly name: string;
  readonly path: string;
  readonly signedIn: boolean;
}

describe('newsroom pages: accessibility and valid HTML', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let admin: BrowserContext;
  let pages: AdminPage[] = [];

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    await addNewsroomUsers(site, [ADMIN, WRITER]);
    // axe is injected as an inline script, which the newsroom's content security policy rightly forbids.
    anonymous = await browser.newContext({ bypassCSP: true });
    admin = await browser.newContext({ bypassCSP: true });
    const signInPage = await admin.newPage();
    await signIn(signInPage, site, ADMIN.email);
    await signInPage.close();

    const article = await latestArticle(site.app.store);
    // A comment waiting, so the queue shows its table and buttons rather than "no comments".
    await site.app.store.addComment({
      articleId: article.id,
      name: 'Reader',
      email: 'reader@example.com',
      body: 'A question about the figures in the second paragraph.',
      ip: '203.0.113.9',
    });
    const workflow = await workflowStories(site, await newsroomApiToken(site, 'editor'));
    // Wire copy in the inbox, one item killed, so the list, a preview and the kill flag are all checked.
    const [storedItem] = await site.app.wire.store(
      [
        wireItem({
          agencyId: 'urn:test:wire-a11y',
          summary: 'Brent rose.',
          slugline: 'oil-prices',
          // The item page lists the agency's pictures as text: checked here too.
          images: [
            {
              href: 'https://img.wire.example/oil.jpg',
              caption: 'Tankers',
              credit: 'AFP',
              altText: null,
              width: null,
              height: null,
            },
          ],
        }),
      ],
      new Date(),
    );
    // A writer signed in elsewhere (sessions to list), a reset link for them and an invitation waiting.
    const writerPage = await (await browser.newContext()).newPage();
    await signIn(writerPage, site, WRITER.email);
    await writerPage.context().close();
    const links = await newsroomLinks(site, { resetFor: WRITER.email, invite: 'invited@example.com' });
    pages = [
      { name: 'login', path: '/admin/login', signedIn: false },
      { name: 'reset-form', path: links.resetPath, signedIn: false },
      { name: 'invitation-form', path: links.invitationPath, signedIn: false },
      { name: 'user', path: `/admin/users/${links.userId}`, signedIn: true },
      { name: 'dashboard', path: '/admin', signedIn: true },
      { name: 'articles', path: '/admin/articles', signedIn: true },
      { name: 'editor-new', path: '/admin/articles/new', signedIn: true },
      { name: 'editor-published', path: `/admin/articles/${article.id}`, signedIn: true },
      { name: 'revisions', path: `/admin/articles/${article.id}/revisions`, signedIn: true },
      { name: 'articles-filtered', path: '/admin/articles?status=draft&from=2020-01-01&page=1', signedIn: true },
      { name: 'editor-sent-back', path: `/admin/articles/${workflow.sentBack}`, signedIn: true },
      { name: 'editor-read-only', path: `/admin/articles/${workflow.killed}`, signedIn: true },
      { name: 'diff-inline', path: `/admin/articles/${workflow.sentBack}/diff?from=1&to=2`, signedIn: true },
      { name: 'diff-side', path: `/admin/articles/${workflow.sentBack}/diff?from=1&to=2&view=side`, signedIn: true },
      { name: 'comments', path: '/admin/comments', signedIn: true },
      { name: 'print', path: '/admin/print', signedIn: true },
      { name: 'tags', path: '/admin/tags', signedIn: true },
      { name: 'sections', path: '/admin/sections', signedIn: true },
      { name: 'wire-inbox', path: '/admin/wire', signedIn: true },
      { name: 'wire-item', path: `/admin/wire/${storedItem?.itemId}`, signedIn: true },
      { name: 'media', path: '/admin/media', signedIn: true },
      { name: 'media-search', path: `/admin/media?q=chart&for=${article.id}`, signedIn: true },
      { name: 'media-edit', path: '/admin/media/1', signedIn: true },
      { name: 'front-page', path: '/admin/front-page', signedIn: true },
      { name: 'audit', path: '/admin/audit', signedIn: true },
      { name: 'users', path: '/admin/users', signedIn: true },
      { name: 'account', path: '/admin/account', signedIn: true },
    ];
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every newsroom page passes axe (WCAG 2.1 A/AA and best practices)', async () => {
    const failures: string[] = [];
    for (const adminPage of pages) {
      const page = await (adminPage.signedIn ? admin : anonymous).newPage();
      try {
        const response = await page.goto(site.url(adminPage.path));
        assert.equal(response?.status(), 200, `${adminPage.path} answered ${response?.status()}`);
        const pathname = adminPage.path.split('?')[0] ?? adminPage.path;
        assert.ok(new URL(page.url()).pathname.startsWith(pathname), `${adminPage.path} sent to ${page.url()}`);
        const violations = await axeViolations(page);
        if (violations.length > 0) failures.push(`${adminPage.path}:\n  ${describeViolations(violations)}`);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
  });

  test('a refused save lists its errors accessibly and marks the fields', async () => {
    const page = await admin.newPage();
    try {
      await page.goto(site.url('/admin/articles/new'));
      // Past the browser's own checks, as an old browser or a cleared field would be: the server must explain.
      await page.locator('form.article-form').evaluate((form) => {
        (form as HTMLFormElement).noValidate = true;
      });
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save draft' }).click()]);
      const headline = page.getByLabel('Headline');
      assert.equal(await headline.getAttribute('aria-invalid'), 'true', 'the empty headline is not marked invalid');
      const describedBy = (await headline.getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy !== '' && (await page.locator(`[id="${describedBy}"]`).isVisible()), 'no visible error');
      assert.ok(await page.getByRole('alert').first().isVisible(), 'the refusal is not announced');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
    } finally {
      await page.close();
    }
  });

  test('every newsroom page is valid HTML (Nu HTML checker)', { skip: skipUnlessAvailable(['java']) }, async () => {
    requireTools(['java']);
    const documents: HtmlDocument[] = [];
    for (const adminPage of pages) {
      // The context's request client carries the signed-in session's cookies.
      const response = await (adminPage.signedIn ? admin : anonymous).request.get(site.url(adminPage.path));
      assert.equal(response.status(), 200, `${adminPage.path} answered ${response.status()}`);
      documents.push({ name: adminPage.name, html: await response.text() });
    }
    const errors = (await checkHtml(documents)).filter((message) => message.type !== 'info');
    assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  });
});

/**
 * Stories in the states the workflow pages show: one edited, submitted, sent
 * back with a note and under embargo; one killed (read only for everyone).
 */
async function workflowStories(site: RunningTestApp, token: string): Promise<{ sentBack: number; killed: number }> {
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(site.url(`/api/v1/admin/articles${path}`), {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${await response.clone().text()}`);
    return (await response.json()) as { id: number };
  };
  const sections = await site.app.store.listSections();
  const story = {
    headline: 'Rupee steady against the dollar',
    summary: 'The interbank rate held.',
    sectionSlug: sections[0]?.slug ?? 'markets',
    byline: 'Amna Khan; afp',
    body: [
      { type: 'paragraph', text: 'The rupee closed at 268.50 in the interbank market.' },
      { type: 'paragraph', text: 'Dealers expect calm this week.' },
    ],
  };
  const { id } = await call('POST', '', story);
  await call('PUT', `/${id}`, {
    ...story,
    baseRevision: 1,
    body: [
      { type: 'paragraph', text: 'The rupee closed firm at 268.50 in the interbank market.' },
      { type: 'subheading', text: 'Outlook' },
    ],
  });
  await call('POST', `/${id}/transition`, { action: 'submit' });
  await call('POST', `/${id}/transition`, { action: 'sendBack', note: 'Add the open-market rate.' });
  await call('PUT', `/${id}/embargo`, { until: new Date(Date.now() + 86_400_000).toISOString() });
  const killed = await call('POST', '', { ...story, headline: 'A story killed for good' });
  await call('POST', `/${killed.id}/transition`, { action: 'kill' });
  return { sentBack: id, killed: killed.id };
}
