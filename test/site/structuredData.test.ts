import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { addSections, api, story, tokenFor } from '../newsroom/articlesFixture.js';
import { rawGet as get } from '../support/rawGet.js';

// Article pages as search engines and share previews read them: the JSON-LD parsed field by field,
// the Open Graph and Twitter tags, the generated card, and the origin absolute links are built on.
// The site trusts a proxy at 127.0.0.1; a client bound to 127.0.0.2 is a stranger whose forwarded
// headers must change nothing (as in proxyAddresses.test.ts).

type Json = Record<string, unknown>;

/** Every JSON-LD object on a page, parsed. */
function jsonLd(html: string): Json[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.flatMap((block) => JSON.parse(block[1] ?? '') as Json[]);
}

function ofType(objects: readonly Json[], type: string): Json {
  const found = objects.filter((object) => object['@type'] === type);
  assert.equal(found.length, 1, `one ${type}`);
  return found[0] as Json;
}

/** The content of every `<meta property|name="name">`, in order. */
function meta(html: string, name: string): string[] {
  const pattern = new RegExp(
    `<meta (?:property|name)="${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"/>`,
    'g',
  );
  return [...html.matchAll(pattern)].map((match) =>
    (match[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );
}

const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;
const HOST = { host: 'news.example.com' };

describe('article pages for search engines and share previews', () => {
  let site: AdminSite;
  let editor: ReturnType<typeof api>;
  let staffPath: string;
  let staffId: number;
  let agencyPath: string;
  let hostilePath: string;
  const hostileHeadline = 'Rupee </script><script>alert(1)</script> & "slips" <!--';

  before(async () => {
    site = await startAdminSite({ serve: { trustedProxy: '127.0.0.1' } });
    await addSections(site);
    editor = api(site, await tokenFor(site, 'editor', 'Desk Script'));
    const publish = async (overrides: Record<string, unknown>) => {
      const created = await editor.create(story(overrides));
      assert.equal(created.status, 201);
      assert.equal((await editor.transition(created.body.id, 'publish')).status, 200);
      return { id: created.body.id as number, path: `/news/${created.body.id}/${created.body.slug}` };
    };
    ({ id: staffId, path: staffPath } = await publish({}));
    ({ path: agencyPath } = await publish({ headline: 'Oil prices climb', byline: 'AFP', tags: [] }));
    ({ path: hostilePath } = await publish({ headline: hostileHeadline }));
  });
  after(() => site?.close());

  test('NewsArticle: headline, dates with offset, author as a Person, publisher with logo, image, section, keywords', async () => {
    const page = await get(site.baseUrl, staffPath, { headers: HOST });
    assert.equal(page.status, 200);
    const objects = jsonLd(page.text);
    const article = ofType(objects, 'NewsArticle');
    const canonical = `http://news.example.com${staffPath}`;
    assert.equal(article['@context'], 'https://schema.org');
    assert.equal(article.headline, 'KSE-100 gains 801 points on banking rally');
    assert.equal(article.description, 'Banks led the index higher in heavy trade.');
    assert.equal(article.url, canonical);
    assert.deepEqual(article.mainEntityOfPage, { '@type': 'WebPage', '@id': canonical });
    assert.match(String(article.datePublished), OFFSET_ISO);
    assert.equal(article.dateModified, article.datePublished, 'untouched since publication');
    assert.deepEqual(article.author, [{ '@type': 'Person', name: 'Staff Reporter' }]);
    assert.deepEqual(article.publisher, {
      '@type': 'Organization',
      name: 'Broadsheet',
      url: 'http://news.example.com/',
      logo: { '@type': 'ImageObject', url: 'http://news.example.com/logo.png', width: 600, height: 60 },
    });
    const [image] = article.image as Json[];
    assert.match(
      String(image?.url),
      new RegExp(`^http://news\\.example\\.com/news/${staffId}/card\\.png\\?v=[\\w-]+$`),
    );
    assert.deepEqual([image?.width, image?.height], [1200, 630]);
    assert.equal(article.articleSection, 'Markets');
    assert.deepEqual(article.keywords, ['KSE-100', 'Banks']);

    const crumbs = ofType(objects, 'BreadcrumbList').itemListElement as Json[];
    assert.deepEqual(
      crumbs.map((crumb) => [crumb.position, crumb.name, crumb.item]),
      [
        [1, 'Broadsheet', 'http://news.example.com/'],
        [2, 'Markets', 'http://news.example.com/sections/markets'],
        [3, 'KSE-100 gains 801 points on banking rally', canonical],
      ],
    );

    // What the structured data points at is served: the logo and the card are real PNGs.
    const logo = await get(site.baseUrl, '/logo.png', { headers: HOST });
    assert.equal(logo.headers['content-type'], 'image/png');
    const logoSize = await sharp(logo.body).metadata();
    assert.deepEqual([logoSize.width, logoSize.height], [600, 60]);
    const card = await get(site.baseUrl, new URL(String(image?.url)).pathname + new URL(String(image?.url)).search);
    const cardSize = await sharp(card.body).metadata();
    assert.deepEqual([cardSize.format, cardSize.width, cardSize.height], ['png', 1200, 630]);
  });

  test('an agency byline is credited to the agency as an Organization', async () => {
    const article = ofType(jsonLd((await get(site.baseUrl, agencyPath, { headers: HOST })).text), 'NewsArticle');
    assert.deepEqual(article.author, [
      { '@type': 'Organization', name: 'Agence France-Presse', alternateName: 'AFP', url: 'https://www.afp.com' },
    ]);
    assert.deepEqual(article.keywords, []);
  });

  test('Open Graph and Twitter card tags are present, with absolute URLs', async () => {
    const html = (await get(site.baseUrl, staffPath, { headers: HOST })).text;
    const canonical = `http://news.example.com${staffPath}`;
    assert.ok(html.includes(`<link rel="canonical" href="${canonical}"/>`));
    assert.deepEqual(meta(html, 'og:url'), [canonical]);
    assert.deepEqual(meta(html, 'og:type'), ['article']);
    assert.deepEqual(meta(html, 'og:title'), ['KSE-100 gains 801 points on banking rally']);
    assert.deepEqual(meta(html, 'og:description'), ['Banks led the index higher in heavy trade.']);
    assert.deepEqual(meta(html, 'og:site_name'), ['Broadsheet']);
    const [ogImage] = meta(html, 'og:image');
    assert.match(ogImage ?? '', /^http:\/\/news\.example\.com\/news\/\d+\/card\.png\?v=/);
    assert.deepEqual(meta(html, 'og:image:width'), ['1200']);
    assert.deepEqual(meta(html, 'og:image:height'), ['630']);
    assert.match(meta(html, 'article:published_time')[0] ?? '', OFFSET_ISO);
    assert.match(meta(html, 'article:modified_time')[0] ?? '', OFFSET_ISO);
    assert.deepEqual(meta(html, 'article:section'), ['Markets']);
    assert.deepEqual(meta(html, 'article:tag'), ['KSE-100', 'Banks']);
    assert.deepEqual(meta(html, 'twitter:card'), ['summary_large_image']);
    assert.deepEqual(meta(html, 'twitter:image'), [ogImage]);
  });

  test('a correction moves dateModified and article:modified_time to its time', async () => {
    const before = ofType(jsonLd((await get(site.baseUrl, agencyPath, { headers: HOST })).text), 'NewsArticle');
    site.advance(2 * 60 * 60 * 1000);
    const id = Number(agencyPath.split('/')[2]);
    const corrected = await editor.correct(id, 'correction', 'An earlier version misstated the price.');
    assert.equal(corrected.status, 201);
    const html = (await get(site.baseUrl, agencyPath, { headers: HOST })).text;
    const after = ofType(jsonLd(html), 'NewsArticle');
    assert.equal(after.datePublished, before.datePublished);
    assert.match(String(after.dateModified), OFFSET_ISO);
    assert.equal(Date.parse(String(after.dateModified)), Date.parse(corrected.body.at));
    assert.ok(Date.parse(String(after.dateModified)) > Date.parse(String(after.datePublished)));
    assert.deepEqual(meta(html, 'article:modified_time'), [after.dateModified]);
  });

  test('a headline holding </script><script> stays inside its JSON-LD', async () => {
    const html = (await get(site.baseUrl, hostilePath, { headers: HOST })).text;
    assert.ok(!html.includes('<script>alert(1)'), 'no script element was opened by the headline');
    assert.equal(html.match(/<script type="application\/ld\+json">/g)?.length, 1);
    assert.equal(ofType(jsonLd(html), 'NewsArticle').headline, hostileHeadline);
    assert.deepEqual(meta(html, 'twitter:title'), [hostileHeadline]);
  });

  test('the card is cached for a year at its versioned address, revalidates, and is 404 for no story', async () => {
    const html = (await get(site.baseUrl, staffPath, { headers: HOST })).text;
    const cardUrl = new URL(meta(html, 'og:image')[0] ?? '');
    const versioned = await get(site.baseUrl, cardUrl.pathname + cardUrl.search);
    assert.equal(versioned.status, 200);
    assert.equal(versioned.headers['content-type'], 'image/png');
    // A browser keeps it a year; a shared cache (nginx, a CDN) asks again within a minute, so a killed story's
    // card, headline and all, leaves it. With the year alone nginx served it for as long as it was asked for.
    assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, s-maxage=60, immutable');
    const etag = String(versioned.headers.etag);
    const revalidated = await get(site.baseUrl, cardUrl.pathname + cardUrl.search, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body.length, 0);
    const unversioned = await get(site.baseUrl, cardUrl.pathname);
    assert.equal(unversioned.status, 200);
    assert.match(String(unversioned.headers['cache-control']), /max-age=300\b/);
    assert.equal((await get(site.baseUrl, '/news/999999/card.png')).status, 404);
    assert.equal((await get(site.baseUrl, '/news/0x1/card.png')).status, 404);
  });

  test('behind the trusted proxy the forwarded host and scheme make the links; from a stranger they are ignored', async () => {
    const forwarded = {
      host: 'backend.internal:3000',
      'x-forwarded-host': 'paper.example.com',
      'x-forwarded-proto': 'https',
    };
    const viaProxy = (await get(site.baseUrl, staffPath, { headers: forwarded })).text;
    assert.deepEqual(meta(viaProxy, 'og:url'), [`https://paper.example.com${staffPath}`]);
    assert.match(meta(viaProxy, 'og:image')[0] ?? '', /^https:\/\/paper\.example\.com\/news\//);

    const fromStranger = (await get(site.baseUrl, staffPath, { headers: forwarded, from: '127.0.0.2' })).text;
    assert.deepEqual(meta(fromStranger, 'og:url'), [`http://backend.internal:3000${staffPath}`]);
    assert.doesNotMatch(fromStranger, /paper\.example\.com/);

    // Each host has its own cached page: the proxy's is still its own after the stranger's request.
    const again = (await get(site.baseUrl, staffPath, { headers: forwarded })).text;
    assert.deepEqual(meta(again, 'og:url'), [`https://paper.example.com${staffPath}`]);
    const plain = (await get(site.baseUrl, staffPath, { headers: { host: 'evil.example' } })).text;
    assert.deepEqual(meta(plain, 'og:url'), [`http://evil.example${staffPath}`]);
    assert.deepEqual(meta((await get(site.baseUrl, staffPath, { headers: HOST })).text, 'og:url'), [
      `http://news.example.com${staffPath}`,
    ]);
  });

  test('a Host that is not a host name gets relative links and no share tags, not an error', async () => {
    const page = await get(site.baseUrl, staffPath, { headers: { host: 'bad host"><x' } });
    // Node's parser may refuse such a header outright; either way nothing of it reaches a page.
    if (page.status === 200) {
      assert.ok(page.text.includes(`<link rel="canonical" href="${staffPath}"/>`));
      assert.deepEqual(meta(page.text, 'og:image'), []);
    } else {
      assert.equal(page.status, 400);
    }
  });
});

describe('with --public-url the links ignore the request’s host', () => {
  let site: AdminSite;
  let path: string;
  before(async () => {
    site = await startAdminSite({ serve: { publicUrl: 'https://www.broadsheet.example', trustedProxy: '127.0.0.1' } });
    await addSections(site);
    const editor = api(site, await tokenFor(site, 'editor'));
    const created = await editor.create(story());
    await editor.transition(created.body.id, 'publish');
    path = `/news/${created.body.id}/${created.body.slug}`;
  });
  after(() => site?.close());

  test('canonical, og:url, og:image and JSON-LD use the configured origin', async () => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const html = (await get(site.baseUrl, path, { headers })).text;
    assert.doesNotMatch(html, /evil\.example/);
    assert.deepEqual(meta(html, 'og:url'), [`https://www.broadsheet.example${path}`]);
    assert.match(meta(html, 'og:image')[0] ?? '', /^https:\/\/www\.broadsheet\.example\/news\//);
    assert.equal(ofType(jsonLd(html), 'NewsArticle').url, `https://www.broadsheet.example${path}`);
  });
});
