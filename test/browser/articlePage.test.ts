import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Article } from '../../src/news/article.js';
import { formatPublished } from '../../src/shared/pakistanTime.js';
import { launchChromium } from '../support/browser.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { articlePath } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';
import { INDEX_ROW, rowInconsistency, STOCK_ROW, tickerRowTexts } from '../support/tickerRows.js';
import { normaliseSpace, visibleText } from '../support/visibleText.js';

/** The newest article with everything the anatomy test looks at: a dateline, 3+ paragraphs and tags. */
async function fullArticle(site: RunningTestApp): Promise<Article> {
  const { items } = await site.app.store.listArticles({ limit: 50 });
  for (const summary of items) {
    const article = await site.app.store.getArticle(summary.id);
    if (!article || article.dateline === null || article.tags.length === 0) continue;
    if (article.body.filter((block) => block.type === 'paragraph').length >= 3) return article;
  }
  throw new Error('no demo article has a dateline, three paragraphs and tags');
}

function bylineText(article: Article): string {
  switch (article.byline.kind) {
    case 'agency':
      return article.byline.agency;
    case 'staff':
      return article.byline.name;
  }
}

describe('article page', { skip: skipUnlessAvailable(['chromium']) }, () => {
  let site: RunningTestApp;
  let browser: Browser;
  let page: Page;
  let article: Article;

  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp();
    browser = await launchChromium();
    article = await fullArticle(site);
    page = await browser.newPage();
    const response = await page.goto(site.url(articlePath(article)));
    assert.equal(response?.status(), 200);
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('a page rendered on a miss arrives in gzip joined from pieces, which Chromium reads as the whole page', async () => {
    // Another story than the one loaded above, so this request renders it afresh (compressed lightly, gzip first).
    const { items } = await site.app.store.listArticles({ limit: 5 });
    const other = items.find((story) => story.id !== article.id);
    assert.ok(other !== undefined);
    // Asked for once before, so the browser's request is the render the page cache keeps (from the second on):
    // still a miss, and the plain request afterwards gets the same render from the cache to compare with.
    assert.equal((await fetch(site.url(articlePath(other)))).status, 200);
    const fresh = await browser.newPage();
    try {
      const response = await fresh.goto(site.url(articlePath(other)));
      assert.equal(response?.status(), 200);
      assert.equal(response?.headers()['content-encoding'], 'gzip');
      assert.match(response?.headers().etag ?? '', /-1-gz"$/);
      const inflated = (await response?.body())?.toString('utf8');
      const plain = await fetch(site.url(articlePath(other)), { headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(inflated, await plain.text(), 'the same bytes as the page sent uncompressed');
      assert.equal(await fresh.locator('h1').textContent(), other.headline);
      assert.ok((await fresh.locator('.ticker__list li').count()) > 0, 'the shared ticker is in the page');
    } finally {
      await fresh.close();
    }
  });

  test('the home page links to articles at /news/{id}/{slug}', async () => {
    const home = await browser.newPage();
    try {
      await home.goto(site.url('/'));
      const hrefs = await home
        .locator('main a[href^="/news/"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      assert.ok(hrefs.length >= 5, `expected headlines on the home page, found ${hrefs.length} article links`);
      for (const href of hrefs) assert.match(href, /^\/news\/\d+\/[a-z0-9-]+$/);
    } finally {
      await home.close();
    }
  });

  test('shows the section label, the headline as the one h1 and the byline', async () => {
    const sectionLink = page.locator(`main a[href="/${article.section.slug}"]`).first();
    // Compared as written in the page: the style sheet may set the label in capitals.
    assert.equal(normaliseSpace((await sectionLink.textContent()) ?? ''), article.section.name);
    const headings = page.getByRole('heading', { level: 1 });
    assert.equal(await headings.count(), 1);
    assert.equal(await visibleText(headings), article.headline);
    assert.ok((await visibleText(page.locator('main'))).includes(bylineText(article)), 'byline missing');
  });

  test('says "Published" with a machine-readable <time> in Pakistan time', async () => {
    const time = page.locator('main time[datetime]').first();
    const datetime = await time.getAttribute('datetime');
    assert.ok(datetime, 'no <time datetime>');
    const parsed = new Date(datetime);
    assert.ok(!Number.isNaN(parsed.getTime()), `unparsable datetime ${datetime}`);
    assert.equal(Math.floor(parsed.getTime() / 60_000), Math.floor(article.publishedAt.getTime() / 60_000));
    assert.equal(await visibleText(time), formatPublished(article.publishedAt));
    const stamp = await visibleText(time.locator('xpath=..'));
    assert.ok(stamp.includes(`Published ${formatPublished(article.publishedAt)}`), `stamp reads "${stamp}"`);
  });

  test('leads the first paragraph with the dateline and shows every body paragraph', async () => {
    const paragraphs = article.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    const shown = await visibleText(page.locator('main'));
    for (const text of paragraphs) assert.ok(shown.includes(normaliseSpace(text)), `paragraph missing: ${text}`);
    const first = page.locator('main p', { hasText: normaliseSpace(paragraphs[0] ?? '').slice(0, 60) }).first();
    const firstText = await visibleText(first);
    assert.ok(
      firstText.startsWith(`${article.dateline?.toUpperCase()}:`),
      `first paragraph does not open with the dateline: "${firstText.slice(0, 80)}"`,
    );
  });

  test('places a related-story link between paragraphs, never to the article itself', async () => {
    const paragraphs = article.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    const between = await page.evaluate(
      ({ texts, self }) => {
        const all = [...document.querySelectorAll('main p')];
        const body = texts
          .map((text) => all.find((p) => (p.textContent ?? '').replace(/\s+/g, ' ').includes(text.slice(0, 60))))
          .filter((p): p is Element => p !== undefined);
        const first = body[0];
        const last = body[body.length - 1];
        if (!first || !last || first === last) return [];
        return [...document.querySelectorAll('main a[href^="/news/"]')]
          .filter(
            (link) =>
              first.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING &&
              link.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING &&
              !body.some((p) => p.contains(link)),
          )
          .map((link) => link.getAttribute('href') ?? '')
          .filter((href) => href !== self);
      },
      { texts: paragraphs.map(normaliseSpace), self: articlePath(article) },
    );
    assert.ok(between.length >= 1, 'no inline related-story link between the body paragraphs');
    for (const href of between) assert.match(href, /^\/news\/\d+\/[a-z0-9-]+$/);
  });

  test('links every tag to its tag page', async () => {
    for (const tag of article.tags) {
      const link = page.locator(`main a[href="/tags/${tag.slug}"]`).first();
      assert.equal(await link.count(), 1, `no link to /tags/${tag.slug}`);
      assert.equal(await visibleText(link), tag.name);
    }
  });

  test('has a comments heading and a comment form whose fields all have labels', async () => {
    assert.equal((await page.getByRole('heading', { name: /comments/i }).count()) >= 1, true);
    const form = page.locator('form[method="post" i]', { has: page.locator('textarea') });
    assert.equal(await form.count(), 1, 'expected one comment form');
    for (const label of [/name/i, /e-?mail/i, /comment/i]) {
      const field = form.getByLabel(label);
      assert.equal(await field.count(), 1, `no single field labelled ${label}`);
      assert.ok(await field.isVisible(), `field labelled ${label} is hidden`);
    }
    assert.equal((await form.getByRole('button').count()) >= 1, true, 'comment form has no submit button');
  });

  test('ends with a "Read more stories" list of other articles', async () => {
    const heading = page.getByRole('heading', { name: /read more stories/i });
    assert.equal(await heading.count(), 1);
    const hrefs = await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2, h3')].find((h) =>
        /read more stories/i.test(h.textContent ?? ''),
      );
      const container = heading?.closest('section, aside, nav') ?? heading?.parentElement;
      const list = container?.querySelector('ul, ol');
      return [...(list?.querySelectorAll('li a') ?? [])].map((a) => a.getAttribute('href') ?? '');
    });
    assert.ok(hrefs.length >= 3, `expected several stories, found ${hrefs.length}`);
    assert.ok(!hrefs.includes(articlePath(article)), 'the list repeats the article being read');
    for (const href of hrefs) assert.match(href, /^\/news\/\d+\/[a-z0-9-]+$/);
  });

  test('shows 4 indices, KSE-100 first, then 30 stocks in the reference ticker format', async () => {
    const rows = await tickerRowTexts(page);
    const stocks = rows.filter((row) => STOCK_ROW.test(row));
    const indices = rows.filter((row) => INDEX_ROW.test(row));
    assert.equal(rows.length, 34, `ticker rows:\n${rows.join('\n')}`);
    assert.deepEqual(
      rows.filter((row) => !STOCK_ROW.test(row) && !INDEX_ROW.test(row)),
      [],
      'rows in neither format',
    );
    assert.equal(stocks.length, 30);
    assert.equal(indices.length, 4);
    assert.deepEqual(rows.slice(0, 4), indices, 'the indices lead the strip');
    assert.ok(rows[0]?.startsWith('KSE100 '), `KSE-100 leads: ${rows[0]}`);
    const symbols = rows.map((row) => row.split(' ')[0]);
    for (const symbol of ['AVN', 'TRG', 'WTL', 'KSE100', 'KSE30']) assert.ok(symbols.includes(symbol), symbol);
    assert.deepEqual(rows.map(rowInconsistency).filter(Boolean), []);
  });
});
