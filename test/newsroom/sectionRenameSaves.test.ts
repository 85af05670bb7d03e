import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, apiCall, type Browser, startAdminSite } from './adminSite.js';
import { api, story, tokenFor } from './articlesFixture.js';

/** The story form's fields as the editor page sends them on "Save". */
function storyForm(csrf: string, baseRevision: number, sectionSlug: string): Record<string, string> {
  return {
    _csrf: csrf,
    headline: 'Cement despatches rise',
    summary: 'Northern mills led the month.',
    sectionSlug,
    byline: 'APP',
    dateline: 'Lahore',
    tags: 'Cement',
    printPage: '',
    seoTitle: '',
    seoDescription: '',
    baseRevision: String(baseRevision),
    blockCount: '1',
    'block-0-type': 'paragraph',
    'block-0-text': 'Despatches rose by a tenth.',
    op: 'save',
  };
}

// A form opened, or a revision saved, before its section was renamed still names the old slug.
describe('a story naming a renamed section’s old slug', () => {
  let site: AdminSite;
  let editor: Browser;
  let csrf: string;
  let token: string;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    editor = site.browser();
    await editor.login('editor@example.com');
    csrf = await editor.csrfToken('/admin');
    token = await tokenFor(site, 'editor');
  });
  after(() => site.close());

  test('saves under the section as it is now, from the form, the JSON API and a restored revision', async () => {
    const sections = (method: string, path: string, body?: unknown) =>
      apiCall(site, method, `/api/v1/admin/sections${path}`, token, body);
    assert.equal((await sections('POST', '', { name: 'Economy' })).status, 201);
    const articles = api(site, token);
    const created = await articles.create(story({ sectionSlug: 'economy' }));
    assert.equal(created.status, 201);
    const id: number = created.body.id;

    const renamed = await sections('PATCH', '/economy', { name: 'Business', slug: 'business' });
    assert.equal(renamed.status, 200);

    // The editor's form was opened before the rename: it still posts "economy".
    const fromForm = await editor.post(`/admin/articles/${id}`, storyForm(csrf, 1, 'economy'));
    assert.equal(fromForm.status, 303, await fromForm.text());
    let stored = (await articles.get(id)).body;
    assert.equal(stored.sectionSlug, 'business');
    assert.equal(stored.revision, 2);

    const fromApi = await articles.update(id, { ...story({ sectionSlug: 'economy' }), baseRevision: 2 });
    assert.equal(fromApi.status, 200, JSON.stringify(fromApi.body));
    assert.equal(fromApi.body.sectionSlug, 'business');

    // Revision 1 was saved under "economy".
    const restored = await articles.restore(id, 1, 3);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.equal(restored.body.sectionSlug, 'business');
    const restoredByPage = await editor.post(`/admin/articles/${id}/revisions/1/restore`, {
      _csrf: csrf,
      baseRevision: '4',
    });
    assert.equal(restoredByPage.status, 303);
    stored = (await articles.get(id)).body;
    assert.equal(stored.sectionSlug, 'business');
    assert.equal(stored.revision, 5);

    const listed = (await sections('GET', '')).body.items;
    assert.deepEqual(
      listed.map((s: { slug: string; articleCount: number }) => [s.slug, s.articleCount]),
      [['business', 1]],
    );
  });

  test('a slug that never was a section is still refused, and nothing is saved', async () => {
    const articles = api(site, token);
    const refused = await articles.create(story({ sectionSlug: 'sport' }));
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.body.details, [{ field: 'sectionSlug', message: 'There is no section "sport".' }]);
    const page = await editor.post('/admin/articles', { ...storyForm(csrf, 0, 'sport') });
    assert.equal(page.status, 422);
    assert.match(await page.text(), /There is no section &quot;sport&quot;|There is no section "sport"/);
  });
});
