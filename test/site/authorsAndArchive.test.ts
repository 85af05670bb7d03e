import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { archiveDayUrl } from '../../src/http/siteUrls.js';
import { authorOf } from '../../src/news/author.js';
import { karachiDateOf, karachiDayRange } from '../../src/shared/pakistanTime.js';
import { hrefs, visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

describe('author pages and the date archive', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(() => site.close());

  const page = async (path: string) => {
    const response = await site.fetch(path);
    return { status: response.status, html: await response.text() };
  };

  test('a writer’s page gives the byline, the role, their stories 20 a page, and their feed', async () => {
    const bylines = await site.store.listBylines();
    const counts = await Promise.all(
      bylines.map(async (byline) => ({ byline, total: (await site.store.listArticles({ byline, limit: 1 })).total })),
    );
    const busiest = counts.filter((entry) => entry.byline.kind === 'staff').sort((a, b) => b.total - a.total)[0];
    assert.ok(busiest !== undefined && busiest.total > 20, 'the demo has a writer with more than a page of stories');
    const author = authorOf(busiest.byline);
    const first = await page(`/authors/${author.slug}`);
    assert.equal(first.status, 200);
    assert.match(first.html, new RegExp(`<h1>${author.name}</h1>`));
    assert.match(first.html, /<p class="author-role">Staff reporter<\/p>/);
    assert.match(first.html, /<link rel="next" href="\/authors\/[a-z0-9-]+\?page=2"/);
    // Absolute on the host the request named (no --public-url here).
    assert.ok(first.html.includes(`<link rel="canonical" href="${site.baseUrl}/authors/${author.slug}"/>`));
    const stories = (await site.store.listArticles({ byline: busiest.byline, limit: 20 })).items;
    const linked = hrefs(first.html).filter((href) => href.startsWith('/news/'));
    assert.deepEqual(
      [...new Set(linked)],
      stories.map((story) => `/news/${story.id}/${story.slug}`),
    );
    assert.ok(hrefs(first.html).includes(`/feeds/authors/${author.slug}.xml`));

    const lastPage = Math.ceil(busiest.total / 20);
    const last = await page(`/authors/${author.slug}?page=${lastPage}`);
    assert.equal(last.status, 200);
    assert.match(last.html, /<link rel="prev"/);
    assert.equal((await page(`/authors/${author.slug}?page=${lastPage + 1}`)).status, 404);
    assert.equal((await page(`/authors/${author.slug}?page=0`)).status, 400);
  });

  test('an agency’s page names it in full as a news agency', async () => {
    const { status, html } = await page('/authors/reuters');
    assert.equal(status, 200);
    assert.match(html, /<h1>Reuters<\/h1>/);
    assert.match(html, /<p class="author-role">News agency<\/p>/);
    assert.match(visibleText(await (await site.fetch('/authors/afp')).text()), /Agence France-Presse/);
  });

  test('bylines in story lists link to the author pages', async () => {
    const links = hrefs((await page('/')).html).filter((href) => href.startsWith('/authors/'));
    assert.ok(links.length > 5);
    for (const link of new Set(links)) assert.equal((await page(link)).status, 200, link);
  });

  test('a day of the archive lists that Karachi day’s stories and links to the days either side', async () => {
    const { status, html } = await page('/archive/2023/01/30');
    assert.equal(status, 200);
    assert.match(html, /<h1>Stories of Monday, Jan 30, 2023<\/h1>/);
    const day = karachiDayRange('2023-01-30');
    const stories = (
      await site.store.listArticles({
        publishedFrom: new Date(day.startMs),
        publishedBefore: new Date(day.endMs),
        limit: 20,
      })
    ).items;
    assert.ok(stories.length > 0);
    const linked = [...new Set(hrefs(html).filter((href) => href.startsWith('/news/')))];
    assert.deepEqual(
      linked,
      stories.map((story) => `/news/${story.id}/${story.slug}`),
    );
    assert.ok(hrefs(html).includes('/archive/2023/01/29'), 'previous day');
    assert.ok(hrefs(html).includes('/archive/2023/01/31'), 'next day');
  });

  test('walking the archive day by day from the newest day reaches every story', async () => {
    const all = await site.store.listArticles({ limit: 100_000 });
    const newest = all.items[0];
    assert.ok(newest !== undefined);
    const seen = new Set<string>();
    let path: string | undefined = archiveDayUrl(karachiDateOf(newest.publishedAt.getTime()));
    let days = 0;
    while (path !== undefined && days < 400) {
      days += 1;
      let pagePath: string | undefined = path;
      let dayHtml = '';
      while (pagePath !== undefined) {
        const response = await page(pagePath);
        assert.equal(response.status, 200, pagePath);
        if (dayHtml === '') dayHtml = response.html;
        for (const href of hrefs(response.html)) if (href.startsWith('/news/')) seen.add(href);
        pagePath = /<link rel="next" href="([^"]+)"/.exec(response.html)?.[1]?.replaceAll('&amp;', '&');
      }
      path = /<a href="(\/archive\/[0-9/]+)">← Previous day/.exec(dayHtml)?.[1];
    }
    for (const story of all.items) assert.ok(seen.has(`/news/${story.id}/${story.slug}`), story.headline);
  });

  test('unknown authors, days without stories and impossible dates are 404', async () => {
    for (const path of [
      '/authors/nobody-at-all',
      '/authors/AFP',
      '/authors/%00',
      '/archive/2023/02/30',
      '/archive/2023/1/30',
      '/archive/1999/01/01',
      '/archive/2023/13/01',
      '/archive/abcd/01/01',
      '/archive/0000/01/01',
    ]) {
      assert.equal((await page(path)).status, 404, path);
    }
  });
});
