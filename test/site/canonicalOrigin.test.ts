import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { addSections, api, story, tokenFor } from '../newsroom/articlesFixture.js';
import { rawGet as get } from '../support/rawGet.js';

// Every public page's canonical link and og:url are absolute without --public-url, made from the host the
// request named: its Host header, or X-Forwarded-Host/-Proto when the peer is the trusted proxy (127.0.0.1
// here); a client bound to 127.0.0.2 is a stranger whose forwarded headers change nothing. Each host has
// its own cached copy of a page, also on the pre-routing fast path that answers cached pages. (The stock
// and index pages go through the same servePage; this site has no market to list.)

/** The page's canonical link and og:url, which must agree; fails the test when either is missing. */
async function canonicalOf(
  site: AdminSite,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly from?: string },
): Promise<string> {
  const page = await get(site.baseUrl, path, options);
  assert.equal(page.status, 200, `${path} answered ${page.status}`);
  const canonical = /<link rel="canonical" href="([^"]*)"\/>/.exec(page.text)?.[1];
  const ogUrl = /<meta property="og:url" content="([^"]*)"\/>/.exec(page.text)?.[1];
  assert.ok(canonical !== undefined, `${path} has a canonical link`);
  assert.equal(ogUrl, canonical, `${path}: og:url is the canonical address`);
  return canonical.replaceAll('&amp;', '&');
}

/** The first link on `path` (asked for as `host`) matching `pattern`, as a path. */
async function firstLink(site: AdminSite, path: string, pattern: RegExp): Promise<string> {
  const page = await get(site.baseUrl, path, { headers: { host: 'news.example.com' } });
  const found = pattern.exec(page.text)?.[0];
  assert.ok(found !== undefined, `${path} links to ${pattern}`);
  return found;
}

describe('canonical links on every public page follow the request’s host', () => {
  let site: AdminSite;
  const paths: string[] = ['/', '/news', '/markets', '/world', '/tags/kse-100', '/tags', '/sections'];

  before(async () => {
    site = await startAdminSite({ serve: { trustedProxy: '127.0.0.1' } });
    await addSections(site);
    const editor = api(site, await tokenFor(site, 'editor', 'Desk Script'));
    const created = await editor.create(story());
    assert.equal(created.status, 201);
    assert.equal((await editor.transition(created.body.id, 'publish')).status, 200);
    const article = `/news/${created.body.id}/${created.body.slug}`;
    paths.push(
      article,
      await firstLink(site, article, /\/authors\/[a-z0-9-]+/),
      // The day it was published in Karachi, as its structured data gives it: that day's archive page.
      `/archive/${(await firstLink(site, article, /(?<="datePublished":")\d{4}-\d{2}-\d{2}/)).replaceAll('-', '/')}`,
      '/markets/currency/usd-pkr',
    );
  });
  after(() => site?.close());

  test('two hosts each get their own absolute links, also once the pages are cached', async () => {
    for (let round = 0; round < 2; round++) {
      for (const path of paths) {
        assert.equal(
          await canonicalOf(site, path, { headers: { host: 'news.example.com' } }),
          `http://news.example.com${path}`,
        );
        assert.equal(
          await canonicalOf(site, path, { headers: { host: 'mirror.example.org:8080' } }),
          `http://mirror.example.org:8080${path}`,
        );
      }
    }
  });

  test('the trusted proxy’s forwarded host and scheme make the links; a stranger’s are ignored', async () => {
    const forwarded = {
      host: 'backend.internal:3000',
      'x-forwarded-host': 'paper.example.com',
      'x-forwarded-proto': 'https',
    };
    for (let round = 0; round < 2; round++) {
      for (const path of paths) {
        assert.equal(await canonicalOf(site, path, { headers: forwarded }), `https://paper.example.com${path}`);
        const fromStranger = await canonicalOf(site, path, { headers: forwarded, from: '127.0.0.2' });
        assert.equal(fromStranger, `http://backend.internal:3000${path}`);
      }
    }
  });
});
