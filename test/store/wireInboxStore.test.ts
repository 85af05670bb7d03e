import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import { parseSearchQuery } from '../../src/news/searchQuery.js';
import { wireItem } from '../wire/wireFixtures.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from './storeBackends.js';
import { draft, SECTIONS } from './storeFixtures.js';

const RECEIVED = new Date('2023-01-31T07:00:00Z');

function wireSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`wire inbox store on ${name}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    async function fresh(t: TestContext): Promise<OpenStore> {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      return opened;
    }

    test('a newer version replaces the older, an older one arriving later is kept but does not', async (t) => {
      const { wire } = await fresh(t);
      const [first] = await wire.store([wireItem()], RECEIVED);
      assert.equal(first?.status, 'accepted');
      const [second] = await wire.store(
        [wireItem({ version: 3, headline: 'Oil prices climb to a two-month high' })],
        RECEIVED,
      );
      assert.equal(second?.status, 'updated');
      assert.equal(second?.itemId, first?.itemId);
      const [late] = await wire.store([wireItem({ version: 2, headline: 'Oil prices climb (version 2)' })], RECEIVED);
      assert.equal(late?.status, 'stale');
      assert.match(late?.reason ?? '', /Version 3 is newer/);

      const held = await wire.get(first?.itemId ?? 0);
      assert.equal(held?.entry.version, 3);
      assert.equal(held?.item.headline, 'Oil prices climb to a two-month high');
      assert.deepEqual(
        held?.versions.map((version) => version.version),
        [3, 2, 1],
      );
      assert.ok(held?.item.versionCreated instanceof Date, 'times come back as dates');
      const listed = await wire.list({ limit: 10 });
      assert.equal(listed.total, 1, 'one item in the inbox, whatever its versions');
    });

    test('the same item and version twice is stored once and reported as a duplicate', async (t) => {
      const { wire, db } = await fresh(t);
      const outcomes = await wire.store([wireItem(), wireItem()], RECEIVED);
      assert.deepEqual(
        outcomes.map((outcome) => outcome.status),
        ['accepted', 'duplicate'],
      );
      const [again] = await wire.store([wireItem()], RECEIVED);
      assert.equal(again?.status, 'duplicate');
      const versions = await db.selectFrom('wire_item_versions').selectAll().execute();
      assert.equal(versions.length, 1);
      const otherAgency = await wire.store([wireItem({ agency: 'Reuters' })], RECEIVED);
      assert.equal(otherAgency[0]?.status, 'accepted', 'the key is agency and agency id together');
    });

    test('a kill marks the item killed, flags the article made from it, and nothing revives it', async (t) => {
      const opened = await fresh(t);
      const { wire } = opened;
      for (const section of SECTIONS) await opened.store.insertSection(section);
      const [first] = await wire.store([wireItem()], RECEIVED);
      const itemId = first?.itemId ?? 0;
      const articleId = await opened.store.insertArticle(draft());
      await wire.linkArticle({ articleId, itemId, version: 1, at: RECEIVED });
      assert.deepEqual(await wire.sourceOfArticle(articleId), {
        itemId,
        agency: 'AFP',
        agencyId: wireItem().agencyId,
        version: 1,
        currentVersion: 1,
        status: 'usable',
        killedAt: null,
      });
      await wire.store([wireItem({ version: 2 })], RECEIVED);
      assert.equal((await wire.sourceOfArticle(articleId))?.currentVersion, 2, 'the article sees the newer version');

      const [kill] = await wire.store([wireItem({ version: 2, status: 'withdrawn', headline: 'KILL' })], RECEIVED);
      assert.equal(kill?.status, 'killed');
      const source = await wire.sourceOfArticle(articleId);
      assert.equal(source?.status, 'withdrawn');
      assert.deepEqual(source?.killedAt, RECEIVED);
      const held = await wire.get(itemId);
      assert.equal(held?.item.headline, wireItem().headline, 'the killed copy stays readable for the desk');
      const [again] = await wire.store([wireItem({ version: 2, status: 'withdrawn' })], RECEIVED);
      assert.equal(again?.status, 'duplicate');
      const [later] = await wire.store([wireItem({ version: 5 })], RECEIVED);
      assert.equal(later?.status, 'stale');
      assert.equal((await wire.get(itemId))?.entry.status, 'withdrawn');
      const [killFirst] = await wire.store([wireItem({ agencyId: 'never-seen', status: 'canceled' })], RECEIVED);
      assert.equal(killFirst?.status, 'killed');
    });

    test('search and filters: text, agency, subject, time, urgency, newest first with paging', async (t) => {
      const { wire } = await fresh(t);
      const hour = (h: number) => new Date(Date.UTC(2023, 0, 31, h));
      await wire.store(
        [
          wireItem({
            agencyId: 'a',
            headline: 'Rupee steadies against the dollar',
            versionCreated: hour(1),
            urgency: 2,
          }),
          wireItem({
            agencyId: 'b',
            agency: 'Reuters',
            headline: 'Cotton crop forecast cut',
            versionCreated: hour(2),
            subjects: [{ scheme: null, code: null, name: 'Agriculture' }],
            keywords: [],
          }),
          wireItem({
            agencyId: 'c',
            headline: 'Central bank holds rates',
            body: [{ type: 'paragraph', text: 'The rupee barely moved after the decision.' }],
            versionCreated: hour(3),
            urgency: 6,
          }),
          wireItem({ agencyId: 'd', headline: 'São Paulo stocks rise', versionCreated: hour(4), urgency: null }),
        ],
        RECEIVED,
      );
      const headlines = async (query: Parameters<typeof wire.list>[0]) =>
        (await wire.list(query)).items.map((entry) => entry.headline);
      assert.deepEqual(await headlines({ limit: 10, terms: parseSearchQuery('rupee') }), [
        'Central bank holds rates',
        'Rupee steadies against the dollar',
      ]);
      assert.deepEqual(await headlines({ limit: 10, terms: parseSearchQuery('são paulo') }), ['São Paulo stocks rise']);
      assert.deepEqual(await headlines({ limit: 10, agency: 'Reuters' }), ['Cotton crop forecast cut']);
      assert.deepEqual(await headlines({ limit: 10, subject: 'AGRICULTURE' }), ['Cotton crop forecast cut']);
      assert.equal((await wire.list({ limit: 10, subject: 'economy' })).total, 3);
      assert.deepEqual(await headlines({ limit: 10, from: hour(2), until: hour(4) }), [
        'Central bank holds rates',
        'Cotton crop forecast cut',
      ]);
      assert.deepEqual(await headlines({ limit: 10, maxUrgency: 4 }), [
        'Cotton crop forecast cut',
        'Rupee steadies against the dollar',
      ]);
      const page = await wire.list({ limit: 2, offset: 2 });
      assert.equal(page.total, 4);
      assert.deepEqual(
        page.items.map((entry) => entry.headline),
        ['Cotton crop forecast cut', 'Rupee steadies against the dollar'],
      );
      assert.deepEqual(await wire.agencies(), ['AFP', 'Reuters']);
      for (const odd of ['"', 'a OR b', '-x', '*', "'; drop table wire_items; --", 'NEAR(a b)']) {
        assert.ok((await wire.list({ limit: 5, terms: parseSearchQuery(odd) })).total >= 0, odd);
      }
      // An update re-indexes: the old headline's words no longer find it.
      await wire.store([wireItem({ agencyId: 'a', version: 2, headline: 'Dollar slips in late trade' })], RECEIVED);
      assert.equal((await wire.list({ limit: 5, terms: parseSearchQuery('steadies') })).total, 0);
      assert.equal((await wire.list({ limit: 5, terms: parseSearchQuery('slips') })).total, 1);
    });

    test('a file that fails part-way stores none of its items', async (t) => {
      const { wire } = await fresh(t);
      const broken = wireItem({ agencyId: 'z', headline: null as unknown as string });
      await assert.rejects(wire.store([wireItem({ agencyId: 'y' }), broken], RECEIVED));
      assert.equal((await wire.list({ limit: 5 })).total, 0);
    });
  });
}

wireSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('wire inbox store on PostgreSQL')) {
  wireSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
