import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hrefs, visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

/** The `<main>` of a page: what the page itself links, without the ticker, masthead and footer every page has. */
function mainOf(html: string): string {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>');
  assert.ok(start >= 0 && end > start, 'the page has no <main>');
  return html.slice(start, end);
}

describe('the smaller reader fixes', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site.close();
  });

  test('/news lists the latest stories, newest first, a page at a time', async () => {
    const response = await site.fetch('/news');
    assert.equal(response.status, 200);
    const main = mainOf(await response.text());
    assert.match(main, /<h1>Latest news<\/h1>/);
    const { items } = await site.store.listArticles({ limit: 2 });
    const links = hrefs(main);
    for (const story of items) assert.ok(links.includes(`/news/${story.id}/${story.slug}`), story.headline);
    assert.equal((await site.fetch('/news?page=2')).status, 200);
    assert.equal((await site.fetch('/news?page=99999')).status, 404);
  });

  test('/tags lists every published tag A to Z, /sections every section with its count', async () => {
    const tags = await site.store.listPublishedTags();
    assert.ok(tags.length > 0);
    const tagPage = await site.fetch('/tags');
    assert.equal(tagPage.status, 200);
    const tagLinks = hrefs(mainOf(await tagPage.text())).filter((href) => href.startsWith('/tags/'));
    assert.deepEqual(new Set(tagLinks), new Set(tags.map((tag) => `/tags/${tag.slug}`)));

    const sectionPage = await site.fetch('/sections');
    assert.equal(sectionPage.status, 200);
    const main = mainOf(await sectionPage.text());
    for (const section of await site.store.listSections()) {
      assert.match(visibleText(main), new RegExp(`${section.name} \\d[\\d,]* (story|stories)`));
    }
  });

  test('folder addresses with and without a trailing slash answer with a page or a redirect, never 400', async () => {
    const expected: Record<string, string> = {
      '/news/': '/news',
      '/tags/': '/tags',
      '/sections/': '/sections',
      '/print/': '/print',
      '/markets/': '/markets',
      '/markets/stocks': '/markets#stocks-heading',
      '/markets/stocks/': '/markets#stocks-heading',
      '/markets/indices': '/markets#indices-heading',
      '/markets/indices/': '/markets#indices-heading',
    };
    for (const [from, to] of Object.entries(expected)) {
      const response = await site.fetch(from);
      assert.equal(response.status, 301, from);
      assert.equal(response.headers.get('location'), to, from);
    }
    const print = await site.fetch('/print');
    assert.ok([200, 302].includes(print.status), `/print answered ${print.status}`);
  });

  test('a bad address is explained in plain words, never in the validator’s', async () => {
    const cases: [string, RegExp][] = [
      ['/world?page=abc', /Page numbers are whole numbers/],
      ['/markets/indices/KSE100?range=forever', /Choose a chart range/],
      [`/markets/stocks/${'X'.repeat(40)}`, /Choose a stock symbol/],
      ['/markets/currency/usd-pkr?direction=sideways', /Choose which way to convert/],
    ];
    for (const [path, advice] of cases) {
      const response = await site.fetch(path);
      assert.equal(response.status, 400, path);
      const text = visibleText(mainOf(await response.text()));
      assert.match(text, advice, path);
      assert.doesNotMatch(text, /must (NOT|be)|querystring|params\/|\/[a-z]+ must|schema|anyOf|instance/i, path);
    }
  });

  test('the converter reads an amount written with thousands separators', async () => {
    const grouped = await site.fetch('/markets/currency/usd-pkr?amount=1%2C000&direction=usd-pkr');
    const plain = await site.fetch('/markets/currency/usd-pkr?amount=1000&direction=usd-pkr');
    assert.equal(grouped.status, 200);
    const results = async (response: Response) =>
      [...visibleText(mainOf(await response.text())).matchAll(/Rs [\d,]+\.\d{2}/g)].map((match) => match[0]);
    const groupedResults = await results(grouped);
    assert.ok(groupedResults.length > 0, 'no conversion shown');
    assert.deepEqual(groupedResults, await results(plain));
    assert.equal((await site.fetch('/markets/currency/usd-pkr?amount=1%2C00')).status, 400);
  });

  test('the home page links each story once', async () => {
    const main = mainOf(await (await site.fetch('/')).text());
    const stories = hrefs(main).filter((href) => href.startsWith('/news/'));
    assert.ok(stories.length > 10, `only ${stories.length} story links`);
    const repeated = stories.filter((href, index) => stories.indexOf(href) !== index);
    assert.deepEqual(repeated, [], 'stories linked more than once');
  });

  test('markets tables give every percentage two decimals and every value traded in Rs million', async () => {
    const html = mainOf(await (await site.fetch('/markets')).text());
    const cells = [...html.matchAll(/<td[^>]*>([^<]*%)<\/td>/g)].map((match) => match[1] ?? '');
    assert.ok(cells.length > 10, 'no percentage cells found');
    for (const cell of cells) assert.match(cell, /^[+-]?[\d,]+\.\d{2}%$/, cell);
    assert.match(html, /Value traded \(Rs million\)/);
    assert.doesNotMatch(
      visibleText(html),
      /Rs [\d,.]+ (billion|million)/,
      'a value traded is written with its own unit',
    );
  });

  test('an index’s constituents total is its change, tied to the same live figure as the head', async () => {
    const html = mainOf(await (await site.fetch('/markets/indices/KSE100')).text());
    const live = [...html.matchAll(/data-live="i:KSE100" data-field="change">([^<]*)</g)].map((match) => match[1]);
    assert.ok(live.length >= 2, 'the head and the total are not both live');
    assert.equal(new Set(live).size, 1, `the head and the total disagree: ${live.join(' vs ')}`);
    assert.match(html, /Total points contributed: the index's change/);
  });
});
