import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticleWorkflowStore } from '../../src/store/articles/articleWorkflow.js';
import { createWireInboxStore } from '../../src/store/wire/wireInboxStore.js';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { wireItem } from './wireFixtures.js';

describe('wire inbox pages', () => {
  let site: AdminSite;
  let itemId: number;

  before(async () => {
    site = await startAdminSite();
    await site.app.store.insertSection({ slug: 'world', name: 'World', position: 1 });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await site.addUser({ email: 'moderator@example.com', role: 'moderator' });
    const { wire } = openedWire(site);
    const [outcome] = await wire.store(
      [
        wireItem({
          headline: 'Oil prices climb as supply worries return <script>alert(1)</script>',
          summary: 'Brent rose.',
          keywords: ['oil', 'Energy'],
          slugline: 'oil-prices-climb',
          images: [
            {
              href: 'https://img.wire.example/oil.jpg',
              caption: 'Tankers off Fujairah <b>',
              credit: 'AFP',
              altText: null,
              width: 1200,
              height: 800,
            },
          ],
        }),
        wireItem({
          agencyId: 'other',
          agency: 'Reuters',
          headline: 'Cotton crop forecast cut',
          subjects: [],
          keywords: [],
          body: [{ type: 'paragraph', text: 'Growers expect a smaller harvest.' }],
        }),
      ],
      new Date('2023-01-31T07:00:00Z'),
    );
    itemId = outcome?.itemId ?? 0;
  });
  after(() => site.close());

  test('a moderator may not open the inbox; a writer lists, filters and searches it', async () => {
    const moderator = site.browser();
    await moderator.login('moderator@example.com');
    assert.equal((await moderator.get('/admin/wire')).status, 403);

    const writer = site.browser();
    await writer.login('writer@example.com');
    const all = await (await writer.get('/admin/wire')).text();
    assert.match(all, /2 items/);
    assert.ok(!all.includes('<script>alert(1)'), 'agency text is escaped');
    const reuters = await (await writer.get('/admin/wire?agency=Reuters')).text();
    assert.match(reuters, /1 item</);
    assert.match(reuters, /Cotton crop forecast cut/);
    const found = await (await writer.get('/admin/wire?q=brent')).text();
    assert.match(found, /1 item</);
    assert.match(found, /Oil prices climb/);
    const subject = await (await writer.get('/admin/wire?subject=energy&urgency=4')).text();
    assert.match(subject, /1 item</);
    const badDate = await writer.get('/admin/wire?from=2023-02-30');
    assert.equal(badDate.status, 200);
    assert.match(await badDate.text(), /not a date/);
    assert.equal((await writer.get('/admin/wire?urgency=high')).status, 400);
  });

  test('Create draft makes a draft linked to the item and version; the editor flags a newer version, then a kill', async () => {
    const writer = site.browser();
    await writer.login('writer@example.com');
    const preview = await (await writer.get(`/admin/wire/${itemId}`)).text();
    assert.match(preview, /Create draft/);
    assert.match(preview, /Brent crude rose on Tuesday/);
    assert.match(preview, /<dd>oil-prices-climb<\/dd>/);
    assert.match(preview, /Tankers off Fujairah &lt;b> \(AFP\) <code>https:\/\/img\.wire\.example\/oil\.jpg<\/code>/);
    assert.ok(!/<img[^>]+img\.wire\.example/.test(preview), 'an agency picture is never loaded');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(preview)?.[1] ?? '';
    assert.equal((await writer.post(`/admin/wire/${itemId}/draft`, { sectionSlug: 'world' })).status, 403, 'CSRF');
    const made = await writer.post(`/admin/wire/${itemId}/draft`, { sectionSlug: 'world', _csrf: csrf });
    assert.equal(made.status, 303);
    const location = made.headers.get('location') ?? '';
    const articleId = Number(/\/admin\/articles\/(\d+)/.exec(location)?.[1]);
    const editor = await (await writer.get(`/admin/articles/${articleId}`)).text();
    assert.match(editor, /From AFP item urn:newsml:afp.com:20230131:item-1 version 1/);
    assert.match(editor, /data-wire-source="current"/);

    const { wire, workflow } = openedWire(site);
    const draft = await workflow.get(articleId);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.fields.summary, 'Brent rose.');
    assert.deepEqual(draft?.fields.byline, { kind: 'agency', agency: 'AFP' });
    assert.equal(draft?.fields.dateline, 'TOKYO');
    assert.deepEqual(draft?.fields.tags, ['Economy', 'oil', 'Energy']);
    assert.equal(draft?.fields.body[0]?.type, 'paragraph');

    await wire.store([wireItem({ version: 2 })], new Date('2023-01-31T08:00:00Z'));
    const newer = await (await writer.get(`/admin/articles/${articleId}`)).text();
    assert.match(newer, /data-wire-source="newer"/);
    assert.match(newer, /agency has a newer version/);

    await wire.store([wireItem({ version: 3, status: 'withdrawn' })], new Date('2023-01-31T09:00:00Z'));
    const killed = await (await writer.get(`/admin/articles/${articleId}`)).text();
    assert.match(killed, /data-wire-source="killed"/);
    const killedPreview = await (await writer.get(`/admin/wire/${itemId}`)).text();
    assert.match(killedPreview, /data-wire-killed/);
    assert.ok(!killedPreview.includes('Create draft'), 'a killed item offers no draft');
    const refused = await writer.post(`/admin/wire/${itemId}/draft`, { sectionSlug: 'world', _csrf: csrf });
    assert.equal(refused.status, 409);
    assert.equal((await writer.get('/admin/wire/99999')).status, 404);
  });
});

/** Store objects over the test's own connection to the site's database, to arrange items and read drafts. */
function openedWire(site: AdminSite) {
  return { wire: createWireInboxStore(site.db, 'sqlite'), workflow: createArticleWorkflowStore(site.db, 'sqlite') };
}
