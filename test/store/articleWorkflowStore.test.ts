import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { ArticleFields } from '../../src/news/revision.js';
import { createArticleWorkflowStore } from '../../src/store/articles/articleWorkflow.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresProblem,
  type StoreBackend,
  sqliteBackend,
} from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

const FIELDS: ArticleFields = {
  headline: 'Gold price hits record',
  summary: 'Bullion rose in Karachi.',
  sectionSlug: 'markets',
  byline: { kind: 'staff', name: 'Staff Reporter' },
  dateline: 'KARACHI',
  body: [{ type: 'paragraph', text: 'Gold rose by Rs 1,500 per tola.' }],
  tags: ['Gold', 'gold ', 'Bullion'],
  printPage: 3,
  seoTitle: null,
  seoDescription: null,
};
const AUTHOR = { kind: 'user', id: 7, name: 'Ayesha' } as const;
const T0 = new Date('2023-01-31T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function workflowSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`article workflow store on ${name}`, () => {
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

    test('a draft is invisible to readers until published; revisions and conflicts', async (t) => {
      const { db, store, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const created = await workflow.create({ fields: FIELDS, owner: AUTHOR, author: AUTHOR, at: T0, note: 'Created' });
      assert.equal(created.status, 'draft');
      assert.deepEqual(created.fields.tags, ['Gold', 'Bullion']);
      assert.equal(await store.getArticle(created.id), null);
      assert.equal((await store.listArticles({ limit: 10 })).total, 0);
      assert.equal((await store.printEdition('2023-01-31')).articles.length, 0);

      const saved = await workflow.save({
        id: created.id,
        baseRevision: 1,
        fields: { ...FIELDS, headline: 'Gold price at record high' },
        author: AUTHOR,
        at: later(1),
        note: 'Sharper headline',
      });
      assert.equal(saved.kind, 'saved');
      const conflict = await workflow.save({
        id: created.id,
        baseRevision: 1,
        fields: FIELDS,
        author: AUTHOR,
        at: later(2),
        note: '',
      });
      assert.deepEqual(conflict, { kind: 'conflict', latest: 2 });
      assert.deepEqual(
        (await workflow.revisions(created.id)).map((r) => [r.number, r.note, r.author.name]),
        [
          [2, 'Sharper headline', 'Ayesha'],
          [1, 'Created', 'Ayesha'],
        ],
      );
      assert.equal((await workflow.revision(created.id, 1))?.fields.headline, 'Gold price hits record');

      const moved = await workflow.changeStatus({ id: created.id, from: 'draft', to: 'published', at: later(3) });
      assert.ok(moved);
      assert.equal(moved.after.publishedAt.getTime(), later(3).getTime());
      // A second mover who saw "draft" loses.
      assert.equal(await workflow.changeStatus({ id: created.id, from: 'draft', to: 'killed', at: later(4) }), null);
      const article = await store.getArticle(created.id);
      assert.equal(article?.headline, 'Gold price at record high');
      assert.equal(article?.slug, 'gold-price-at-record-high');
      assert.equal((await store.printEdition('2023-01-31')).articles.length, 1);

      await workflow.addCorrection({
        id: created.id,
        kind: 'correction',
        text: 'Per tola, not per gram.',
        at: later(5),
        authorName: 'Desk',
      });
      const corrected = await store.getArticle(created.id);
      assert.deepEqual(
        corrected?.corrections.map((c) => [c.kind, c.text]),
        [['correction', 'Per tola, not per gram.']],
      );
      assert.equal(corrected?.updatedAt?.getTime(), later(5).getTime());

      // Issue 16: a published story keeps its slug through a headline edit; a typed slug moves it.
      const renamed = await workflow.save({
        id: created.id,
        baseRevision: 2,
        fields: { ...FIELDS, headline: 'Gold price sets another record' },
        author: AUTHOR,
        at: later(5),
        note: '',
      });
      assert.equal(renamed.kind === 'saved' && renamed.after.slug, 'gold-price-at-record-high');
      const retyped = await workflow.save({
        id: created.id,
        baseRevision: 3,
        fields: { ...FIELDS, headline: 'Gold price sets another record' },
        slug: 'سونا ریکارڈ',
        author: AUTHOR,
        at: later(5),
        note: '',
      });
      assert.equal(retyped.kind === 'saved' && retyped.after.slug, 'سونا-ریکارڈ');
      assert.equal((await store.getArticle(created.id))?.slug, 'سونا-ریکارڈ');

      // A note amended, then withdrawn: it stays, marked, and cannot be changed again.
      const [note] = (await workflow.get(created.id))?.corrections ?? [];
      assert.ok(note);
      const amended = await workflow.changeCorrection({
        id: created.id,
        correctionId: note.id,
        change: { kind: 'amend', text: 'Per tola of 11.66 grams.' },
        at: later(6),
      });
      assert.equal(amended?.after.text, 'Per tola of 11.66 grams.');
      assert.equal(amended?.after.amendedAt?.getTime(), later(6).getTime());
      assert.equal(
        await workflow.changeCorrection({
          id: created.id + 99,
          correctionId: note.id,
          change: { kind: 'amend', text: 'x' },
          at: later(6),
        }),
        null,
        'a note is changed only through its own article',
      );
      await workflow.changeCorrection({
        id: created.id,
        correctionId: note.id,
        change: { kind: 'withdraw', note: 'The original figure was right.' },
        at: later(7),
      });
      const [withdrawn] = (await store.getArticle(created.id))?.corrections ?? [];
      assert.deepEqual(withdrawn?.withdrawn, { at: later(7), note: 'The original figure was right.' });
      assert.equal(withdrawn?.text, 'Per tola of 11.66 grams.');
      assert.equal((await store.getArticle(created.id))?.updatedAt?.getTime(), later(7).getTime());
      assert.equal(
        await workflow.changeCorrection({
          id: created.id,
          correctionId: note.id,
          change: { kind: 'withdraw', note: 'again' },
          at: later(8),
        }),
        null,
      );

      await workflow.changeStatus({ id: created.id, from: 'published', to: 'killed', at: later(9) });
      assert.equal(await store.getArticle(created.id), null);
      assert.equal(await store.isWithdrawn(created.id), true);
      assert.equal(await store.isWithdrawn(created.id + 99), false);
      assert.equal((await store.listArticles({ limit: 10, tagSlug: 'gold' })).total, 0);
    });

    test('seeded stories are published; their first edit keeps the original as revision 1', async (t) => {
      const { db, store, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const id = await store.insertArticle(draft({ headline: 'Seeded story', sectionSlug: 'markets' }));
      assert.equal((await store.getArticle(id))?.headline, 'Seeded story');
      const before = await workflow.get(id);
      assert.equal(before?.status, 'published');
      assert.equal(before?.revision, 0);
      const saved = await workflow.save({
        id,
        baseRevision: 0,
        fields: { ...FIELDS, headline: 'Seeded story, edited' },
        author: AUTHOR,
        at: later(1),
        note: 'Edited',
      });
      assert.equal(saved.kind === 'saved' && saved.after.revision, 2);
      assert.equal((await workflow.revision(id, 1))?.fields.headline, 'Seeded story');
      assert.ok((await store.getArticle(id))?.updatedAt, 'a published story edited shows Updated');
    });

    test('the newsroom search reads body text of drafts, and of published stories through the index', async (t) => {
      const { db, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const body = (text: string) => [{ type: 'paragraph', text }] as const;
      const draftStory = await workflow.create({
        fields: { ...FIELDS, headline: 'Draft one', body: body('Wheat stocks at Gwadar port.') },
        owner: AUTHOR,
        author: AUTHOR,
        at: T0,
        note: '',
      });
      const published = await workflow.create({
        fields: { ...FIELDS, headline: 'Published one', body: body('The port of Gwadar handled wheat cargo.') },
        owner: AUTHOR,
        author: AUTHOR,
        at: T0,
        note: '',
      });
      await workflow.changeStatus({ id: published.id, from: 'draft', to: 'published', at: later(1) });
      const killed = await workflow.create({
        fields: { ...FIELDS, headline: 'Killed one', body: body('Gwadar wheat rumour.') },
        owner: AUTHOR,
        author: AUTHOR,
        at: T0,
        note: '',
      });
      await workflow.changeStatus({ id: killed.id, from: 'draft', to: 'killed', at: later(2) });
      const found = async (search: string) =>
        (await workflow.list({ limit: 10, search })).items.map((item) => item.id).sort((x, y) => x - y);
      assert.deepEqual(await found('gwadar'), [draftStory.id, published.id, killed.id]);
      // Words apart: the index finds the published story; unpublished ones are read as one run of text.
      assert.deepEqual(await found('wheat gwadar'), [published.id]);
      assert.deepEqual(await found('%'), [], '% is a literal in the text as in the headline');
      assert.ok(Array.isArray(await found('"wheat -gwadar OR (')), 'operators and quotes are never an error');
    });

    test('send-back note with its revision, embargo held by the due list, spike, and date filters', async (t) => {
      const { db, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const created = await workflow.create({ fields: FIELDS, owner: AUTHOR, author: AUTHOR, at: T0, note: 'Created' });
      await workflow.changeStatus({ id: created.id, from: 'draft', to: 'in_review', at: later(1) });
      const desk = { kind: 'user', id: 9, name: 'Desk' } as const;
      const sent = await workflow.changeStatus({
        id: created.id,
        from: 'in_review',
        to: 'draft',
        at: later(2),
        sentBack: { note: 'Name the source.', by: 'Desk' },
        revision: { author: desk, note: 'Sent back to the writer: Name the source.' },
      });
      assert.equal(sent?.after.status, 'draft');
      assert.equal(sent?.after.revision, 2);
      assert.deepEqual(sent?.after.sentBack, { note: 'Name the source.', by: 'Desk', at: later(2) });
      // The send-back's revision keeps the content as it stood (tags as stored: canonical).
      assert.deepEqual((await workflow.revision(created.id, 2))?.fields, sent?.before.fields);
      // A stale status move (someone else moved it) changes nothing and records no revision.
      assert.equal(
        await workflow.changeStatus({
          id: created.id,
          from: 'in_review',
          to: 'draft',
          at: later(3),
          revision: { author: desk, note: 'x' },
        }),
        null,
      );
      const resubmitted = await workflow.changeStatus({ id: created.id, from: 'draft', to: 'in_review', at: later(4) });
      assert.equal(resubmitted?.after.sentBack, null);
      assert.equal((await workflow.revisions(created.id)).length, 2);

      const embargoed = await workflow.setEmbargo(created.id, later(60));
      assert.deepEqual(embargoed?.embargoUntil, later(60));
      // A schedule due before an embargo (written here directly) is still held by the due list.
      await workflow.changeStatus({
        id: created.id,
        from: 'in_review',
        to: 'scheduled',
        at: later(5),
        when: later(30),
      });
      assert.deepEqual(await workflow.dueScheduled(later(45)), []);
      assert.deepEqual(await workflow.dueScheduled(later(60)), [created.id]);
      const listed = await workflow.list({ limit: 10 });
      assert.deepEqual(listed.items[0]?.embargoUntil, later(60));
      assert.equal((await workflow.setEmbargo(created.id, null))?.embargoUntil, null);
      assert.equal(await workflow.setEmbargo(999_999, null), null);

      // Spiking deletes only what never reached readers.
      assert.equal(await workflow.spike(created.id), false, 'a scheduled story is not spiked');
      const draftToSpike = await workflow.create({
        fields: FIELDS,
        owner: AUTHOR,
        author: AUTHOR,
        at: later(120),
        note: 'Created',
      });
      assert.equal(await workflow.spike(draftToSpike.id), true);
      assert.equal(await workflow.get(draftToSpike.id), null);
      assert.deepEqual(await workflow.revisions(draftToSpike.id), []);
      assert.equal(await workflow.spike(draftToSpike.id), false);

      const another = await workflow.create({
        fields: FIELDS,
        owner: AUTHOR,
        author: AUTHOR,
        at: later(24 * 60),
        note: 'Created',
      });
      const nextDay = await workflow.list({ limit: 10, since: later(23 * 60) });
      assert.deepEqual(
        nextDay.items.map((item) => item.id),
        [another.id],
      );
      const before = await workflow.list({ limit: 10, until: later(23 * 60) });
      assert.deepEqual(
        before.items.map((item) => item.id),
        [created.id],
      );
    });

    test('several bylines are stored, read back and given to readers in order', async (t) => {
      const { db, store, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const moreBylines = [
        { kind: 'staff', name: 'Bilal Ahmed' },
        { kind: 'agency', agency: 'AFP' },
      ] as const;
      const created = await workflow.create({
        fields: { ...FIELDS, moreBylines },
        owner: AUTHOR,
        author: AUTHOR,
        at: T0,
        note: 'Created',
      });
      assert.deepEqual(created.fields.moreBylines, moreBylines);
      await workflow.changeStatus({ id: created.id, from: 'draft', to: 'published', at: later(1) });
      assert.deepEqual((await store.getArticle(created.id))?.moreBylines, moreBylines);
      const single = await workflow.save({
        id: created.id,
        baseRevision: 1,
        fields: FIELDS,
        author: AUTHOR,
        at: later(2),
        note: 'One byline',
      });
      assert.equal(single.kind === 'saved' && 'moreBylines' in single.after.fields, false);
    });

    test('due scheduled stories, counts and the newsroom list filters', async (t) => {
      const { db, dialect } = await fresh(t);
      const workflow = createArticleWorkflowStore(db, dialect);
      const a = await workflow.create({ fields: FIELDS, owner: AUTHOR, author: AUTHOR, at: T0, note: '' });
      const b = await workflow.create({
        fields: { ...FIELDS, headline: 'Cotton 100% up_today', sectionSlug: 'world' },
        owner: null,
        author: AUTHOR,
        at: T0,
        note: '',
      });
      await workflow.changeStatus({ id: a.id, from: 'draft', to: 'scheduled', at: T0, when: later(30) });
      assert.deepEqual(await workflow.dueScheduled(later(29)), []);
      assert.deepEqual(await workflow.dueScheduled(later(30)), [a.id]);
      assert.equal((await workflow.nextDue())?.getTime(), later(30).getTime());
      const counts = await workflow.countByStatus();
      assert.equal(counts.scheduled, 1);
      assert.equal(counts.draft, 1);
      assert.deepEqual(
        (await workflow.list({ limit: 10, search: 'PRICE HITS' })).items.map((i) => i.id),
        [a.id],
      );
      assert.deepEqual(
        (await workflow.list({ limit: 10, search: '100%' })).items.map((i) => i.id),
        [b.id],
      );
      assert.deepEqual(
        (await workflow.list({ limit: 10, search: '%' })).items.map((i) => i.id),
        [b.id],
        '% is literal',
      );
      // As a wildcard, "o_d" would match the "old" of "Gold".
      assert.equal((await workflow.list({ limit: 10, search: 'o_d' })).total, 0, '_ is literal');
      assert.deepEqual(
        (await workflow.list({ limit: 10, status: 'scheduled' })).items.map((i) => i.id),
        [a.id],
      );
      assert.deepEqual(
        (await workflow.list({ limit: 10, sectionSlug: 'world' })).items.map((i) => i.id),
        [b.id],
      );
      assert.deepEqual(
        (await workflow.list({ limit: 10, ownerName: 'Ayesha' })).items.map((i) => i.id),
        [a.id],
      );
      assert.deepEqual(await workflow.ownerNames(), ['Ayesha']);
    });
  });
}

workflowSuite(sqliteBackend, 'SQLite');
const problem = await postgresProblem(POSTGRES_URL);
if (problem === null) workflowSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
else test('article workflow store on PostgreSQL', { skip: `PostgreSQL not reachable: ${problem}` }, () => {});
