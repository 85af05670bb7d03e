import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { seedDemoContent } from '../../src/demo/seedDemo.js';
import { openDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { type OpenStore, openTestStore, type StoreBackend } from './storeBackends.js';
import { at, draft, SECTIONS, smallDemo, submission } from './storeFixtures.js';

/** The one behavioural suite every store backend must pass. */
export function newsStoreSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`NewsStore on ${name}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(async () => {
      await backend.dispose();
    });

    async function fresh(t: TestContext): Promise<OpenStore> {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      for (const section of SECTIONS) await opened.store.insertSection(section);
      return opened;
    }

    test('migrates an empty database, and a second run has nothing to do', async (t) => {
      const target = await backend.freshTarget();
      const opened = await openDatabase(target);
      t.after(() => opened.close());
      const first = await migrateToLatest(opened.db);
      assert.deepEqual(
        first.map((result) => [result.migrationName, result.status]),
        [
          ['0001_initial', 'Success'],
          ['0002_market', 'Success'],
          ['0003_accounts', 'Success'],
          ['0004_article_workflow', 'Success'],
          ['0005_moderation_print_media', 'Success'],
          ['0006_market_desk_events', 'Success'],
          ['0007_login_throttle', 'Success'],
          ['0008_daily_bars_official_close', 'Success'],
          ['0009_media_files', 'Success'],
          ['0010_market_authority', 'Success'],
          ['0011_article_search', 'Success'],
          ['0012_daily_bars_open_estimated', 'Success'],
          ['0013_pictures_front_page', 'Success'],
          ['0014_article_embargo_send_back', 'Success'],
          ['0015_wire_inbox', 'Success'],
          ['0016_editing_copies', 'Success'],
          ['0017_search_list_items', 'Success'],
          ['0018_account_links_sessions', 'Success'],
          ['0019_correction_withdrawals', 'Success'],
          ['0022_articles_newest_published', 'Success'],
          ['0023_section_redirects', 'Success'],
          ['0024_market_trade_runs', 'Success'],
          ['0025_articles_section_counts', 'Success'],
          ['0026_article_views_room_for_updates', 'Success'],
        ],
      );
      assert.deepEqual(await migrateToLatest(opened.db), []);
    });

    test('sections are listed by position and re-inserting one updates it', async (t) => {
      const { store } = await fresh(t);
      assert.deepEqual(
        (await store.listSections()).map((section) => section.slug),
        ['markets', 'world', 'pakistan'],
      );
      await store.insertSection({ slug: 'world', name: 'World News', position: 9 });
      assert.deepEqual(await store.getSection('world'), { slug: 'world', name: 'World News', position: 9 });
      assert.equal(await store.getSection('nowhere'), null);
    });

    test('an article reads back as it was written', async (t) => {
      const { store } = await fresh(t);
      const written = draft({
        headline: 'Nikkei closes higher',
        sectionSlug: 'markets',
        byline: { kind: 'staff', name: 'Staff Reporter' },
        dateline: 'TOKYO',
        body: [
          { type: 'paragraph', text: 'Stocks rose.' },
          { type: 'subheading', text: 'Yen' },
          { type: 'quote', text: 'A good day.', attribution: 'A trader' },
        ],
        tags: ['Nikkei', 'Japan Stocks'],
        publishedAt: new Date('2023-01-31T13:03:00.123Z'),
        printPage: 4,
      });
      const id = await store.insertArticle(written);
      const article = await store.getArticle(id);
      assert.ok(article);
      assert.equal(article.headline, 'Nikkei closes higher');
      assert.deepEqual(article.byline, { kind: 'staff', name: 'Staff Reporter' });
      assert.equal(article.dateline, 'TOKYO');
      assert.deepEqual(article.body, written.body);
      assert.deepEqual(article.publishedAt, new Date('2023-01-31T13:03:00.123Z'));
      assert.equal(article.printPage, 4);
      assert.deepEqual(article.section, { slug: 'markets', name: 'Markets', position: 1 });
      assert.deepEqual(article.tags, [
        { slug: 'nikkei', name: 'Nikkei' },
        { slug: 'japan-stocks', name: 'Japan Stocks' },
      ]);
      assert.equal(article.updatedAt, null);
      assert.equal(await store.getArticle(id + 1000), null);
      assert.equal(await store.countArticles(), 1);
    });

    test('two spellings of a tag are one tag; the first spelling is its name', async (t) => {
      const { store, db } = await fresh(t);
      const first = await store.insertArticle(draft({ tags: ['RUssia Ukraine war', 'Oil'] }));
      const second = await store.insertArticle(draft({ tags: ['Russia Ukraine War', 'russia  ukraine WAR'] }));
      assert.deepEqual(await store.getTag('russia-ukraine-war'), {
        slug: 'russia-ukraine-war',
        name: 'RUssia Ukraine war',
      });
      const tagRows = await db.selectFrom('tags').select('slug').orderBy('slug').execute();
      assert.deepEqual(
        tagRows.map((row) => row.slug),
        ['oil', 'russia-ukraine-war'],
      );
      const secondArticle = await store.getArticle(second);
      assert.deepEqual(secondArticle?.tags, [{ slug: 'russia-ukraine-war', name: 'RUssia Ukraine war' }]);
      const tagged = await store.listArticles({ limit: 10, tagSlug: 'russia-ukraine-war' });
      assert.deepEqual(
        tagged.items.map((item) => item.id),
        [second, first],
      );
      assert.equal(await store.getTag('no-such-tag'), null);
    });

    test('an article in an unknown section is refused and leaves nothing behind', async (t) => {
      const { store, db } = await fresh(t);
      await assert.rejects(
        store.insertArticle(draft({ sectionSlug: 'sport', tags: ['Cricket'] })),
        /Unknown section "sport"/,
      );
      assert.equal(await store.countArticles(), 0);
      assert.deepEqual(await db.selectFrom('tags').selectAll().execute(), []);
    });

    test('lists newest first by section and by tag, with pages and totals', async (t) => {
      const { store } = await fresh(t);
      const ids: number[] = [];
      for (let minute = 0; minute < 7; minute += 1) {
        ids.push(
          await store.insertArticle(
            draft({
              sectionSlug: minute % 2 === 0 ? 'markets' : 'world',
              tags: minute < 3 ? ['KSE-100'] : ['Oil'],
              publishedAt: at(minute),
            }),
          ),
        );
      }
      const [a0, a1, a2, a3, a4, a5, a6] = ids as [number, number, number, number, number, number, number];

      const all = await store.listArticles({ limit: 3 });
      assert.deepEqual(all, { items: all.items, total: 7 });
      assert.deepEqual(
        all.items.map((item) => item.id),
        [a6, a5, a4],
      );
      const markets1 = await store.listArticles({ limit: 2, sectionSlug: 'markets' });
      const markets2 = await store.listArticles({ limit: 2, offset: 2, sectionSlug: 'markets' });
      assert.equal(markets1.total, 4);
      assert.deepEqual(
        [...markets1.items, ...markets2.items].map((item) => item.id),
        [a6, a4, a2, a0],
      );
      assert.ok(markets1.items.every((item) => item.sectionSlug === 'markets'));

      const kse = await store.listArticles({ limit: 2, offset: 1, tagSlug: 'kse-100' });
      assert.equal(kse.total, 3);
      assert.deepEqual(
        kse.items.map((item) => item.id),
        [a1, a0],
      );
      const oilInWorld = await store.listArticles({ limit: 10, tagSlug: 'oil', sectionSlug: 'world', excludeId: a5 });
      assert.equal(oilInWorld.total, 1);
      assert.deepEqual(
        oilInWorld.items.map((item) => item.id),
        [a3],
      );
      const pastTheEnd = await store.listArticles({ limit: 5, offset: 50 });
      assert.deepEqual(pastTheEnd, { items: [], total: 7 });
      assert.deepEqual(await store.listArticles({ limit: 5, tagSlug: 'unknown' }), { items: [], total: 0 });
      await assert.rejects(store.listArticles({ limit: -1 }), RangeError);
    });

    test('related stories prefer shared tags, then recency, fill from the section, never the story itself', async (t) => {
      const { store } = await fresh(t);
      const subject = await store.insertArticle(
        draft({ sectionSlug: 'markets', tags: ['KSE-100', 'Oil', 'Budget'], publishedAt: at(0) }),
      );
      const sharesTwo = await store.insertArticle(
        draft({ sectionSlug: 'world', tags: ['kse-100', 'oil'], publishedAt: at(1) }),
      );
      const sharesOneOld = await store.insertArticle(
        draft({ sectionSlug: 'world', tags: ['Budget'], publishedAt: at(2) }),
      );
      const sharesOneNew = await store.insertArticle(
        draft({ sectionSlug: 'pakistan', tags: ['Oil'], publishedAt: at(3) }),
      );
      const sameSectionOld = await store.insertArticle(
        draft({ sectionSlug: 'markets', tags: ['Gold'], publishedAt: at(4) }),
      );
      const sameSectionNew = await store.insertArticle(draft({ sectionSlug: 'markets', publishedAt: at(5) }));
      await store.insertArticle(draft({ sectionSlug: 'world', tags: ['Gold'], publishedAt: at(9) }));

      const article = await store.getArticle(subject);
      assert.ok(article);
      const related = await store.relatedArticles(article, 5);
      assert.deepEqual(
        related.map((summary) => summary.id),
        [sharesTwo, sharesOneNew, sharesOneOld, sameSectionNew, sameSectionOld],
      );
      assert.deepEqual(
        (await store.relatedArticles(article, 2)).map((summary) => summary.id),
        [sharesTwo, sharesOneNew],
      );
      assert.deepEqual(await store.relatedArticles(article, 0), []);

      const untagged = await store.getArticle(sameSectionNew);
      assert.ok(untagged);
      const fill = await store.relatedArticles(untagged, 10);
      assert.deepEqual(
        fill.map((summary) => summary.id),
        [sameSectionOld, subject],
      );
    });

    test('the print edition of a Karachi day, by page then time, with its neighbours', async (t) => {
      const { store } = await fresh(t);
      // 2023-01-31 in Karachi runs from 2023-01-30T19:00Z to 2023-01-31T19:00Z.
      const firstInstant = await store.insertArticle(
        draft({ publishedAt: new Date('2023-01-30T19:00:00Z'), printPage: 2 }),
      );
      const pageOneLate = await store.insertArticle(
        draft({ publishedAt: new Date('2023-01-31T18:59:59Z'), printPage: 1 }),
      );
      const pageOneEarly = await store.insertArticle(
        draft({ publishedAt: new Date('2023-01-31T08:00:00Z'), printPage: 1 }),
      );
      await store.insertArticle(draft({ publishedAt: new Date('2023-01-31T09:00:00Z'), printPage: null }));
      const nextDay = await store.insertArticle(draft({ publishedAt: new Date('2023-01-31T19:00:00Z'), printPage: 1 }));
      await store.insertArticle(draft({ publishedAt: new Date('2023-01-27T20:00:00Z'), printPage: 3 }));
      await store.insertArticle(draft({ publishedAt: new Date('2023-02-05T10:00:00Z'), printPage: null }));
      const laterEdition = await store.insertArticle(
        draft({ publishedAt: new Date('2023-02-03T10:00:00Z'), printPage: 5 }),
      );

      const edition = await store.printEdition('2023-01-31');
      assert.equal(edition.date, '2023-01-31');
      assert.deepEqual(
        edition.articles.map((summary) => summary.id),
        [pageOneEarly, pageOneLate, firstInstant],
      );
      assert.equal(edition.previousDate, '2023-01-28');
      assert.equal(edition.nextDate, '2023-02-01');

      const feb1 = await store.printEdition('2023-02-01');
      assert.deepEqual(
        feb1.articles.map((summary) => summary.id),
        [nextDay],
      );
      assert.equal(feb1.nextDate, '2023-02-03');

      const empty = await store.printEdition('2023-02-02');
      assert.deepEqual(empty, { date: '2023-02-02', articles: [], previousDate: '2023-02-01', nextDate: '2023-02-03' });
      const last = await store.printEdition('2023-02-03');
      assert.deepEqual(
        last.articles.map((summary) => summary.id),
        [laterEdition],
      );
      assert.equal(last.nextDate, null);
      assert.equal(await store.latestPrintDate(), '2023-02-03');
      await assert.rejects(store.printEdition('31-01-2023'), RangeError);
    });

    test('author and day queries: bylines, tags, months, stamps and neighbouring days of published stories only', async (t) => {
      const { store, workflow } = await fresh(t);
      const amina = { kind: 'staff', name: 'Amina Qureshi' } as const;
      // Karachi's 2023-01-31 runs from 2023-01-30T19:00Z to 2023-01-31T19:00Z.
      const lastOfJanuary = await store.insertArticle(
        draft({ byline: amina, tags: ['IMF'], publishedAt: new Date('2023-01-31T18:59:59Z') }),
      );
      const firstOfFebruary = await store.insertArticle(
        draft({ byline: amina, publishedAt: new Date('2023-01-31T19:00:00Z') }),
      );
      const early = await store.insertArticle(draft({ publishedAt: new Date('2023-01-28T10:00:00Z') }));
      const killed = await store.insertArticle(
        draft({
          byline: { kind: 'agency', agency: 'AFP' },
          tags: ['Withdrawn'],
          publishedAt: new Date('2023-01-30T10:00:00Z'),
        }),
      );
      await workflow.changeStatus({
        id: killed,
        from: 'published',
        to: 'killed',
        at: new Date('2023-02-02T00:00:00Z'),
      });

      const bylines = await store.listBylines();
      assert.deepEqual(bylines.map((byline) => (byline.kind === 'staff' ? byline.name : byline.agency)).sort(), [
        'Amina Qureshi',
        'Reuters',
      ]);
      assert.deepEqual(
        (await store.listPublishedTags()).map((tag) => tag.slug),
        ['imf'],
      );
      const byAmina = await store.listArticles({ byline: amina, limit: 10 });
      assert.deepEqual(
        byAmina.items.map((story) => story.id),
        [firstOfFebruary, lastOfJanuary],
      );
      assert.equal(byAmina.total, 2);
      const january31 = await store.listArticles({
        publishedFrom: new Date('2023-01-30T19:00:00Z'),
        publishedBefore: new Date('2023-01-31T19:00:00Z'),
        limit: 10,
      });
      assert.deepEqual(
        january31.items.map((story) => story.id),
        [lastOfJanuary],
      );

      const months = await store.publishedMonths();
      assert.deepEqual(
        months.map((month) => month.month),
        ['2023-01', '2023-02'],
      );
      assert.equal(months[0]?.lastModified.toISOString(), '2023-01-31T18:59:59.000Z');
      const stamps = await store.articleStamps({
        from: new Date('2023-01-01T00:00:00Z'),
        before: new Date('2023-01-31T19:00:00Z'),
        limit: 10,
      });
      assert.deepEqual(
        stamps.map((stamp) => stamp.id),
        [early, lastOfJanuary],
      );
      assert.equal(
        (await store.articleStamps({ from: new Date(0), before: new Date('2024-01-01T00:00:00Z'), limit: 1 })).length,
        1,
      );

      // The killed story's day (2023-01-30) is skipped over.
      assert.deepEqual(
        await store.neighbouringDays({
          startMs: Date.parse('2023-01-30T19:00:00Z'),
          endMs: Date.parse('2023-01-31T19:00:00Z'),
        }),
        { previous: '2023-01-28', next: '2023-02-01' },
      );
      assert.deepEqual(
        await store.neighbouringDays({
          startMs: Date.parse('2023-01-27T19:00:00Z'),
          endMs: Date.parse('2023-01-28T19:00:00Z'),
        }),
        { previous: null, next: '2023-01-31' },
      );
    });

    test('no print edition at all', async (t) => {
      const { store } = await fresh(t);
      await store.insertArticle(draft({ printPage: null }));
      assert.equal(await store.latestPrintDate(), null);
      assert.deepEqual(await store.printEdition('2023-01-31'), {
        date: '2023-01-31',
        articles: [],
        previousDate: null,
        nextDate: null,
      });
    });

    test('comments are pending until approved; readers see approved ones oldest first', async (t) => {
      const { store } = await fresh(t);
      const articleId = await store.insertArticle(draft());
      const otherId = await store.insertArticle(draft());
      const first = await store.addComment(submission(articleId, 'First!'));
      assert.equal(first.status, 'pending');
      assert.equal(first.articleId, articleId);
      assert.equal(first.ip, '198.51.100.7');
      assert.ok(Math.abs(first.createdAt.getTime() - Date.now()) < 60_000);
      const second = await store.addComment(submission(articleId, 'Second'));
      const elsewhere = await store.addComment(submission(otherId, 'Elsewhere'), 'approved');
      assert.deepEqual(await store.approvedComments(articleId), []);

      const changed = await store.setCommentStatus([second.id, first.id, second.id, 999_999], 'approved');
      assert.deepEqual(
        changed,
        [first.id, second.id].sort((a, b) => a - b),
      );
      assert.deepEqual(
        (await store.approvedComments(articleId)).map((comment) => comment.body),
        ['First!', 'Second'],
      );
      assert.deepEqual(await store.setCommentStatus([first.id], 'approved'), []);
      assert.deepEqual(await store.setCommentStatus([], 'rejected'), []);
      assert.deepEqual(await store.setCommentStatus([first.id], 'rejected'), [first.id]);
      assert.deepEqual(
        (await store.approvedComments(articleId)).map((comment) => comment.id),
        [second.id],
      );

      const rejected = await store.listComments({ status: 'rejected' });
      assert.deepEqual(
        rejected.map((comment) => comment.id),
        [first.id],
      );
      const everything = await store.listComments({});
      assert.deepEqual(new Set(everything.map((comment) => comment.id)), new Set([first.id, second.id, elsewhere.id]));
      assert.equal((await store.listComments({ limit: 1 })).length, 1);
      await assert.rejects(store.addComment(submission(123_456, 'No such article')));
    });

    test('demo seeding writes once, in one go, and never again', async (t) => {
      const target = await backend.freshTarget();
      const opened = await openTestStore(target);
      t.after(() => opened.close());
      const demo = smallDemo();
      assert.deepEqual(await seedDemoContent(opened.store, demo), { articles: 3, comments: 3 });
      assert.deepEqual(await seedDemoContent(opened.store, demo), { articles: 0, comments: 0 });
      assert.equal(await opened.store.countArticles(), 3);
      assert.equal((await opened.store.listSections()).length, 3);
      const newest = (await opened.store.listArticles({ limit: 1 })).items[0];
      assert.equal(newest?.sectionSlug, 'pakistan');
      const oldest = (await opened.store.listArticles({ limit: 1, offset: 2 })).items[0];
      assert.ok(oldest);
      assert.deepEqual(
        (await opened.store.approvedComments(oldest.id)).map((comment) => [
          comment.body,
          comment.createdAt.toISOString(),
        ]),
        [['First', at(10).toISOString()]],
      );
      const stocks = await opened.store.listArticles({ limit: 10, tagSlug: 'stocks' });
      assert.equal(stocks.total, 2);
      assert.equal((await opened.store.listComments({ status: 'pending' })).length, 1);
    });

    test('a bad seed writes nothing', async (t) => {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      const demo = smallDemo();
      const broken = { ...demo, comments: [...demo.comments, { ...demo.comments[0]!, articleIndex: 99 }] };
      await assert.rejects(seedDemoContent(opened.store, broken), RangeError);
      assert.equal(await opened.store.countArticles(), 0);
      assert.deepEqual(await opened.store.listSections(), []);
    });

    test('data survives closing and reopening', async (t) => {
      const target = await backend.freshTarget();
      const first = await openTestStore(target);
      await first.store.insertSection(SECTIONS[0]!);
      const id = await first.store.insertArticle(draft({ headline: 'Still here', tags: ['Durable'] }));
      await first.store.addComment(submission(id, 'Kept'), 'approved');
      await first.close();

      const second = await openTestStore(target);
      t.after(() => second.close());
      assert.equal((await second.store.getArticle(id))?.headline, 'Still here');
      assert.equal((await second.store.approvedComments(id))[0]?.body, 'Kept');
      assert.deepEqual(await second.store.getTag('durable'), { slug: 'durable', name: 'Durable' });
    });

    test('engine settings', async (t) => {
      const { db, dialect } = await fresh(t);
      switch (dialect) {
        case 'sqlite': {
          const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
          assert.equal(journal.rows[0]?.journal_mode, 'wal');
          const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
          assert.equal(keys.rows[0]?.foreign_keys, 1);
          const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
          assert.equal(sync.rows[0]?.synchronous, 1, 'synchronous = NORMAL');
          break;
        }
        case 'postgres': {
          const schema = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
          assert.match(schema.rows[0]?.schema ?? '', /^broadsheet_test_/);
          const migrations = await sql<{ schema: string }>`
            select table_schema as schema from information_schema.tables where table_name = 'kysely_migration'
            and table_schema = current_schema()`.execute(db);
          assert.equal(migrations.rows.length, 1, 'migration history lives in the store schema');
          break;
        }
      }
    });
  });
}
