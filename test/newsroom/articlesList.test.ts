import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addSections, api, story, tokenFor } from './articlesFixture.js';

const DAY = 24 * 60 * 60 * 1000;

/** Headlines linked from the list's rows, in order. */
function headlines(html: string): string[] {
  return [...html.matchAll(/<td><a href="\/admin\/articles\/\d+">([^<]*)<\/a><\/td>/g)].map((m) => m[1] ?? '');
}

describe('the newsroom article list: pages, filters and text search', () => {
  let site: AdminSite;
  let browser: Browser;
  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    const desk = api(site, await tokenFor(site, 'editor', 'Desk Script'));
    const writer = api(site, await tokenFor(site, 'writer', 'Amna Writer'));
    for (let n = 1; n <= 120; n += 1) {
      const created = await desk.create(story({ headline: `Market round-up number ${n}`, sectionSlug: 'markets' }));
      assert.equal(created.status, 201);
    }
    // Two days later, a writer's draft in another section whose body alone names the word searched for.
    site.advance(2 * DAY);
    await writer.create(
      story({
        headline: 'Wheat stocks',
        sectionSlug: 'pakistan',
        body: [{ type: 'paragraph', text: 'Flour mills in Multan report zarghoon shortages.' }],
      }),
    );
    const published = await desk.create(story({ headline: 'Published on the later day', sectionSlug: 'world' }));
    await desk.transition(published.body.id, 'publish');
    browser = site.browser();
    assert.equal((await browser.login('editor@example.com')).status, 303);
  });
  after(() => site.close());

  test('the list shows 50 rows a page with a pager that keeps the filters; ?page= is read', async () => {
    const first = await (await browser.get('/admin/articles')).text();
    assert.match(first, /122 articles, showing 1–50/);
    assert.equal(headlines(first).length, 50);
    assert.match(first, /<nav class="pager" aria-label="Pages of articles">/);
    assert.match(first, /Page 1 of 3/);
    assert.match(first, /href="\/admin\/articles\?page=2">Next →/);

    const last = await (await browser.get('/admin/articles?page=3')).text();
    assert.match(last, /showing 101–122/);
    assert.equal(headlines(last).length, 22);
    assert.match(last, /Market round-up number 1</, 'the oldest story is on the last page');
    assert.doesNotMatch(last, /Next →/);

    const filtered = await (await browser.get('/admin/articles?section=markets&page=2')).text();
    assert.match(filtered, /120 articles, showing 51–100/);
    assert.match(filtered, /href="\/admin\/articles\?section=markets&amp;page=3">Next →/);
    assert.match(filtered, /href="\/admin\/articles\?section=markets">« First/);

    assert.match(await (await browser.get('/admin/articles?page=9')).text(), /none on this page/);
    for (const bad of ['0', '-1', 'two', '1.5']) {
      assert.equal((await browser.get(`/admin/articles?page=${bad}`)).status, 400, bad);
    }
  });

  test('filters by status, section, author and Karachi dates; text search reaches draft bodies', async () => {
    const byStatus = await (await browser.get('/admin/articles?status=published')).text();
    assert.deepEqual(headlines(byStatus), ['Published on the later day']);
    const byAuthor = await (await browser.get('/admin/articles?author=Amna%20Writer')).text();
    assert.deepEqual(headlines(byAuthor), ['Wheat stocks']);
    const bySection = await (await browser.get('/admin/articles?section=pakistan')).text();
    assert.deepEqual(headlines(bySection), ['Wheat stocks']);
    const searched = await (await browser.get('/admin/articles?q=zarghoon')).text();
    assert.deepEqual(headlines(searched), ['Wheat stocks']);

    const since = await (await browser.get('/admin/articles?from=2023-02-02')).text();
    assert.deepEqual(headlines(since).sort(), ['Published on the later day', 'Wheat stocks']);
    const until = await (await browser.get('/admin/articles?to=2023-01-31')).text();
    assert.match(until, /120 articles/);
    const day = await (await browser.get('/admin/articles?from=2023-02-01&to=2023-02-01')).text();
    assert.match(day, /0 articles/);
    assert.equal((await browser.get('/admin/articles?from=2023-02-30')).status, 400);
    assert.equal((await browser.get('/admin/articles?to=yesterday')).status, 400);
    assert.match(since, /name="from" value="2023-02-02"/);
  });

  test('the JSON API pages and filters by date too', async () => {
    const desk = api(site, await tokenFor(site, 'editor', 'Desk Script 2'));
    const page = await desk.list('?limit=10&offset=115');
    assert.equal(page.body.total, 122);
    assert.equal(page.body.items.length, 7);
    const since = await desk.list('?since=2023-02-02T00:00:00Z');
    assert.equal(since.body.total, 2);
    assert.equal((await desk.list('?since=soon')).status, 400);
  });
});
