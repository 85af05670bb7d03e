import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createArticleWorkflowStore } from '../../src/store/articles/articleWorkflow.js';
import { openDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/database.js';
import { createEditingStore } from '../../src/store/editing/editingStore.js';
import { axeViolations, describeViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages } from '../support/htmlChecker.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';
import { addNewsroomUsers, NEWSROOM_PASSWORD, signIn } from './newsroomAccounts.js';

const AMNA = { email: 'amna@example.com', name: 'Amna Desk', role: 'editor' } as const;
const BILAL = { email: 'bilal@example.com', name: 'Bilal Desk', role: 'editor' } as const;

const AGENCY_HTML = `<meta charset="utf-8"><style>p{color:red}</style><script>window.pwned=1</script>
<p class="MsoNormal">KARACHI: The central bank held its <b>policy rate</b> at 12 per cent on Monday.</p>
<p>Analysts had <i>expected</i> a cut<img src="x" onerror="window.pwned=2">, said <a href="javascript:alert(1)">one broker</a>.</p>
<div onclick="window.pwned=3">Read the <a href="https://example.com/statement">statement</a> here.</div>`;

describe('the story editor island', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let db: Kysely<Database>;
  let closeDb: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  async function signedIn(user: { email: string }): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, site, user.email);
    return page;
  }

  /** A fresh draft by Amna, opened in her editor with the island ready. */
  async function openNewDraft(page: Page, headline: string): Promise<number> {
    await page.goto(site.url('/admin/articles/new'));
    await page.getByLabel('Headline').fill(headline);
    await page.getByLabel('Standfirst').fill('What the desk wrote first.');
    await editor(page).click();
    await page.keyboard.type('First paragraph.');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Save draft', exact: true }).click(),
    ]);
    const match = /^\/admin\/articles\/(\d+)$/.exec(new URL(page.url()).pathname);
    assert.ok(match, `not on the new draft: ${page.url()}`);
    await editor(page).waitFor();
    return Number(match[1]);
  }

  const editor = (page: Page) => page.getByRole('textbox', { name: 'Body' });
  const bodyOf = async (id: number) => (await createArticleWorkflowStore(db, 'sqlite').get(id))?.fields.body ?? [];
  const save = (page: Page) =>
    Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Save', exact: true }).click()]);

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    await addNewsroomUsers(site, [AMNA, BILAL]);
    const { place } = site.app.media;
    if (place.kind !== 'local') throw new Error('the test site keeps its pictures beside its database');
    const opened = await openDatabase({ kind: 'sqlite', path: join(dirname(place.dir), 'site.sqlite') });
    db = opened.db;
    closeDb = () => opened.close();
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await closeDb?.();
    await site?.stop();
  });

  test('bold and italic by toolbar and shortcut, a checked link, saved as marks', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Rate decision ${Date.now()}`);
    await editor(page).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Bold', exact: true }).click();
    await page.keyboard.type('Rates held');
    await page.getByRole('button', { name: 'Bold', exact: true }).click();
    await page.keyboard.type(' and ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('markets rose');
    await page.keyboard.press('Control+i');
    await page.keyboard.type(' on the news.');
    // Select "the news" and link it: a javascript: address is refused, an https one taken.
    for (let i = 0; i < 1; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 'the news'.length; i += 1) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Link' });
    await dialog.getByRole('textbox').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Set link' }).click();
    assert.match(await visibleText(dialog.getByRole('alert')), /http\(s\) address/);
    await dialog.getByRole('textbox').fill('https://example.com/news');
    await dialog.getByRole('button', { name: 'Set link' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(
      await editor(page).getByRole('link', { name: 'the news' }).getAttribute('href'),
      'https://example.com/news',
    );
    await save(page);

    const body = await bodyOf(id);
    assert.deepEqual(body[1], {
      type: 'paragraph',
      text: 'Rates held and markets rose on the news.',
      marks: [
        { kind: 'bold', start: 0, end: 10 },
        { kind: 'italic', start: 15, end: 27 },
        { kind: 'link', start: 31, end: 39, href: 'https://example.com/news' },
      ],
    });
    assert.equal(
      await editor(page).locator('strong').first().textContent(),
      'Rates held',
      'marks not shown after reload',
    );
  });

  test('pasted agency HTML keeps paragraphs and emphasis and drops scripts, styles and handlers', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Pasted copy ${Date.now()}`);
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await editor(page).evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'plain fallback');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, AGENCY_HTML);
    // Plain wire text: a blank line parts paragraphs, a hard wrap does not.
    await page.keyboard.press('Enter');
    await editor(page).evaluate((element) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'ISLAMABAD: Wire line one\nwraps here.\n\nSecond wire paragraph.');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
      undefined,
      'pasted script ran',
    );
    assert.equal(await editor(page).locator('img, script, style, [onclick], [onerror]').count(), 0);
    await save(page);

    const body = await bodyOf(id);
    const texts = body.map((block) => ('text' in block ? block.text : block.type));
    assert.deepEqual(texts, [
      'First paragraph.',
      'KARACHI: The central bank held its policy rate at 12 per cent on Monday.',
      'Analysts had expected a cut, said one broker.',
      'Read the statement here.',
      'ISLAMABAD: Wire line one wraps here.',
      'Second wire paragraph.',
    ]);
    assert.deepEqual(body[1] && 'marks' in body[1] ? body[1].marks : null, [{ kind: 'bold', start: 35, end: 46 }]);
    assert.deepEqual(body[2] && 'marks' in body[2] ? body[2].marks : null, [{ kind: 'italic', start: 13, end: 21 }]);
    assert.deepEqual(body[3] && 'marks' in body[3] ? body[3].marks : null, [
      { kind: 'link', start: 9, end: 18, href: 'https://example.com/statement' },
    ]);
    assert.ok(!JSON.stringify(body).includes('javascript'), 'a javascript: link was kept');
  });

  test('blocks reorder by keyboard, lists and subheadings are kept', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Reorder ${Date.now()}`);
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second paragraph.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Key figures');
    await page.getByRole('button', { name: 'Subheading', exact: true }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Exports up');
    await page.getByRole('button', { name: 'Bulleted list', exact: true }).click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Imports down');
    // Back to the second paragraph, then Alt+↑ moves it above the first.
    await editor(page).getByText('Second paragraph.').click();
    await page.keyboard.press('Alt+ArrowUp');
    await save(page);
    const body = await bodyOf(id);
    assert.deepEqual(
      body.map((block) => block.type),
      ['paragraph', 'paragraph', 'subheading', 'list'],
    );
    assert.equal(body[0] && 'text' in body[0] ? body[0].text : '', 'Second paragraph.');
    assert.deepEqual(body[3], {
      type: 'list',
      ordered: false,
      items: [{ text: 'Exports up' }, { text: 'Imports down' }],
    });
  });

  test('autosave keeps a server copy without a revision, and presence is seen by another editor', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Autosaved ${Date.now()}`);
    const revisionsBefore = (await createArticleWorkflowStore(db, 'sqlite').revisions(id)).length;
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Typed but not saved.');
    const editing = createEditingStore(db);
    const amna = await db.selectFrom('users').select('id').where('email', '=', AMNA.email).executeTakeFirstOrThrow();
    const deadline = Date.now() + 15_000;
    let copy = await editing.autosaveOf(id, Number(amna.id));
    while (copy === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      copy = await editing.autosaveOf(id, Number(amna.id));
    }
    assert.ok(copy, 'no autosaved copy on the server');
    assert.match(JSON.stringify(copy.copy.body), /Typed but not saved\./);
    assert.equal((await createArticleWorkflowStore(db, 'sqlite').revisions(id)).length, revisionsBefore);
    assert.match(await visibleText(page.locator('.editor-status')), /Autosaved at/);

    const bilal = await signedIn(BILAL);
    await bilal.goto(site.url(`/admin/articles/${id}`));
    assert.equal(await visibleText(bilal.locator('[data-presence]')), 'Amna Desk is editing this story');
    // A second tab for the list, so Bilal's editor stays open.
    const other = await bilal.context().newPage();
    await other.goto(site.url('/admin/articles'));
    assert.match(
      await visibleText(other.getByRole('row').filter({ hasText: 'Autosaved' })),
      /Amna Desk is editing now/,
    );
    // Amna sees Bilal once her editor's next beat comes round.
    await page.locator('[data-presence]').getByText('Bilal Desk is editing this story').waitFor({ timeout: 15_000 });

    // Leaving says goodbye: Amna is gone from the list at once.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(site.url('/admin'));
    const gone = Date.now() + 10_000;
    let row = '';
    do {
      await other.reload();
      row = await visibleText(other.getByRole('row').filter({ hasText: 'Autosaved' }));
    } while (row.includes('Amna') && Date.now() < gone);
    assert.doesNotMatch(row, /Amna Desk is editing/);
  });

  test('unsaved text survives an ended session: save, sign in again, text back with a message', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Session ends ${Date.now()}`);
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Words typed as the session ran out.');
    const amna = await db.selectFrom('users').select('id').where('email', '=', AMNA.email).executeTakeFirstOrThrow();
    await db.deleteFrom('sessions').where('user_id', '=', Number(amna.id)).execute();
    await save(page);
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    assert.match(await visibleText(page.getByRole('alert')), /signed out before that was sent/);
    await page.getByLabel('E-mail address').fill(AMNA.email);
    await page.getByLabel('Password').fill(NEWSROOM_PASSWORD);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    assert.equal(new URL(page.url()).pathname, `/admin/articles/${id}`);
    await page.locator('[data-recovered]').waitFor();
    assert.match(await visibleText(page.locator('[data-recovered]')), /unsaved text .* is back in the form/);
    assert.match(await visibleText(editor(page)), /Words typed as the session ran out\./);
    await save(page);
    assert.match(JSON.stringify(await bodyOf(id)), /Words typed as the session ran out\./);
  });

  test('leaving with unsaved edits asks first', async () => {
    const page = await signedIn(AMNA);
    await openNewDraft(page, `Leaving ${Date.now()}`);
    await editor(page).click();
    await page.keyboard.type('x');
    let asked = false;
    page.on('dialog', (dialog) => {
      asked = dialog.type() === 'beforeunload';
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    for (const deadline = Date.now() + 10_000; !asked && Date.now() < deadline; ) await page.waitForTimeout(100);
    assert.ok(asked, 'no unsaved-changes warning');
  });

  test('the page carries the body once; counters, previews and the slug field follow the typing', async () => {
    const page = await signedIn(AMNA);
    const id = await openNewDraft(page, `Gold rises ${Date.now()}`);
    // Sent once: in the plain form the island reads (a second copy in the page cost the load-time budget).
    const raw = await (await page.request.get(site.url(`/admin/articles/${id}`))).text();
    assert.equal(raw.split('First paragraph.').length - 1, 1, 'the body appears once in the page');
    assert.equal(raw.includes('data-body'), false);
    assert.match(await visibleText(editor(page)), /First paragraph\./);

    const shows = (selector: string, text: string) =>
      page.waitForFunction(
        ([sel, want]) => document.querySelector(sel as string)?.textContent === want,
        [selector, text] as const,
        { timeout: 20_000 },
      );
    await page.getByLabel('SEO title').fill('Gold at a record');
    await shows('#field-seoTitle-count', '16 of 70 characters');
    await shows('[data-preview="searchTitle"]', 'Gold at a record | Broadsheet');
    await shows('[data-preview="cardTitle"]', 'Gold at a record');
    await page.getByLabel('SEO title').fill('Gold at a record | Broadsheet');
    await shows('[data-preview="searchTitle"]', 'Gold at a record | Broadsheet');
    await page.getByLabel('SEO description').fill('Bullion hit Rs 300,000 a tola in Karachi.');
    await shows('[data-preview="searchDescription"]', 'Bullion hit Rs 300,000 a tola in Karachi.');

    // A draft's address follows its headline, Urdu words kept.
    await page.getByLabel('Headline').fill('سونا ریکارڈ سطح پر');
    await shows('#field-headline-count', '18 of 200 characters');
    await shows('[data-preview="searchPath"]', `/news/${id}/سونا-ریکارڈ-سطح-پر`);
    await page.getByLabel(/^Slug/).fill('Gold Record');
    await shows('[data-preview="searchPath"]', `/news/${id}/gold-record`);
    await save(page);
    const stored = await createArticleWorkflowStore(db, 'sqlite').get(id);
    assert.equal(stored?.slug, 'gold-record');
    assert.equal(await page.getByLabel(/^Slug/).inputValue(), 'gold-record', 'a slug set on purpose is shown');
  });

  test('the editor page with the island loaded passes axe and the Nu checker', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, site, AMNA.email);
    const id = await openNewDraft(page, `Accessible ${Date.now()}`);
    await page.goto(site.url(`/admin/articles/${id}`));
    await editor(page).waitFor();
    // The document as the island left it, before axe adds its own script.
    const html = await page.content();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    if (skipUnlessAvailable(['java']) === false) {
      const errors = (await checkHtml([{ name: 'editor-island', html }])).filter((message) => message.type !== 'info');
      assert.deepEqual(errors, [], describeHtmlMessages(errors));
    }
  });
});
