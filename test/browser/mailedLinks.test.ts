import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD_RESET_LIFETIME_MS } from '../../src/news/accountLinks.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';
import { addNewsroomUsers, signIn } from './newsroomAccounts.js';

const ADMIN = { email: 'boss@example.com', name: 'Zara Admin', role: 'admin' } as const;
const EDITOR = { email: 'amna@example.com', name: 'Amna Editor', role: 'editor' } as const;
const WRITER = { email: 'bilal@example.com', name: 'Bilal Writer', role: 'writer' } as const;
const FROM = 'Newsroom <newsroom@example.com>';
const CHOSEN = 'a password chosen from the mail';

/** The one-time link in a mail's text part. */
function linkIn(text: string, kind: 'reset' | 'invite'): URL {
  const address = new RegExp(`(https?://\\S+/admin/${kind}/[A-Za-z0-9._~-]+)`).exec(text)?.[1];
  assert.ok(address, `no ${kind} link in the mail:\n${text}`);
  return new URL(address);
}

/** Submits a form and waits for the page it leads to. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
}

/** Signs in with a password typed into the form, and waits for the dashboard. */
async function signInWith(page: Page, site: RunningTestApp, email: string, password: string): Promise<void> {
  await page.goto(site.url('/admin/login'));
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

async function fillNewPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel(/^New password \(at least/).fill(password);
  await page.getByLabel('New password again').fill(password);
}

describe('links mailed to newsroom people, opened in a browser', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let smtp: SmtpSink;
  let site: RunningTestApp;
  let browser: Browser;
  let admin: BrowserContext;
  // The site's clock runs with the real one, moved on by `ahead` to let links expire.
  let ahead = 0;

  before(async () => {
    requireTools(['chromium']);
    smtp = await startSmtpSink();
    site = await startTestApp({
      demo: false,
      now: () => new Date(Date.now() + ahead),
      mail: { smtpUrl: smtp.url, mailFrom: FROM },
    });
    await addNewsroomUsers(site, [ADMIN, EDITOR, WRITER]);
    browser = await launchChromium();
    admin = await browser.newContext();
    await signIn(await admin.newPage(), site, ADMIN.email);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
    await smtp?.close();
  });

  test('an invitation: mailed, opened, a password set, signed in; the used link says so', async () => {
    const page = await admin.newPage();
    await page.goto(site.url('/admin/users'));
    assert.match(await visibleText(page.locator('main')), /The link is mailed to that address/);
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByLabel('Their e-mail address').fill('sana@example.com');
    await form.getByRole('combobox').selectOption('writer');
    await submit(page, 'Make an invitation link');
    const main = await visibleText(page.locator('main'));
    assert.match(main, /Sent to sana@example\.com/);
    assert.doesNotMatch(main, /\/admin\/invite\//, 'the link itself is not shown to the admin');

    const link = linkIn((await smtp.mailTo('sana@example.com')).text, 'invite');
    const invited = await browser.newContext();
    const holder = await invited.newPage();
    const opened = await holder.goto(link.href);
    assert.equal(opened?.status(), 200);
    assert.match(await visibleText(holder.locator('main')), /invited as writer, with the address sana@example\.com/);
    await holder.getByLabel('Your name').fill('Sana Mir');
    await fillNewPassword(holder, CHOSEN);
    await submit(holder, 'Create my account');
    assert.equal(new URL(holder.url()).pathname, '/admin/login');
    assert.match(await visibleText(holder.getByRole('status')), /Your account is ready/);

    await signInWith(holder, site, 'sana@example.com', CHOSEN);
    assert.match(await visibleText(holder.locator('header')), /Sana Mir/);

    const again = await (await browser.newContext()).newPage();
    const reopened = await again.goto(link.href);
    assert.equal(reopened?.status(), 410);
    assert.match(await visibleText(again.locator('main')), /This link has been used already; it works only once/);
    assert.equal(await again.getByLabel('Your name').count(), 0, 'no form behind a used link');
    await invited.close();
  });

  test('a reset link: mailed, opened, a new password set, the old one refused', async () => {
    const page = await admin.newPage();
    await page.goto(site.url('/admin/users'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: EDITOR.name }).click()]);
    await submit(page, 'Make a password reset link');
    assert.match(await visibleText(page.locator('main')), /Sent to amna@example\.com/);

    const link = linkIn((await smtp.mailTo(EDITOR.email)).text, 'reset');
    const context = await browser.newContext();
    const holder = await context.newPage();
    const opened = await holder.goto(link.href);
    assert.equal(opened?.status(), 200);
    assert.match(await visibleText(holder.locator('main')), /For amna@example\.com/);
    await fillNewPassword(holder, CHOSEN);
    await submit(holder, 'Set the new password');
    assert.equal(new URL(holder.url()).pathname, '/admin/login');
    assert.match(await visibleText(holder.getByRole('status')), /Your new password is set/);

    await signInWith(holder, site, EDITOR.email, CHOSEN);
    assert.match(await visibleText(holder.locator('header')), /Amna Editor/);
    const stale = await (await browser.newContext()).newPage();
    await stale.goto(site.url('/admin/login'));
    await stale.getByLabel('E-mail address').fill(EDITOR.email);
    await stale.getByLabel('Password').fill('a long newsroom password');
    await submit(stale, 'Sign in');
    assert.match(await visibleText(stale.locator('main')), /do not match an active account/);
    await context.close();
  });

  test('a reset link opened after it expired says so, and offers no form', async () => {
    const page = await admin.newPage();
    await page.goto(site.url('/admin/users'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: WRITER.name }).click()]);
    await submit(page, 'Make a password reset link');
    const link = linkIn((await smtp.mailTo(WRITER.email)).text, 'reset');

    ahead += PASSWORD_RESET_LIFETIME_MS + 60_000;
    const holder = await (await browser.newContext()).newPage();
    const opened = await holder.goto(link.href);
    assert.equal(opened?.status(), 410);
    const main = await visibleText(holder.locator('main'));
    assert.match(main, /Link no longer works/);
    assert.match(main, /This link has expired\. Ask an administrator for a new one\./);
    assert.equal(await holder.getByLabel('New password again').count(), 0, 'no form behind an expired link');
    await Promise.all([
      holder.waitForEvent('load'),
      holder.getByRole('link', { name: 'Go to the sign-in page' }).click(),
    ]);
    assert.equal(new URL(holder.url()).pathname, '/admin/login');
  });
});
