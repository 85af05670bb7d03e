import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { ArticleFields } from '../../src/news/revision.js';
import { parseSearchQuery } from '../../src/news/searchQuery.js';
import { type ArticleSearchQuery, SEARCH_CANDIDATES } from '../../src/store/articles/articleSearchQuery.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from './storeBackends.js';
import { at, draft, SECTIONS } from './storeFixtures.js';

/** Reader's queries that must never fail, whatever either database makes of them. */
export const ODD_QUERIES = [
  '',
  ' ',
  '.',
  '%',
  '-',
  '_',
  '*',
  '"',
  '""',
  '"""',
  "'",
  '\\',
  'پاکستان',
  'NEAR(a b)',
  'a OR b',
  'a AND NOT b',
  '-rupee',
  'rupee*',
  'headline:rupee',
  '^rupee',
  '(rupee',
  'rupee)',
  '{headline}: x',
  '"unclosed phrase',
  "'; drop table articles; --",
  '%_%',
  '3.5%',
  '<script>alert(1)</script>',
  '\u0000',
  '\u0002\u0003',
  'ِ',
  'a'.repeat(1000),
  'rupee '.repeat(200),
  '"a b" '.repeat(150),
];

function search(opened: OpenStore, text: string, extra: Partial<ArticleSearchQuery> = {}) {
  return opened.store.searchArticles({ terms: parseSearchQuery(text), sort: 'relevance', limit: 10, ...extra });
}

function searchSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`article search on ${name}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    async function fresh(t: TestContext): Promise<OpenStore> {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      for (const section of SECTIONS) await opened.store.insertSection(section);
      return opened;
    }

    test('a phrase match ranks above the same words scattered; a quoted phrase finds only the phrase', async (t) => {
      const opened = await fresh(t);
      const scattered = await opened.store.insertArticle(
        draft({
          headline: 'Budget talks continue',
          body: [{ type: 'paragraph', text: 'The policy debate went on while the exchange rate held steady.' }],
          publishedAt: at(2),
        }),
      );
      const phrase = await opened.store.insertArticle(
        draft({
          headline: 'Central bank decision',
          body: [{ type: 'paragraph', text: 'The central bank left its policy rate unchanged on Monday.' }],
          publishedAt: at(1),
        }),
      );
      const found = await search(opened, 'policy rate');
      assert.deepEqual(
        found.items.map((hit) => hit.article.id),
        [phrase, scattered],
      );
      assert.equal(found.total, 2);
      const quoted = await search(opened, '"policy rate"');
      assert.deepEqual(
        quoted.items.map((hit) => hit.article.id),
        [phrase],
      );
      const newest = await search(opened, 'policy rate', { sort: 'newest' });
      assert.deepEqual(
        newest.items.map((hit) => hit.article.id),
        [scattered, phrase],
      );
    });

    test('a headline match ranks above a body match, and the match is marked in headline and passage', async (t) => {
      const opened = await fresh(t);
      const inBody = await opened.store.insertArticle(
        draft({
          headline: 'Currency markets in Asia',
          body: [{ type: 'paragraph', text: 'Traders said the <b>rupee</b> weakened against the dollar.' }],
          publishedAt: at(5),
        }),
      );
      const inHeadline = await opened.store.insertArticle(
        draft({
          headline: 'Rupee slides to record low',
          body: [{ type: 'paragraph', text: 'The currency fell in interbank trade.' }],
          publishedAt: at(1),
        }),
      );
      const found = await search(opened, 'RUPEE');
      assert.deepEqual(
        found.items.map((hit) => hit.article.id),
        [inHeadline, inBody],
      );
      const [first, second] = found.items;
      assert.deepEqual(first?.headline, [
        { text: 'Rupee', marked: true },
        { text: ' slides to record low', marked: false },
      ]);
      // Plain runs, never markup (PostgreSQL's ts_headline leaves out tag-like text such as <b>; FTS5 keeps it).
      const passage = second?.snippet.map((run) => (run.marked ? `[${run.text}]` : run.text)).join('');
      assert.match(passage ?? '', /the\s+(<b>)?\[rupee\](<\/b>)?\s+weakened/);
    });

    test('the index follows publishing, edits, unpublishing and kills: a killed story is never found', async (t) => {
      const opened = await fresh(t);
      const author = { kind: 'user', id: 1, name: 'Ayesha' } as const;
      const fields: ArticleFields = {
        headline: 'Textile exports rise',
        summary: 'Shipments grew.',
        sectionSlug: 'pakistan',
        byline: { kind: 'staff', name: 'Staff Reporter' },
        dateline: 'FAISALABAD',
        body: [{ type: 'paragraph', text: 'Spinning mills reported strong orders for denim.' }],
        tags: ['Exports'],
        printPage: null,
        seoTitle: null,
        seoDescription: null,
      };
      const created = await opened.workflow.create({ fields, owner: author, author, at: at(0), note: 'new' });
      assert.equal((await search(opened, 'denim')).total, 0, 'a draft is not public');
      await opened.workflow.changeStatus({ id: created.id, from: 'draft', to: 'published', at: at(1) });
      assert.deepEqual(
        (await search(opened, 'denim')).items.map((hit) => hit.article.id),
        [created.id],
      );
      assert.equal((await search(opened, 'faisalabad')).total, 1, 'the dateline is searchable');
      const saved = await opened.workflow.save({
        id: created.id,
        baseRevision: 1,
        fields: { ...fields, body: [{ type: 'paragraph', text: 'Spinning mills reported strong orders for yarn.' }] },
        author,
        at: at(2),
        note: 'correction',
      });
      assert.equal(saved.kind, 'saved');
      assert.equal((await search(opened, 'denim')).total, 0, 'an edit drops the old words');
      assert.equal((await search(opened, 'yarn')).total, 1, 'and indexes the new ones');
      await opened.workflow.changeStatus({ id: created.id, from: 'published', to: 'unpublished', at: at(3) });
      assert.equal((await search(opened, 'yarn')).total, 0, 'unpublished');
      await opened.workflow.changeStatus({ id: created.id, from: 'unpublished', to: 'published', at: at(4) });
      assert.equal((await search(opened, 'yarn')).total, 1, 'published again');
      await opened.workflow.changeStatus({ id: created.id, from: 'published', to: 'killed', at: at(5) });
      for (const text of ['yarn', 'textile exports', '"Textile exports rise"', 'Staff Reporter']) {
        assert.equal((await search(opened, text)).total, 0, `killed story found by ${text}`);
      }
    });

    test('Urdu finds Urdu, and only Urdu', async (t) => {
      const opened = await fresh(t);
      const urdu = await opened.store.insertArticle(
        draft({
          headline: 'پاکستان کی معیشت میں بہتری',
          summary: 'اسٹیٹ بینک نے شرح سود برقرار رکھی۔',
          body: [{ type: 'paragraph', text: 'کراچی اسٹاک ایکسچینج میں تیزی دیکھی گئی۔' }],
        }),
      );
      await opened.store.insertArticle(draft({ headline: 'Pakistan economy improves' }));
      for (const text of ['پاکستان', 'معیشت', '"اسٹیٹ بینک"', 'کراچی']) {
        const found = await search(opened, text);
        assert.deepEqual(
          found.items.map((hit) => hit.article.id),
          [urdu],
          text,
        );
      }
      const [hit] = (await search(opened, 'پاکستان')).items;
      assert.deepEqual(hit?.headline[0], { text: 'پاکستان', marked: true });
    });

    test('filters by section, tag, byline and date range, and pages through the total', async (t) => {
      const opened = await fresh(t);
      const ids: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        ids.push(
          await opened.store.insertArticle(
            draft({
              headline: `Cotton crop report ${index}`,
              sectionSlug: index % 2 === 0 ? 'pakistan' : 'world',
              byline: index === 3 ? { kind: 'staff', name: 'Amna Khan' } : { kind: 'agency', agency: 'APP' },
              tags: index === 4 ? ['Agriculture'] : [],
              publishedAt: at(index * 60),
            }),
          ),
        );
      }
      const idsOf = async (extra: Partial<ArticleSearchQuery>) =>
        (await search(opened, 'cotton', { sort: 'newest', ...extra })).items.map((hit) => hit.article.id);
      assert.deepEqual(await idsOf({ sectionSlug: 'world' }), [ids[3], ids[1]]);
      assert.deepEqual(await idsOf({ tagSlug: 'agriculture' }), [ids[4]]);
      assert.deepEqual(await idsOf({ byline: 'amna khan' }), [ids[3]]);
      assert.deepEqual(await idsOf({ byline: 'app', sectionSlug: 'pakistan' }), [ids[4], ids[2], ids[0]]);
      assert.deepEqual(await idsOf({ from: at(60), until: at(180) }), [ids[2], ids[1]]);
      const second = await search(opened, 'cotton', { sort: 'newest', limit: 2, offset: 2 });
      assert.equal(second.total, 5);
      assert.deepEqual(
        second.items.map((hit) => hit.article.id),
        [ids[2], ids[1]],
      );
    });

    test('a word in more stories than the cap ranks the newest ones and says there are more', async (t) => {
      const opened = await fresh(t);
      const ids: number[] = [];
      for (let index = 0; index < SEARCH_CANDIDATES + 5; index += 1) {
        ids.push(
          await opened.store.insertArticle(
            draft({
              headline: `Wheat harvest report ${index}`,
              sectionSlug: index % 2 === 0 ? 'pakistan' : 'world',
              publishedAt: at(index),
            }),
          ),
        );
      }
      const newest = await search(opened, 'wheat', { sort: 'newest', limit: 3 });
      assert.equal(newest.total, SEARCH_CANDIDATES);
      assert.equal(newest.more, true);
      assert.deepEqual(
        newest.items.map((hit) => hit.article.id),
        ids.slice(-3).reverse(),
      );
      const last = await search(opened, 'wheat', { sort: 'newest', limit: 10, offset: SEARCH_CANDIDATES - 2 });
      assert.equal(last.items.length, 2, 'the page ends at the cap');
      assert.ok(!last.items.some((hit) => ids.slice(0, 5).includes(hit.article.id)), 'the oldest are past the cap');
      const filtered = await search(opened, 'wheat', { sectionSlug: 'world', sort: 'newest', limit: 2 });
      assert.equal(filtered.total, 502, '1,005 stories, every other one in World');
      assert.equal(filtered.more, false);
      assert.equal(filtered.items[0]?.article.id, ids.at(-2), 'the newest story in World');
      const past = await search(opened, 'wheat', { sectionSlug: 'world', limit: 10, offset: 600 });
      assert.deepEqual(past.items, []);
      assert.equal(past.total, 502, 'a page past the end still counts the matches');
    });

    test('list items are indexed and found', async (t) => {
      const opened = await fresh(t);
      const id = await opened.store.insertArticle(
        draft({
          headline: 'What the budget holds',
          body: [
            { type: 'paragraph', text: 'The main measures:', marks: [{ kind: 'bold', start: 4, end: 8 }] },
            {
              type: 'list',
              ordered: false,
              items: [{ text: 'A new levy on sugarcane exports' }, { text: 'Lower duty' }],
            },
          ],
        }),
      );
      assert.deepEqual(
        (await search(opened, 'sugarcane')).items.map((hit) => hit.article.id),
        [id],
      );
    });

    test('odd queries never fail: quotes, operators, punctuation, control characters, 1,000 characters', async (t) => {
      const opened = await fresh(t);
      await opened.store.insertArticle(draft({ headline: 'Rupee gains 3.5% as a b c' }));
      for (const text of ODD_QUERIES) {
        const found = await search(opened, text);
        assert.ok(found.total >= 0 && found.items.length <= found.total, JSON.stringify(text));
      }
      assert.equal((await search(opened, '-')).total, 0, 'punctuation alone finds nothing rather than everything');
      assert.equal((await search(opened, '%')).total, 0);
      assert.equal((await search(opened, 'rupee OR nothing')).total, 0, 'OR is a word, not an operator');
    });
  });
}

searchSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('article search on PostgreSQL')) {
  searchSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
