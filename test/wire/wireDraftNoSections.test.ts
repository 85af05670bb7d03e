import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWireInboxStore } from '../../src/store/wire/wireInboxStore.js';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { wireItem } from './wireFixtures.js';

// A site started with --no-demo has no sections until an editor makes one; every story needs one.
describe('"Create draft" on a site without sections', () => {
  let site: AdminSite;
  let itemId: number;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    const [outcome] = await createWireInboxStore(site.db, 'sqlite').store(
      [wireItem({ headline: 'Cotton crop forecast cut' })],
      new Date('2023-01-31T07:00:00Z'),
    );
    itemId = outcome?.itemId ?? 0;
  });
  after(() => site.close());

  async function signedIn(email: string) {
    const browser = site.browser();
    await browser.login(email);
    return { browser, csrf: await browser.csrfToken('/admin') };
  }

  test('the item page says so and links to the sections page, as the story editor does, with no form', async () => {
    const { browser: editor } = await signedIn('editor@example.com');
    const page = await editor.get(`/admin/wire/${itemId}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /There are no sections yet, and every story belongs to one\./);
    assert.match(html, /<a href="\/admin\/sections">Create a section<\/a> first, then come back to make a draft/);
    assert.doesNotMatch(html, /Create draft<\/button>/);
    const editorPage = await (await editor.get('/admin/articles/new')).text();
    assert.match(editorPage, /There are no sections yet, and every story belongs to one\./);

    const { browser: writer } = await signedIn('writer@example.com');
    const writers = await (await writer.get(`/admin/wire/${itemId}`)).text();
    assert.match(writers, /An editor can create one on the <a href="\/admin\/sections">Sections<\/a> page\./);
  });

  test('a draft asked for anyway gets the same notice, not an error page, and nothing is made', async () => {
    const { browser: writer, csrf } = await signedIn('writer@example.com');
    const made = await writer.post(`/admin/wire/${itemId}/draft`, { sectionSlug: 'world', _csrf: csrf });
    assert.equal(made.status, 409);
    const html = await made.text();
    assert.match(html, /There are no sections yet, and every story belongs to one\./);
    assert.match(html, /Cotton crop forecast cut/, 'the item is shown again');
    assert.doesNotMatch(html, /No draft made/);
    assert.equal((await site.db.selectFrom('articles').select('id').execute()).length, 0);

    const { browser: editor, csrf: editorCsrf } = await signedIn('editor@example.com');
    const section = await editor.post('/admin/sections', { _csrf: editorCsrf, name: 'World' });
    assert.equal(section.status, 303);
    const withSection = await (await writer.get(`/admin/wire/${itemId}`)).text();
    assert.match(withSection, /Create draft<\/button>/);
    const drafted = await writer.post(`/admin/wire/${itemId}/draft`, { sectionSlug: 'world', _csrf: csrf });
    assert.equal(drafted.status, 303);
  });
});
