import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ODD_QUERIES } from '../store/articleSearch.test.js';
import { visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

describe('/search', () => {
  let site: RunningSite;
  let section: string;
  const fetchSearch = async (query: string) => {
    const response = await site.fetch(`/search?${query}`);
    return { status: response.status, html: await response.text() };
  };

  before(async () => {
    site = await startSite();
    section = (await site.store.listSections())[0]?.slug ?? 'missing';
    const base = {
      summary: 'A summary.',
      sectionSlug: section,
      byline: { kind: 'agency', agency: 'APP' },
      dateline: 'KARACHI',
      tags: ['Search test'],
      printPage: null,
    } as const;
    await site.store.insertArticle({
      ...base,
      headline: 'Zebracorn <script>alert(1)</script> lands',
      slug: 'zebracorn-lands',
      body: [{ type: 'paragraph', text: 'A <b>zebracorn</b> & friends were seen in Lahore.' }],
      publishedAt: new Date('2023-01-30T10:00:00Z'),
    });
    for (let index = 0; index < 24; index += 1) {
      await site.store.insertArticle({
        ...base,
        headline: `Quokkaflux report ${index}`,
        slug: `quokkaflux-${index}`,
        body: [{ type: 'paragraph', text: 'Nothing else.' }],
        publishedAt: new Date(Date.parse('2023-01-01T10:00:00Z') + index * 3_600_000),
      });
    }
  });
  after(() => site.close());

  test('the masthead box searches stories and instruments at /search', async () => {
    const html = await (await site.fetch('/')).text();
    assert.match(html, /<form class="symbol-search" method="get" action="\/search" role="search"/);
  });

  test('every odd query answers 200 with a whole results page', async () => {
    for (const query of ODD_QUERIES) {
      const { status, html } = await fetchSearch(new URLSearchParams({ q: query }).toString());
      assert.equal(status, 200, JSON.stringify(query));
      assert.match(html, /<h1>Search<\/h1>/, JSON.stringify(query));
      assert.ok(html.trimEnd().endsWith('</html>'), JSON.stringify(query));
      assert.doesNotMatch(html, /<script>alert/, 'the query is escaped');
    }
    for (const raw of ['', 'q', 'q=', 'q=%', 'q=%25', 'q=a&q=b', 'q[]=x', 'q=%E0%A4']) {
      assert.equal((await site.fetch(`/search?${raw}`)).status, 200, raw);
    }
    const dash = visibleText((await fetchSearch('q=-')).html);
    assert.match(dash, /Type a word/, 'punctuation alone is nothing to search for');
    assert.doesNotMatch(dash, /Stocks and indices/, 'and suggests no instrument');
  });

  test('matches are marked and every character of the story is escaped', async () => {
    const { html } = await fetchSearch('q=zebracorn');
    assert.match(html, /<mark>Zebracorn<\/mark> &lt;script>alert\(1\)&lt;\/script> lands/);
    assert.match(html, /A &lt;b><mark>zebracorn<\/mark>&lt;\/b> &amp; friends/);
    assert.match(visibleText(html), /1 story for zebracorn/);
  });

  test('instruments are suggested above the stories', async () => {
    const { html } = await fetchSearch('q=cement');
    const instruments = html.indexOf('id="search-instruments"');
    assert.ok(instruments > 0, 'instrument suggestions shown');
    assert.ok(instruments < html.indexOf('id="search-stories"'), 'above the stories');
    assert.match(html, /href="\/markets\/stocks\/DGKC"/);
    assert.doesNotMatch((await fetchSearch(`q=${encodeURIComponent('پاکستان')}`)).html, /id="search-instruments"/);
  });

  test('pages through results, newest first on request, with filters kept in the links', async () => {
    const first = await fetchSearch('q=quokkaflux&sort=newest&byline=app');
    assert.match(visibleText(first.html), /24 stories for quokkaflux/);
    assert.match(visibleText(first.html), /Quokkaflux report 23 .*Quokkaflux report 4 /);
    assert.match(first.html, /href="\/search\?q=quokkaflux&amp;byline=app&amp;sort=newest&amp;page=2"/);
    const second = await fetchSearch('q=quokkaflux&sort=newest&byline=app&page=2');
    const text = visibleText(second.html);
    assert.match(text, /Quokkaflux report 3 .*Quokkaflux report 0 /);
    assert.doesNotMatch(text, /Quokkaflux report 4 /);
    const dated = visibleText((await fetchSearch('q=quokkaflux&from=2023-01-01&to=2023-01-01')).html);
    assert.match(
      dated,
      /9 stories for quokkaflux/,
      'stories from 15:00 to 23:00 Karachi time on the 1st, none of the 2nd',
    );
    const tagged = visibleText((await fetchSearch('q=quokkaflux&tag=Search+Test&section=nowhere')).html);
    assert.match(tagged, /No stories match quokkaflux/);
  });

  test('a filter that cannot be right is refused with a sentence; the text never is', async () => {
    for (const [query, message] of [
      ['q=x&from=yesterday', /from must be a date/],
      ['q=x&to=2023-02-30', /to must be a date/],
      ['q=x&sort=best', /sort must be relevance or newest/],
      ['q=x&page=0', /page must be a whole number/],
      ['q=x&section=%3Cb%3E', /section is not a section/],
    ] as const) {
      const { status, html } = await fetchSearch(query);
      assert.equal(status, 400, query);
      assert.match(visibleText(html), message, query);
    }
  });
});
