import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { karachiDateOf } from '../../src/shared/pakistanTime.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { validateXml } from '../support/xmlSchemas.js';
import { type RunningSite, startSite, TEST_NOW } from './siteFixture.js';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'sitemap'].includes(name),
});

interface UrlEntry {
  readonly loc: string;
  readonly lastmod?: string;
  readonly 'news:news'?: {
    readonly 'news:publication': { readonly 'news:name': string; readonly 'news:language': string };
    readonly 'news:publication_date': string;
    readonly 'news:title': string;
  };
}

const HOUR = 60 * 60 * 1000;

describe('sitemaps and robots.txt', { skip: skipUnlessAvailable(['xmllint']) }, () => {
  let site: RunningSite;
  before(async () => {
    requireTools(['xmllint']);
    site = await startSite();
  });
  after(() => site?.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await site.fetch(path, { headers });
    return { response, body: await response.text() };
  };

  /** Every URL a sitemap lists, after checking it against the sitemap XSD. */
  const urlsOf = async (path: string): Promise<UrlEntry[]> => {
    const { response, body } = await get(path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('content-type'), 'application/xml; charset=utf-8', path);
    // The XSD is strict about other namespaces and Google publishes no schema for news:, which is checked field by field.
    const verdict = validateXml(body.replace(/<news:news>[\s\S]*?<\/news:news>/g, ''), 'sitemap');
    assert.ok(verdict.valid, `${path}: ${verdict.messages}`);
    return xml.parse(body).urlset.url;
  };

  test('robots.txt keeps crawlers out of the newsroom and the API and points at the sitemap index', async () => {
    const { response, body } = await get('/robots.txt');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
    const lines = body.split('\n');
    assert.ok(lines.includes('User-agent: *'));
    assert.ok(lines.includes('Disallow: /admin'));
    assert.ok(lines.includes('Disallow: /api/'));
    assert.ok(lines.includes(`Sitemap: ${site.baseUrl}/sitemap.xml`));
  });

  test('the index is valid, names every sitemap by absolute URL, and each of them is valid', async () => {
    const { response, body } = await get('/sitemap.xml');
    assert.equal(response.status, 200);
    const verdict = validateXml(body, 'sitemapIndex');
    assert.ok(verdict.valid, verdict.messages);
    const listed: string[] = xml.parse(body).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    const months = (await site.store.publishedMonths()).map((month) => month.month);
    assert.ok(months.length >= 1);
    assert.deepEqual(listed, [
      `${site.baseUrl}/sitemaps/news.xml`,
      `${site.baseUrl}/sitemaps/sections.xml`,
      `${site.baseUrl}/sitemaps/tags.xml`,
      `${site.baseUrl}/sitemaps/authors.xml`,
      `${site.baseUrl}/sitemaps/markets.xml`,
      ...months.map((month) => `${site.baseUrl}/sitemaps/articles-${month}.xml`),
    ]);
    for (const url of listed) assert.ok((await urlsOf(new URL(url).pathname)).length > 0, url);
  });

  test('the schema check can fail: a url without loc is refused', async () => {
    const { body } = await get('/sitemaps/sections.xml');
    const broken = body.replace(/<loc>[^<]*<\/loc>/, '');
    assert.notEqual(broken, body);
    assert.equal(validateXml(broken, 'sitemap').valid, false);
  });

  test('the monthly article sitemaps list every published story once, with its last change', async () => {
    const all = await site.store.listArticles({ limit: 100_000 });
    const listed = new Map<string, string | undefined>();
    for (const month of await site.store.publishedMonths()) {
      for (const entry of await urlsOf(`/sitemaps/articles-${month.month}.xml`)) {
        assert.ok(!listed.has(entry.loc), `${entry.loc} listed twice`);
        listed.set(entry.loc, entry.lastmod);
      }
    }
    assert.equal(listed.size, all.total);
    for (const story of all.items) {
      const lastmod = listed.get(`${site.baseUrl}/news/${story.id}/${story.slug}`);
      assert.ok(lastmod !== undefined, story.headline);
      assert.ok(Date.parse(lastmod) >= story.publishedAt.getTime());
    }
    assert.equal((await get('/sitemaps/articles-1999-01.xml')).response.status, 404);
    assert.equal((await get('/sitemaps/articles-2023-13.xml')).response.status, 404);
    assert.equal((await get('/sitemaps/articles-0000-01.xml')).response.status, 404);
  });

  test('the news sitemap has the last 48 hours, each with publication, language, date and title', async () => {
    const entries = await urlsOf('/sitemaps/news.xml');
    const since = TEST_NOW.getTime() - 48 * HOUR;
    const recent = (await site.store.listArticles({ publishedFrom: new Date(since), limit: 1000 })).items;
    assert.ok(recent.length > 0);
    assert.deepEqual(
      entries.map((entry) => entry.loc).sort(),
      recent.map((story) => `${site.baseUrl}/news/${story.id}/${story.slug}`).sort(),
    );
    for (const entry of entries) {
      const story = recent.find((candidate) => entry.loc.endsWith(`/news/${candidate.id}/${candidate.slug}`));
      const news = entry['news:news'];
      assert.ok(story !== undefined && news !== undefined);
      assert.deepEqual(news['news:publication'], { 'news:name': 'Broadsheet', 'news:language': 'en' });
      assert.equal(news['news:publication_date'], story.publishedAt.toISOString());
      assert.equal(news['news:title'], story.headline);
    }
    const { body } = await get('/sitemaps/news.xml');
    assert.match(body, /<urlset [^>]*xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"/);
  });

  test('section, tag, author and market pages are listed and each answers 200', async () => {
    const sections = await urlsOf('/sitemaps/sections.xml');
    const tags = await urlsOf('/sitemaps/tags.xml');
    const authors = await urlsOf('/sitemaps/authors.xml');
    const markets = await urlsOf('/sitemaps/markets.xml');
    assert.equal(sections.length, (await site.store.listSections()).length + 1);
    assert.equal(tags.length, (await site.store.listPublishedTags()).length);
    const snapshot = site.market.snapshot();
    assert.equal(markets.length, 2 + snapshot.quotes.length + snapshot.indices.length);
    for (const entry of [...sections, ...tags.slice(0, 5), ...authors, ...markets.slice(0, 6)]) {
      assert.equal((await get(new URL(entry.loc).pathname)).response.status, 200, entry.loc);
    }
  });

  test('sitemaps carry CDN caching headers and answer conditional GETs with 304', async () => {
    const index = await get('/sitemap.xml');
    assert.equal(
      index.response.headers.get('cache-control'),
      'public, max-age=300, s-maxage=300, stale-while-revalidate=3600',
    );
    const etag = index.response.headers.get('etag');
    assert.ok(etag);
    assert.equal((await get('/sitemap.xml', { 'if-none-match': etag })).response.status, 304);

    const month = karachiDateOf(TEST_NOW.getTime()).slice(0, 7);
    const articles = await get(`/sitemaps/articles-${month}.xml`);
    const lastModified = articles.response.headers.get('last-modified');
    assert.ok(lastModified);
    assert.equal(
      (await get(`/sitemaps/articles-${month}.xml`, { 'if-modified-since': lastModified })).response.status,
      304,
    );
    const news = await get('/sitemaps/news.xml');
    assert.equal(
      news.response.headers.get('cache-control'),
      'public, max-age=60, s-maxage=30, stale-while-revalidate=60',
    );
  });
});
