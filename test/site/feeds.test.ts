import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { ArticleSummary } from '../../src/news/article.js';
import { authorOf } from '../../src/news/author.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { validateXml } from '../support/xmlSchemas.js';
import { type RunningSite, startSite } from './siteFixture.js';

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Atom has several links per feed; RSS's one link then reads as a list of one.
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
});

interface RssItem {
  readonly title: string;
  readonly link: readonly string[];
  readonly guid: { readonly '#text': string };
  readonly pubDate: string;
  readonly description: string;
  readonly 'dc:creator': string;
  readonly category: readonly { readonly '#text': string; readonly '@domain': string }[];
}

interface JsonFeedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  readonly content_html: string;
  readonly date_published: string;
  readonly authors: readonly { readonly name: string; readonly url: string }[];
  readonly tags: readonly string[];
}

/** A GET with a Host header of our choosing, as a client behind another name would send. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    request({ host: target.hostname, port: target.port, path: target.pathname, headers: { host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    })
      .on('error', reject)
      .end();
  });
}

describe('feeds: RSS 2.0, Atom and JSON Feed 1.1', { skip: skipUnlessAvailable(['xmllint']) }, () => {
  let site: RunningSite;
  let latest: readonly ArticleSummary[];
  before(async () => {
    requireTools(['xmllint']);
    site = await startSite();
    latest = (await site.store.listArticles({ limit: 30 })).items;
  });
  after(() => site?.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await site.fetch(path, { headers });
    return { response, body: await response.text() };
  };

  test('the latest RSS lists the 30 newest stories with absolute links, dates, section and author', async () => {
    const { response, body } = await get('/feeds/latest.xml');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
    const channel = xml.parse(body).rss.channel;
    assert.equal(xml.parse(body).rss['@version'], '2.0');
    assert.deepEqual(channel.link, [`${site.baseUrl}/`]);
    const items: RssItem[] = channel.item;
    assert.equal(items.length, latest.length);
    const sections = new Map((await site.store.listSections()).map((section) => [section.slug, section.name]));
    latest.forEach((story, index) => {
      const item = items[index];
      assert.ok(item !== undefined);
      const url = `${site.baseUrl}/news/${story.id}/${story.slug}`;
      assert.equal(item.title, story.headline);
      assert.deepEqual(item.link, [url]);
      assert.equal(item.guid['#text'], url);
      assert.equal(item.description, story.summary);
      assert.equal(Date.parse(item.pubDate), Math.floor(story.publishedAt.getTime() / 1000) * 1000);
      assert.equal(item['dc:creator'], authorOf(story.byline).name);
      assert.equal(item.category[0]?.['#text'], sections.get(story.sectionSlug));
    });
    // The paper's own address for its RSS serves the same feed.
    assert.equal((await get('/feeds/latest-news')).body, body);
  });

  test('a wire story is credited to its agency by name, and the agency has a feed of its own', async () => {
    const { body } = await get('/feeds/authors/afp.xml');
    const items: RssItem[] = xml.parse(body).rss.channel.item;
    const fromAfp = await site.store.listArticles({ byline: { kind: 'agency', agency: 'AFP' }, limit: 30 });
    assert.ok(fromAfp.items.length > 0, 'the demo carries AFP copy');
    assert.deepEqual(
      items.map((item) => item.title),
      fromAfp.items.map((story) => story.headline),
    );
    for (const item of items) assert.equal(item['dc:creator'], 'Agence France-Presse');
  });

  test('every Atom feed is valid against the RFC 4287 RELAX NG schema', async () => {
    const [tag] = await site.store.listPublishedTags();
    const [section] = await site.store.listSections();
    const [byline] = await site.store.listBylines();
    assert.ok(tag && section && byline);
    const paths = [
      '/feeds/latest.atom',
      `/feeds/sections/${section.slug}.atom`,
      `/feeds/tags/${tag.slug}.atom`,
      `/feeds/authors/${authorOf(byline).slug}.atom`,
    ];
    for (const path of paths) {
      const { response, body } = await get(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'application/atom+xml; charset=utf-8', path);
      const verdict = validateXml(body, 'atom');
      assert.ok(verdict.valid, `${path}: ${verdict.messages}`);
    }
    const feed = xml.parse((await get(`/feeds/sections/${section.slug}.atom`)).body).feed;
    const selfLink = feed.link.find((link: { '@rel': string }) => link['@rel'] === 'self');
    assert.equal(selfLink['@href'], `${site.baseUrl}/feeds/sections/${section.slug}.atom`);
    const inSection = await site.store.listArticles({ sectionSlug: section.slug, limit: 30 });
    assert.deepEqual(
      feed.entry.map((entry: { id: string }) => entry.id),
      inSection.items.map((story) => `${site.baseUrl}/news/${story.id}/${story.slug}`),
    );
  });

  test('the schema check can fail: an Atom entry without an id is refused', async () => {
    const { body } = await get('/feeds/latest.atom');
    const broken = body.replace(/<entry>\s*<title[\s\S]*?<\/title>\s*<id>[^<]*<\/id>/, (entry) =>
      entry.replace(/<id>[^<]*<\/id>/, ''),
    );
    assert.notEqual(broken, body);
    assert.equal(validateXml(broken, 'atom').valid, false);
  });

  test('the JSON Feed is version 1.1 with authors, dates and tags', async () => {
    const { response, body } = await get('/feeds/latest.json');
    assert.equal(response.headers.get('content-type'), 'application/feed+json; charset=utf-8');
    const feed = JSON.parse(body);
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.home_page_url, `${site.baseUrl}/`);
    assert.equal(feed.feed_url, `${site.baseUrl}/feeds/latest.json`);
    assert.equal(feed.language, 'en');
    const items: JsonFeedItem[] = feed.items;
    assert.equal(items.length, latest.length);
    latest.forEach((story, index) => {
      const item = items[index];
      assert.ok(item !== undefined);
      assert.equal(item.url, `${site.baseUrl}/news/${story.id}/${story.slug}`);
      assert.equal(item.id, item.url);
      assert.equal(item.title, story.headline);
      assert.equal(item.content_html, story.summary);
      assert.equal(item.date_published, story.publishedAt.toISOString());
      const author = authorOf(story.byline);
      assert.deepEqual(item.authors, [{ name: author.name, url: `${site.baseUrl}/authors/${author.slug}` }]);
      assert.equal(item.tags.length, 1);
    });
  });

  test('conditional GET: the same ETag or a Last-Modified not older gives 304, a changed one 200', async () => {
    for (const path of ['/feeds/latest.xml', '/feeds/latest.atom', '/feeds/latest.json']) {
      const first = await get(path);
      const etag = first.response.headers.get('etag');
      const lastModified = first.response.headers.get('last-modified');
      assert.ok(etag && lastModified, path);
      assert.equal(Date.parse(lastModified), Math.floor((latest[0]?.publishedAt.getTime() ?? 0) / 1000) * 1000);
      assert.equal(
        first.response.headers.get('cache-control'),
        'public, max-age=60, s-maxage=30, stale-while-revalidate=60',
      );

      const byEtag = await get(path, { 'if-none-match': etag });
      assert.equal(byEtag.response.status, 304, path);
      assert.equal(byEtag.body, '');
      assert.equal(byEtag.response.headers.get('etag'), etag.replace(/(-1)?-(gz|br)"$/, '"'));
      assert.equal(byEtag.response.headers.get('last-modified'), lastModified);
      assert.equal((await get(path, { 'if-modified-since': lastModified })).response.status, 304, path);

      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      assert.equal((await get(path, { 'if-modified-since': older })).response.status, 200, path);
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
      const stale = await get(path, { 'if-none-match': '"not-this-one"', 'if-modified-since': lastModified });
      assert.equal(stale.response.status, 200, path);
      assert.equal((await get(path, { 'if-modified-since': 'not a date' })).response.status, 200, path);
    }
  });

  test('the pages a feed mirrors announce it; the author page offers it to readers', async () => {
    const [section] = await site.store.listSections();
    const [tag] = await site.store.listPublishedTags();
    assert.ok(section && tag);
    const mirrored: Record<string, string> = {
      '/': '/feeds/latest',
      [`/tags/${tag.slug}`]: `/feeds/tags/${tag.slug}`,
      '/authors/afp': '/feeds/authors/afp',
    };
    const sectionPage = await get(`/${section.slug}`);
    const sectionPath = sectionPage.response.status === 200 ? `/${section.slug}` : `/sections/${section.slug}`;
    mirrored[sectionPath] = `/feeds/sections/${section.slug}`;
    for (const [page, feed] of Object.entries(mirrored)) {
      const { body } = await get(page);
      const formats: ReadonlyArray<readonly [string, string]> = [
        ['application/rss+xml', 'xml'],
        ['application/atom+xml', 'atom'],
        ['application/feed+json', 'json'],
      ];
      for (const [type, extension] of formats) {
        const link = new RegExp(
          `<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="${feed}\\.${extension}"/?>`,
        );
        assert.match(body, link, `${page} → ${feed}.${extension}`);
        assert.equal((await get(`${feed}.${extension}`)).response.status, 200);
      }
    }
    assert.match(
      (await get('/authors/afp')).body,
      /<a href="\/feeds\/authors\/afp\.xml" type="application\/rss\+xml">RSS<\/a>/,
    );
  });

  test('without --public-url each host gets links to itself, even for a feed already cached for another', async () => {
    for (const host of ['news.example.com', 'mirror.example.org:8080', 'news.example.com']) {
      const { status, body } = await getWithHost(`${site.baseUrl}/feeds/latest.atom`, host);
      assert.equal(status, 200);
      const ids: string[] = xml.parse(body).feed.entry.map((entry: { id: string }) => entry.id);
      assert.ok(ids.length > 0);
      for (const id of ids) assert.ok(id.startsWith(`http://${host}/news/`), `${host}: ${id}`);
    }
  });

  test('unknown feeds are 404 and a Host that is not a host name is refused', async () => {
    for (const path of [
      '/feeds/latest.rss',
      '/feeds/nothing.xml',
      '/feeds/sections/no-such-section.xml',
      '/feeds/tags/no-such-tag.atom',
      '/feeds/authors/nobody.json',
      '/feeds/authors/AFP.xml',
      '/feeds/people/afp.xml',
      '/feeds/authors/afp',
    ]) {
      assert.equal((await get(path)).response.status, 404, path);
    }
    assert.equal((await getWithHost(`${site.baseUrl}/feeds/latest.xml`, 'evil.example/<x>')).status, 400);
  });
});
