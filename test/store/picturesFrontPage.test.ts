import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import type { MediaAsset } from '../../src/news/media.js';
import { processUpload } from '../../src/store/media/mediaFiles.js';
import type { MediaLibrary } from '../../src/store/media/mediaLibrary.js';
import {
  type OpenStore,
  openTestStore,
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from './storeBackends.js';
import { at, draft, SECTIONS, submission } from './storeFixtures.js';

async function pictureBytes(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 450, channels: 3, background: '#3a6ea5' } })
    .png()
    .toBuffer();
}

async function addPicture(library: MediaLibrary, alt: string, credit: string | null = null): Promise<MediaAsset> {
  const processed = await processUpload(await pictureBytes());
  assert.ok(processed.ok);
  return library.add({ image: processed.image, description: { alt, caption: null, credit }, by: 'Desk', at: at(0) });
}

function suite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`featured pictures, media library and front page on ${name}`, () => {
    let backend: StoreBackend;
    let mediaDir: string;
    before(async () => {
      backend = await makeBackend();
      mediaDir = await mkdtemp(join(tmpdir(), 'broadsheet-pictures-'));
    });
    after(async () => {
      await backend.dispose();
      await rm(mediaDir, { recursive: true, force: true });
    });

    async function fresh(t: TestContext): Promise<{ opened: OpenStore; library: MediaLibrary }> {
      const opened = await openTestStore(await backend.freshTarget());
      t.after(() => opened.close());
      for (const section of SECTIONS) await opened.store.insertSection(section);
      const library = opened.mediaLibrary(
        opened.dialect === 'postgres'
          ? { kind: 'database' }
          : { kind: 'local', dir: join(mediaDir, String(Date.now())) },
      );
      return { opened, library };
    }

    test('a featured picture is set, read with its story and replaced or cleared', async (t) => {
      const { opened, library } = await fresh(t);
      const id = await opened.store.insertArticle(draft());
      const other = await opened.store.insertArticle(draft());
      const picture = await addPicture(library, 'Traders at the exchange', 'AFP');
      const set = await opened.frontPage.setFeaturedImage(id, {
        mediaId: picture.id,
        caption: 'Traders watch the board.',
        credit: null,
        focus: 'top-left',
      });
      assert.deepEqual(set, { ok: true });
      const pictures = await opened.frontPage.storyPictures([id, other]);
      assert.equal(pictures.size, 1);
      const story = pictures.get(id);
      assert.equal(story?.asset.id, picture.id);
      assert.equal(story?.caption, 'Traders watch the board.');
      assert.equal(story?.credit, 'AFP', "the library's credit when the story gives none");
      assert.equal(story?.focus, 'top-left');
      assert.deepEqual(story?.asset.widths, [320, 640, 800]);

      assert.deepEqual(
        await opened.frontPage.setFeaturedImage(id, {
          ...(await opened.frontPage.featuredImage(id))!,
          focus: 'bottom',
        }),
        { ok: true },
      );
      assert.equal((await opened.frontPage.featuredImage(id))?.focus, 'bottom');
      assert.deepEqual(await opened.frontPage.setFeaturedImage(id, null), { ok: true });
      assert.equal(await opened.frontPage.featuredImage(id), null);
    });

    test("an article page's one read holds what the separate reads give: story, approved comments, picture", async (t) => {
      const { opened, library } = await fresh(t);
      const { store, frontPage } = opened;
      const id = await store.insertArticle(draft({ tags: ['IMF', 'Rupee'] }));
      const bare = await store.insertArticle(draft());
      const picture = await addPicture(library, 'Traders at the exchange', 'AFP');
      assert.deepEqual(
        await frontPage.setFeaturedImage(id, {
          mediaId: picture.id,
          caption: 'The board.',
          credit: null,
          focus: 'top',
        }),
        { ok: true },
      );
      const later = await store.addComment(submission(id, 'Second, approved'), 'approved');
      await store.addComment(submission(id, 'Waiting'), 'pending');
      await store.addComment(submission(bare, 'Another story'), 'approved');
      const earlier = await store.addComment(submission(id, 'First, approved'), 'approved');
      // Oldest first, whatever order the rows went in.
      await sql`update comments set created_at = ${at(1).getTime()} where id = ${earlier.id}`.execute(opened.db);
      await sql`update comments set created_at = ${at(2).getTime()} where id = ${later.id}`.execute(opened.db);

      const reading = await store.articleForReaders(id);
      assert.ok(reading !== null);
      assert.deepEqual(reading.article, await store.getArticle(id));
      assert.deepEqual(
        reading.article.tags.map((tag) => tag.slug),
        ['imf', 'rupee'],
      );
      assert.deepEqual(reading.comments, await store.approvedComments(id));
      assert.deepEqual(
        reading.comments.map((comment) => comment.body),
        ['First, approved', 'Second, approved'],
      );
      assert.equal(reading.comments[0]?.createdAt.getTime(), at(1).getTime());
      assert.deepEqual(reading.picture, (await frontPage.storyPictures([id])).get(id));
      assert.equal(reading.picture?.caption, 'The board.');
      assert.equal(reading.picture?.credit, 'AFP');
      assert.deepEqual(reading.picture?.asset.widths, [320, 640, 800]);

      const plain = await store.articleForReaders(bare);
      assert.deepEqual(plain?.article, await store.getArticle(bare));
      assert.deepEqual(
        plain?.comments.map((comment) => comment.body),
        ['Another story'],
      );
      assert.equal(plain?.picture, null);
      assert.equal(await store.articleForReaders(id + bare + 100), null);
      await sql`update articles set status = 'killed' where id = ${bare}`.execute(opened.db);
      assert.equal(await store.articleForReaders(bare), null, 'only published stories are read for readers');
    });

    test('article pages read together each get their own story, as read alone (one query on PostgreSQL)', async (t) => {
      const { opened, library } = await fresh(t);
      const { store, frontPage } = opened;
      const ids: number[] = [];
      for (let n = 0; n < 12; n++)
        ids.push(await store.insertArticle(draft({ headline: `Story ${n}`, tags: [`t${n}`] })));
      const [pictured, commented, killed] = ids as [number, number, number];
      const picture = await addPicture(library, 'Traders at the exchange', 'AFP');
      const featured = { mediaId: picture.id, caption: 'The board.', credit: null, focus: 'top' } as const;
      assert.deepEqual(await frontPage.setFeaturedImage(pictured, featured), { ok: true });
      await store.addComment(submission(commented, 'Approved'), 'approved');
      await store.addComment(submission(commented, 'Waiting'), 'pending');
      await sql`update articles set status = 'killed' where id = ${killed}`.execute(opened.db);
      const missing = Math.max(...ids) + 1_000;

      // Ids no story can have (beyond PostgreSQL's integer, negative, fractional) are null, and fail no other read.
      const impossible = [2 ** 40, -1, 1.5];
      const asked = [...ids, missing, pictured, ...impossible, ...[...ids].reverse()];
      const alone: unknown[] = [];
      for (const id of asked) alone.push(await store.articleForReaders(id));
      const together = await Promise.all(asked.map((id) => store.articleForReaders(id)));
      assert.deepEqual(together, alone);
      assert.equal(together[ids.indexOf(killed)], null, 'a killed story is read for no one');
      assert.equal(together[ids.length], null, 'a missing id is null, not an error');
      assert.equal(together[ids.indexOf(pictured)]?.picture?.caption, 'The board.');
      assert.deepEqual(
        together[ids.indexOf(commented)]?.comments.map((comment) => comment.body),
        ['Approved'],
      );
      assert.deepEqual(
        together.map((reading) => reading?.article.headline ?? null),
        asked.map((id) => (ids.includes(id) && id !== killed ? `Story ${ids.indexOf(id)}` : null)),
      );
    });

    test('a missing story or picture is refused and nothing changes', async (t) => {
      const { opened, library } = await fresh(t);
      const id = await opened.store.insertArticle(draft());
      const picture = await addPicture(library, 'A chart');
      const featured = { mediaId: picture.id, caption: null, credit: null, focus: 'center' } as const;
      assert.deepEqual(await opened.frontPage.setFeaturedImage(id + 100, featured), {
        ok: false,
        reason: 'no-such-article',
      });
      assert.deepEqual(await opened.frontPage.setFeaturedImage(id, { ...featured, mediaId: picture.id + 100 }), {
        ok: false,
        reason: 'no-such-picture',
      });
      assert.equal(await opened.frontPage.featuredImage(id), null);
    });

    test('the library is searched by alt text, caption, credit and id, and its words can be changed', async (t) => {
      const { library } = await fresh(t);
      const bourse = await addPicture(library, 'Trading floor of the bourse', 'Reuters');
      const port = await addPicture(library, 'Containers at Karachi port', 'Staff');
      assert.deepEqual(
        (await library.list({ limit: 10, search: 'KARACHI' })).items.map((asset) => asset.id),
        [port.id],
      );
      assert.deepEqual(
        (await library.list({ limit: 10, search: 'reuters' })).items.map((asset) => asset.id),
        [bourse.id],
      );
      assert.equal((await library.list({ limit: 10, search: String(bourse.id) })).items[0]?.id, bourse.id);
      assert.equal((await library.list({ limit: 10, search: '%' })).total, 0, 'a wildcard is a character');
      assert.equal((await library.list({ limit: 10, search: '  ' })).total, 2, 'blank search lists everything');
      const changed = await library.describe(port.id, { alt: 'Cranes over the port', caption: 'Dawn', credit: null });
      assert.equal(changed?.alt, 'Cranes over the port');
      assert.equal((await library.get(port.id))?.caption, 'Dawn');
      assert.equal(await library.describe(port.id + 100, { alt: 'x', caption: null, credit: null }), null);
    });

    test('deleting a picture is refused while a published story shows it, allowed once none does', async (t) => {
      const { opened, library } = await fresh(t);
      const published = await opened.store.insertArticle(draft({ headline: 'Published with a picture' }));
      const inBody = await addPicture(library, 'In a body');
      const featured = await addPicture(library, 'Featured');
      const unused = await addPicture(library, 'Unused');
      const bodyStory = await opened.store.insertArticle(
        draft({ headline: 'Body picture', body: [{ type: 'image', mediaId: inBody.id, alt: 'In a body' }] }),
      );
      await opened.frontPage.setFeaturedImage(published, {
        mediaId: featured.id,
        caption: null,
        credit: null,
        focus: 'center',
      });
      const refused = await library.remove(featured.id);
      assert.equal(refused.kind, 'in-use');
      assert.deepEqual(refused.kind === 'in-use' ? refused.stories.map((s) => s.id) : [], [published]);
      assert.ok(await library.get(featured.id), 'still there');
      assert.ok(await library.rendition(featured.id, 320, 'webp'), 'files still there');
      const bodyRefused = await library.remove(inBody.id);
      assert.deepEqual(bodyRefused.kind === 'in-use' ? bodyRefused.stories.map((s) => s.id) : [], [bodyStory]);

      // Once the story is a draft again, the picture may go, and the draft loses its featured picture.
      await opened.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', published).execute();
      assert.deepEqual(await library.remove(featured.id), { kind: 'removed' });
      assert.equal(await library.get(featured.id), null);
      assert.equal(await library.rendition(featured.id, 320, 'webp'), null);
      assert.equal(await opened.frontPage.featuredImage(published), null);
      assert.deepEqual(await library.remove(unused.id), { kind: 'removed' });
      assert.deepEqual(await library.remove(unused.id), { kind: 'missing' });
    });

    test('reads add up across writers and days; most read lists published stories only', async (t) => {
      const { opened } = await fresh(t);
      const [a, b, c] = [
        await opened.store.insertArticle(draft({ publishedAt: at(1) })),
        await opened.store.insertArticle(draft({ publishedAt: at(2) })),
        await opened.store.insertArticle(draft({ publishedAt: at(3) })),
      ];
      // Two processes flushing at once: both counts land.
      await Promise.all([
        opened.frontPage.addReads(
          '2023-01-31',
          new Map([
            [a, 3],
            [b, 5],
          ]),
        ),
        opened.frontPage.addReads(
          '2023-01-31',
          new Map([
            [a, 4],
            [c, 1],
          ]),
        ),
      ]);
      await opened.frontPage.addReads('2023-01-30', new Map([[c, 50]]));
      await opened.frontPage.addReads('2023-01-31', new Map([[a + 1000, 9]]));
      assert.equal(await opened.frontPage.readsOf(a, '2023-01-31'), 7);
      assert.deepEqual(
        (await opened.frontPage.mostRead({ fromDay: '2023-01-31', limit: 5 })).map((s) => s.id),
        [a, b, c],
      );
      assert.deepEqual(
        (await opened.frontPage.mostRead({ fromDay: '2023-01-30', limit: 2 })).map((s) => s.id),
        [c, a],
      );
      await opened.db.updateTable('articles').set({ status: 'killed' }).where('id', '=', c).execute();
      assert.deepEqual(
        (await opened.frontPage.mostRead({ fromDay: '2023-01-30', limit: 5 })).map((s) => s.id),
        [a, b],
      );
    });

    test('a flush of more stories than one statement takes adds every count, skipping stories that are gone', async (t) => {
      const { opened } = await fresh(t);
      const first = await opened.store.insertArticle(draft({ publishedAt: at(1) }));
      const second = await opened.store.insertArticle(draft({ publishedAt: at(2) }));
      // Ids of stories that do not exist (as after a deletion) between and after the real ones, past several batches.
      const counts = new Map<number, number>();
      for (let n = 0; n < 1_300; n += 1) counts.set(second + 10 + n, 1);
      counts.set(first, 3);
      counts.set(second, 0);
      counts.set(second + 5_000, 2);
      await opened.frontPage.addReads('2023-01-31', counts);
      await opened.frontPage.addReads(
        '2023-01-31',
        new Map([
          [first, 4],
          [second, 2],
        ]),
      );
      assert.equal(await opened.frontPage.readsOf(first, '2023-01-31'), 7);
      assert.equal(await opened.frontPage.readsOf(second, '2023-01-31'), 2);
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from article_views`.execute(opened.db);
      assert.equal(Number(rows[0]?.n), 2, 'rows only for stories that exist, none for a count of 0');
    });

    test('front-page pins are replaced whole, and a pin to an unpublished story is refused', async (t) => {
      const { opened } = await fresh(t);
      const a = await opened.store.insertArticle(draft());
      const b = await opened.store.insertArticle(draft());
      assert.deepEqual(
        await opened.frontPage.replacePins(
          [
            { slot: 'lead', articleId: a },
            { slot: 'top-2', articleId: b },
          ],
          'Editor',
          at(5),
        ),
        { ok: true },
      );
      assert.deepEqual(
        (await opened.frontPage.pins()).sort((x, y) => x.slot.localeCompare(y.slot)),
        [
          { slot: 'lead', articleId: a },
          { slot: 'top-2', articleId: b },
        ],
      );
      await opened.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', b).execute();
      assert.deepEqual(await opened.frontPage.replacePins([{ slot: 'lead', articleId: b }], 'Editor', at(6)), {
        ok: false,
        unpublished: [b],
      });
      assert.equal((await opened.frontPage.pins()).length, 2, 'nothing changed');
      assert.deepEqual(await opened.frontPage.replacePins([], 'Editor', at(7)), { ok: true });
      assert.deepEqual(await opened.frontPage.pins(), []);
    });
  });
}

suite(sqliteBackend, 'SQLite');

if (await postgresReachable('featured pictures and front page on PostgreSQL')) {
  suite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
