import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { addSections, api, story, tokenFor } from '../newsroom/articlesFixture.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { validateXml } from '../support/xmlSchemas.js';

// Everything a feed reader or crawler can fetch that may name a story, warmed in the cache before it goes.
const SHOWING = [
  '/feeds/latest.xml',
  '/feeds/latest.atom',
  '/feeds/latest.json',
  '/feeds/sections/markets.xml',
  '/feeds/tags/refinery-policy.atom',
  '/feeds/authors/afp.json',
  '/authors/afp',
  '/archive/2023/01/31',
  '/sitemaps/news.xml',
  '/sitemaps/articles-2023-01.xml',
];

describe('a story leaving the site leaves its feeds, sitemaps, author and day pages', {
  skip: skipUnlessAvailable(['xmllint']),
}, () => {
  let site: AdminSite;
  let editor: ReturnType<typeof api>;
  before(async () => {
    requireTools(['xmllint']);
    site = await startAdminSite();
    await addSections(site);
    editor = api(site, await tokenFor(site, 'editor', 'Desk Script'));
  });
  after(() => site?.close());

  const get = async (path: string) => {
    const response = await fetch(`${site.baseUrl}${path}`, { redirect: 'manual' });
    return { status: response.status, body: await response.text() };
  };

  test('an empty site still has a valid sitemap index and robots.txt; empty sitemaps are not listed', async () => {
    const index = await get('/sitemap.xml');
    assert.equal(index.status, 200);
    const verdict = validateXml(index.body, 'sitemapIndex');
    assert.ok(verdict.valid, verdict.messages);
    assert.doesNotMatch(index.body, /news\.xml|tags\.xml|authors\.xml|articles-/);
    for (const path of ['/sitemaps/news.xml', '/sitemaps/tags.xml', '/sitemaps/authors.xml']) {
      assert.equal((await get(path)).status, 404, path);
    }
    const sections = await get('/sitemaps/sections.xml');
    assert.ok(validateXml(sections.body, 'sitemap').valid);
    const emptyFeed = await get('/feeds/latest.atom');
    assert.equal(emptyFeed.status, 200);
    assert.ok(validateXml(emptyFeed.body, 'atom').valid, 'an Atom feed without entries is still valid');
    assert.equal((await get('/robots.txt')).status, 200);
  });

  test('killed: gone from every feed, sitemap, author and day page at once, and the agency byline with it', async () => {
    const created = await editor.create(
      story({ headline: 'Refinery policy approved by cabinet', byline: 'AFP', tags: ['Refinery Policy'] }),
    );
    assert.equal(created.status, 201);
    assert.equal((await editor.transition(created.body.id, 'publish')).body.status, 'published');
    const storyPath = `/news/${created.body.id}/${created.body.slug}`;
    for (const path of SHOWING) {
      const { status, body } = await get(path);
      assert.equal(status, 200, path);
      assert.ok(body.includes(storyPath), `${path} shows the story before the kill`);
    }
    assert.equal((await editor.transition(created.body.id, 'kill')).body.status, 'killed');
    for (const path of SHOWING) {
      const { status, body } = await get(path);
      assert.ok(!body.includes(storyPath), `${path} no longer names the story (${status})`);
    }
    // The only AFP story is gone, so AFP is no longer an author here.
    assert.equal((await get('/authors/afp')).status, 404);
    assert.equal((await get('/feeds/authors/afp.json')).status, 404);
  });

  test('killed: its page is a 410 that a shared cache may store, so a proxy replaces its copy of the story', async () => {
    const created = await editor.create(story({ headline: 'Port tariff order withdrawn' }));
    await editor.transition(created.body.id, 'publish');
    const storyPath = `/news/${created.body.id}/${created.body.slug}`;
    const live = await fetch(`${site.baseUrl}${storyPath}`);
    assert.equal(live.status, 200);
    assert.match(live.headers.get('cache-control') ?? '', /s-maxage=5\b/);
    await editor.transition(created.body.id, 'kill');
    // nginx refreshes a stale page in the background and keeps its old copy when the answer may not be stored:
    // a `no-store` 410 left the killed story served to every reader for the whole stale-while-revalidate window.
    for (const path of [storyPath, `/news/${created.body.id}`]) {
      const gone = await fetch(`${site.baseUrl}${path}`, { redirect: 'manual' });
      assert.equal(gone.status, 410, path);
      const cacheControl = gone.headers.get('cache-control') ?? '';
      assert.match(cacheControl, /\bpublic\b/, `${path}: ${cacheControl}`);
      assert.match(cacheControl, /\bs-maxage=\d+/, `${path}: ${cacheControl}`);
      assert.doesNotMatch(cacheControl, /no-store|private/, `${path}: ${cacheControl}`);
      assert.match(await gone.text(), /This article has been withdrawn/);
    }
  });

  test('unpublished: gone as well, and back when it is published again', async () => {
    const created = await editor.create(story({ headline: 'Budget talks resume in Islamabad' }));
    await editor.transition(created.body.id, 'publish');
    const storyPath = `/news/${created.body.id}/${created.body.slug}`;
    assert.ok((await get('/feeds/latest.xml')).body.includes(storyPath));
    assert.ok((await get('/sitemaps/news.xml')).body.includes(storyPath));
    await editor.transition(created.body.id, 'unpublish');
    assert.ok(!(await get('/feeds/latest.xml')).body.includes(storyPath));
    assert.ok(!(await get('/sitemaps/news.xml')).body.includes(storyPath));
    await editor.transition(created.body.id, 'publish');
    assert.ok((await get('/feeds/latest.xml')).body.includes(storyPath));
  });
});
