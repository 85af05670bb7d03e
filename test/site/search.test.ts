import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../src/store/openStore.js';
import { ODD_QUERIES } from '../store/articleSearch.test.js';
import { postgresReachable } from '../store/storeBackends.js';
import { visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

searchPageSuite('sqlite');
if (await postgresReachable('/search on PostgreSQL')) {
  searchPageSuite('postgres');
}

/** The reader's search page through real requests, on a site running on SQLite (FTS5) or PostgreSQL (tsvector). */
function searchPageSuite(engine: 'sqlite' | 'postgres'): void {
  describe(`/search on ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`, () => {
    let site: RunningSite;
    let section: string;
    const fetchSearch = async (query: string) => {
      const response = await site.fetch(`/search?${query}`);
      return { status: response.status, html: await response.text() };
    };

    before(async () => {
      site = await startSite({ engine });
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
      // PostgreSQL's ts_headline leaves out tag-like text such as <b> from the passage; FTS5 keeps it (escaped).
      assert.match(html, /A\s+(&lt;b>)?<mark>zebracorn<\/mark>(&lt;\/b>)?\s+&amp; friends/);
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

    test('Urdu finds Urdu, and phrases find the words side by side', async () => {
      const urdu = await site.store.insertArticle({
        headline: 'پاکستان کی معیشت میں بہتری',
        summary: 'اسٹیٹ بینک نے شرح سود برقرار رکھی۔',
        sectionSlug: section,
        byline: { kind: 'agency', agency: 'APP' },
        dateline: 'KARACHI',
        tags: [],
        printPage: null,
        slug: 'urdu-economy',
        body: [{ type: 'paragraph', text: 'کراچی اسٹاک ایکسچینج میں تیزی دیکھی گئی۔' }],
        publishedAt: new Date('2023-01-29T10:00:00Z'),
      });
      for (const text of ['معیشت', '"اسٹیٹ بینک"', 'کراچی']) {
        const { status, html } = await fetchSearch(new URLSearchParams({ q: text }).toString());
        assert.equal(status, 200, text);
        assert.match(html, new RegExp(`href="/news/${urdu}/`), text);
        assert.match(visibleText(html), /1 story for/, text);
        assert.match(html, /<mark>/, text);
      }
      // "friends were" stand side by side in the zebracorn story; "were friends" appear nowhere in that order.
      assert.match(visibleText((await fetchSearch('q=%22friends+were%22')).html), /1 story for “friends were”/);
      assert.match(visibleText((await fetchSearch('q=%22were+friends%22')).html), /No stories match “were friends”/);
    });

    test('a killed story is never found, by any of its words', async () => {
      const author = { kind: 'user', id: 1, name: 'Ayesha' } as const;
      const opened = await openStore(site.database);
      let killed = 0;
      try {
        const created = await opened.workflow.create({
          fields: {
            headline: 'Pangolinite cartel exposed',
            summary: 'A ring was broken up.',
            sectionSlug: section,
            byline: { kind: 'staff', name: 'Staff Reporter' },
            dateline: 'QUETTA',
            body: [{ type: 'paragraph', text: 'Investigators traced the wolframide shipments.' }],
            tags: ['Search test'],
            printPage: null,
            seoTitle: null,
            seoDescription: null,
          },
          owner: author,
          author,
          at: new Date('2023-01-30T09:00:00Z'),
          note: 'new',
        });
        await opened.workflow.changeStatus({
          id: created.id,
          from: 'draft',
          to: 'published',
          at: new Date('2023-01-30T10:00:00Z'),
        });
        killed = created.id;
        assert.match((await fetchSearch('q=wolframide')).html, new RegExp(`href="/news/${killed}/`));
        await opened.workflow.changeStatus({
          id: created.id,
          from: 'published',
          to: 'killed',
          at: new Date('2023-01-30T11:00:00Z'),
        });
      } finally {
        await opened.close();
      }
      for (const text of ['wolframide', 'pangolinite', '"Pangolinite cartel exposed"', 'quetta pangolinite']) {
        const { status, html } = await fetchSearch(new URLSearchParams({ q: text }).toString());
        assert.equal(status, 200, text);
        assert.match(visibleText(html), /No stories match/, `killed story found by ${text}`);
        assert.doesNotMatch(html, new RegExp(`href="/news/${killed}/`), text);
      }
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
}
