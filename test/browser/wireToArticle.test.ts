import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { visibleText } from '../support/visibleText.js';
import { addNewsroomUsers, newsroomApiToken, signIn } from './newsroomAccounts.js';

const EDITOR = { email: 'wire-editor@example.com', name: 'Sana Editor', role: 'editor' } as const;
/** Set by any script the hostile item manages to run, on the newsroom's pages or the reader's. */
const PWNED = '__wireHostile';

/**
 * An AFP story as the agency sends it in ninjs 2.x, with an agency dateline and a body whose
 * emphasis and links must survive, salted with what a hostile or broken feed could carry:
 * scripts, event handlers, a foreign iframe, a javascript: link.
 */
function afpStory(stamp: number): string {
  return JSON.stringify({
    uri: `urn:newsml:afp.com:20260131:wire-browser-${stamp}`,
    version: '2',
    type: 'text',
    provider: { name: 'AFP' },
    headlines: [{ role: 'main', value: `Remittances hit record as Gulf wages climb ${stamp}` }],
    by: 'Farah Zia',
    datelines: [{ role: 'main', value: 'DUBAI, Jan 31 (AFP)' }],
    located: 'Dubai',
    versioncreated: '2026-01-31T06:00:00Z',
    firstcreated: '2026-01-31T05:30:00Z',
    language: 'en',
    urgency: 3,
    subjects: [{ name: 'Remittances', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000385' }],
    keywords: ['Gulf', `remit${stamp}`],
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        value: [
          `<p onclick="window.${PWNED}='click'">Workers sent home a <strong>record $3.1 billion</strong> in January, the <em>provisional</em> figures show.<script>window.${PWNED}='script'</script></p>`,
          `<h2>Gulf wages</h2>`,
          `<p>The <a href="https://www.sbp.org.pk/ecodata/Homeremit.xlsx">central bank's table</a> breaks the flows down by country.<img src="x" onerror="window.${PWNED}='img'"></p>`,
          `<iframe src="https://evil.example/frame"></iframe>`,
          `<blockquote><p>Inflows should stay strong through Ramadan.</p><footer>a Karachi banker</footer></blockquote>`,
          `<ul><li>Saudi Arabia led the flows</li><li>The UAE came second</li></ul>`,
          `<p><a href="javascript:window.${PWNED}='link'">Read more</a> on the <a href="https://www.psx.com.pk/">exchange</a>.</p>`,
        ].join(''),
      },
    ],
  });
}

/** A Reuters item the filters must hide. */
function reutersStory(stamp: number): string {
  return JSON.stringify({
    uri: `urn:reuters:wire-browser-${stamp}`,
    version: '1',
    type: 'text',
    provider: { name: 'Reuters' },
    headline: `Cotton crop forecast cut ${stamp}`,
    byline: 'Reuters staff',
    versioncreated: '2026-01-31T07:00:00Z',
    urgency: 5,
    body_html: `<p>Growers expect a smaller harvest and remittances are not mentioned here ${stamp}.</p>`,
  });
}

/** Presses a submit button and waits for the page the form post leads to. */
async function submit(page: Page, name: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name, exact: true }).click()]);
}

/** Fails the test on any script run, dialog or request to a host other than the site's own. */
function watchForHostility(page: Page, site: RunningTestApp, seen: string[]): void {
  const own = new URL(site.url('/')).host;
  page.on('dialog', (dialog) => {
    // The editor asks before leaving with unsaved copy (an autosave racing a save can leave one): leaving is
    // what the test means. Any other dialog (alert, confirm, prompt) can only come from a script.
    if (dialog.type() === 'beforeunload') {
      void dialog.accept();
      return;
    }
    seen.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && url.host !== own) seen.push(`request: ${request.url()}`);
  });
}

async function hostileMarks(page: Page): Promise<unknown> {
  return page.evaluate((name) => (window as unknown as Record<string, unknown>)[name] ?? null, PWNED);
}

describe('from the wire inbox to a published article', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    await addNewsroomUsers(site, [EDITOR]);
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.stop();
  });

  test('an editor finds an agency item, drafts it, edits and publishes it; readers see it whole and safe', async () => {
    const stamp = Date.now();
    const token = await newsroomApiToken(site, 'wire-feed');
    for (const [name, body] of [
      ['afp.json', afpStory(stamp)],
      ['reuters.json', reutersStory(stamp)],
    ] as const) {
      const answer = await fetch(site.url(`/api/v1/wire?name=${name}`), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const report = (await answer.json()) as { counts?: { accepted?: number } };
      assert.equal(answer.status, 200, `${name}: ${JSON.stringify(report)}`);
      assert.equal(report.counts?.accepted, 1, `${name} was not accepted: ${JSON.stringify(report)}`);
    }
    const headline = `Remittances hit record as Gulf wages climb ${stamp}`;
    const seen: string[] = [];

    // The inbox: a search finds both stories, the agency and urgency filters leave AFP's alone.
    const page = await newPage();
    watchForHostility(page, site, seen);
    await signIn(page, site, EDITOR.email);
    await page.goto(site.url('/admin/wire'));
    await page.getByLabel('Search').fill(`remittances ${stamp}`);
    await submit(page, 'Show');
    const rows = page.locator('tr[data-wire-item]');
    assert.equal(await rows.count(), 2, 'the search should find the AFP story and the Reuters one');
    await page.getByLabel('Agency').selectOption('AFP');
    await page.getByLabel('Urgency').selectOption('3');
    await submit(page, 'Show');
    assert.equal(new URL(page.url()).searchParams.get('agency'), 'AFP');
    assert.equal(await rows.count(), 1, 'the agency and urgency filters should leave the AFP story alone');
    assert.match(await visibleText(rows.first()), /AFP/);
    assert.equal(await page.getByRole('link', { name: `Cotton crop forecast cut ${stamp}` }).count(), 0);

    // The preview: the facts and the body as the site will render it, with nothing hostile.
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: headline, exact: true }).click()]);
    assert.match(new URL(page.url()).pathname, /^\/admin\/wire\/\d+$/);
    const preview = await visibleText(page.locator('main'));
    for (const part of ['Farah Zia', 'DUBAI, Jan 31 (AFP)', 'record $3.1 billion', 'Gulf wages', 'a Karachi banker']) {
      assert.ok(preview.includes(part), `the preview does not show "${part}"`);
    }
    assert.equal(await page.locator('main strong', { hasText: 'record $3.1 billion' }).count(), 1);
    assert.equal(await page.locator('main iframe, main script, main [onclick], main [onerror]').count(), 0);

    // Create draft, then a light edit of the headline in the editor, then publish.
    await page.getByLabel('Section').selectOption({ index: 0 });
    const sectionName = ((await page.getByLabel('Section').locator('option:checked').textContent()) ?? '').trim();
    await submit(page, 'Create draft');
    const articleId = Number(/^\/admin\/articles\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
    assert.ok(articleId > 0, `not on the new draft's editor: ${page.url()}`);
    assert.match(
      await visibleText(page.locator('main')),
      /From AFP item urn:newsml:afp\.com:20260131:wire-browser-\d+ version 2/,
    );
    assert.equal(await page.getByLabel('Headline').inputValue(), headline);
    assert.equal(await page.getByLabel(/^Dateline/).inputValue(), 'Dubai');
    const edited = headline.replace('Remittances hit record', 'Remittances hit a record');
    await page.getByLabel('Headline').fill(edited);
    await submit(page, 'Save');
    assert.equal(await page.getByLabel('Headline').inputValue(), edited, 'the edit was not saved');
    assert.match(await visibleText(page.getByRole('heading', { level: 2, name: /^Status:/ })), /draft/i);
    await submit(page, 'Publish now');
    assert.match(await visibleText(page.getByRole('heading', { level: 2, name: /^Status:/ })), /published/i);

    // The reader's page: agency byline, dateline, every kind of block with its marks and links, nothing hostile.
    const reader = await newPage();
    watchForHostility(reader, site, seen);
    await reader.goto(site.url(`/news/${articleId}/x`));
    const main = reader.locator('main');
    await main.getByRole('heading', { level: 1, name: edited }).waitFor();
    assert.match(new URL(reader.url()).pathname, new RegExp(`^/news/${articleId}/`));
    const text = await visibleText(main);
    assert.match(await visibleText(main.locator('.byline')), /^AFP Published /, 'the agency byline');
    for (const part of ['DUBAI:', 'Inflows should stay strong through Ramadan.', 'The UAE came second']) {
      assert.ok(text.includes(part), `the article page does not show "${part}"`);
    }
    // The section label is set in capitals by the stylesheet, and visible text follows it once the sheet applies.
    assert.equal((await visibleText(main.locator('.article__section'))).toLowerCase(), sectionName.toLowerCase());
    const body = main.locator('article');
    assert.equal(await body.locator('strong', { hasText: 'record $3.1 billion' }).count(), 1, 'bold was lost');
    assert.equal(await body.locator('em', { hasText: 'provisional' }).count(), 1, 'italic was lost');
    assert.equal(
      await body.getByRole('heading', { name: 'Gulf wages', exact: true }).count(),
      1,
      'the subheading was lost',
    );
    assert.equal(await body.locator('blockquote', { hasText: 'Inflows should stay strong' }).count(), 1);
    assert.equal(
      await body
        .locator('li')
        .filter({ hasText: /Saudi Arabia led the flows|The UAE came second/ })
        .count(),
      2,
    );
    const tableLink = body.getByRole('link', { name: "central bank's table", exact: true });
    assert.equal(await tableLink.getAttribute('href'), 'https://www.sbp.org.pk/ecodata/Homeremit.xlsx');
    assert.equal(
      await body.getByRole('link', { name: 'exchange', exact: true }).getAttribute('href'),
      'https://www.psx.com.pk/',
    );
    assert.equal(
      await body.getByRole('link', { name: 'Read more', exact: true }).count(),
      0,
      'a javascript: link became a link',
    );
    assert.ok(text.includes('Read more on the exchange'), 'the unsafe link should keep its words');
    assert.equal(
      await body.locator('script, iframe, [onclick], [onerror], img[src="x"]').count(),
      0,
      'hostile markup reached the article',
    );
    await body.getByRole('link', { name: 'exchange', exact: true }).hover();
    await body.locator('p', { hasText: 'DUBAI:' }).click();
    assert.equal(await hostileMarks(reader), null, 'a hostile script ran on the article page');
    assert.equal(await hostileMarks(page), null, 'a hostile script ran in the newsroom');
    assert.deepEqual(seen, [], 'the hostile item made the browser open a dialog or fetch another host');
  });
});
