import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addSections, api, page, story, tokenFor } from './articlesFixture.js';

const EDITOR_ONLY_POSTS = ['/admin/articles/ID/corrections', '/admin/articles/ID/revisions/1/restore'];
const WRITE_ROUTES = [
  ['GET', '/admin/articles'],
  ['GET', '/admin/articles/new'],
  ['POST', '/admin/articles'],
  ['GET', '/admin/articles/ID'],
  ['POST', '/admin/articles/ID'],
  ['POST', '/admin/articles/ID/transition'],
  ['GET', '/admin/articles/ID/revisions'],
  ['GET', '/admin/articles/ID/diff?from=1&to=1'],
  ['GET', '/admin/articles/ID/preview'],
  ...EDITOR_ONLY_POSTS.map((path) => ['POST', path]),
] as const;

async function signedIn(site: AdminSite, email: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = site.browser();
  const login = await browser.login(email);
  assert.equal(login.status, 303);
  return { browser, csrf: await browser.csrfToken('/admin') };
}

function form(fields: Record<string, string | number>, blocks: readonly { type: string; text: string }[] = []) {
  const body: Record<string, string> = { blockCount: String(blocks.length) };
  blocks.forEach((block, index) => {
    body[`block-${index}-type`] = block.type;
    body[`block-${index}-text`] = block.text;
  });
  for (const [key, value] of Object.entries(fields)) body[key] = String(value);
  return body;
}

describe('the article pages', () => {
  let site: AdminSite;
  let articleId: number;
  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    for (const role of ['writer', 'editor', 'moderator'] as const) {
      await site.addUser({ email: `${role}@example.com`, role });
    }
    const editor = api(site, await tokenFor(site, 'editor'));
    articleId = (await editor.create(story({ headline: 'Matrix subject' }))).body.id;
    await editor.transition(articleId, 'publish');
  });
  after(() => site.close());

  test('anonymous: every article page redirects to sign-in, the API answers 401', async () => {
    const browser = site.browser();
    for (const [method, template] of WRITE_ROUTES) {
      const path = template.replace('ID', String(articleId));
      const response = await browser.request(method, path, method === 'POST' ? 'x=1' : undefined, {
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      });
      assert.equal(response.status, 303, `${method} ${path}`);
      assert.match(response.headers.get('location') ?? '', /^\/admin\/login/);
    }
    const apiResponse = await fetch(`${site.baseUrl}/api/v1/admin/articles`);
    assert.equal(apiResponse.status, 401);
    // Sign-in is checked before the body is: a stranger learns nothing about the form.
    const apiPost = await fetch(`${site.baseUrl}/api/v1/admin/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(apiPost.status, 401);
  });

  test('a moderator gets 403 on every article page', async () => {
    const { browser, csrf } = await signedIn(site, 'moderator@example.com');
    for (const [method, template] of WRITE_ROUTES) {
      const path = template.replace('ID', String(articleId));
      const response =
        method === 'GET' ? await browser.get(path) : await browser.post(path, { _csrf: csrf, baseRevision: '1' });
      assert.equal(response.status, 403, `${method} ${path}`);
    }
  });

  test('a writer may not correct, restore, publish or kill; nothing changes', async () => {
    const { browser, csrf } = await signedIn(site, 'writer@example.com');
    for (const template of EDITOR_ONLY_POSTS) {
      const path = template.replace('ID', String(articleId));
      const response = await browser.post(path, { _csrf: csrf, kind: 'correction', text: 'x', baseRevision: '1' });
      assert.equal(response.status, 403, path);
    }
    for (const action of ['unpublish', 'kill']) {
      const response = await browser.post(`/admin/articles/${articleId}/transition`, {
        _csrf: csrf,
        action,
        confirm: 'KILL',
      });
      assert.equal(response.status, 403, action);
    }
    const editor = api(site, await tokenFor(site, 'editor'));
    const stored = (await editor.get(articleId)).body;
    assert.equal(stored.status, 'published');
    assert.deepEqual(stored.corrections, []);
    // A form post without the CSRF token is refused before anything runs.
    assert.equal((await browser.post(`/admin/articles/${articleId}/transition`, { action: 'submit' })).status, 403);
  });

  test('an editor writes through the form: block buttons work without script, errors give 422, then save, preview, publish', async () => {
    const { browser, csrf } = await signedIn(site, 'editor@example.com');
    const editorPage = await browser.get('/admin/articles/new');
    assert.equal(editorPage.status, 200);
    const fields = {
      _csrf: csrf,
      headline: 'Textile exports climb',
      summary: 'Shipments rose for a third month.',
      sectionSlug: 'pakistan',
      byline: 'APP',
      dateline: 'Islamabad',
      tags: 'Textiles, Exports',
      printPage: '',
      seoTitle: '',
      seoDescription: '',
      baseRevision: '0',
    };
    const blocks = [
      { type: 'paragraph', text: 'Second paragraph.' },
      { type: 'paragraph', text: 'First paragraph.' },
    ];
    const moved = await browser.post('/admin/articles', form({ ...fields, op: 'up-1' }, blocks));
    assert.equal(moved.status, 200);
    const movedHtml = await moved.text();
    assert.ok(movedHtml.indexOf('First paragraph.') < movedHtml.indexOf('Second paragraph.'), 'block moved up');
    const added = await (await browser.post('/admin/articles', form({ ...fields, op: 'add' }, blocks))).text();
    assert.match(added, /name="blockCount" value="3"/);

    const listBefore = (await (await browser.get('/admin/articles')).text()).match(/<tr>/g)?.length ?? 0;
    const invalid = await browser.post(
      '/admin/articles',
      form({ ...fields, headline: '', printPage: 'front', op: 'save' }, blocks),
    );
    assert.equal(invalid.status, 422);
    const invalidHtml = await invalid.text();
    assert.match(invalidHtml, /Nothing was saved/);
    assert.match(invalidHtml, /Print page<\/a>: A page number/);
    assert.match(invalidHtml, /Second paragraph\./, 'what was typed is kept');
    assert.equal((await (await browser.get('/admin/articles')).text()).match(/<tr>/g)?.length ?? 0, listBefore);

    const saved = await browser.post('/admin/articles', form({ ...fields, op: 'save' }, blocks));
    assert.equal(saved.status, 303);
    const location = saved.headers.get('location') ?? '';
    const id = Number(/\/admin\/articles\/(\d+)/.exec(location)?.[1]);
    assert.ok(id > 0);
    const edit = await (await browser.get(location)).text();
    assert.match(edit, /Draft saved\./);
    assert.match(edit, /Status: draft/);

    const preview = await browser.get(`/admin/articles/${id}/preview`);
    assert.equal(preview.status, 200);
    const previewHtml = await preview.text();
    assert.match(previewHtml, /class="preview-banner"/);
    assert.match(previewHtml, /<h1 id="headline">Textile exports climb<\/h1>/);
    assert.match(previewHtml, /ISLAMABAD:/);
    assert.equal((await page(site, `/news/${id}/textile-exports-climb`)).status, 404, 'not on the site yet');

    const search = await (await browser.get('/admin/articles?q=TEXTILE&status=draft')).text();
    assert.match(search, /Textile exports climb/);
    assert.doesNotMatch(search, /Matrix subject/);

    const notKilled = await browser.post(`/admin/articles/${id}/transition`, {
      _csrf: csrf,
      action: 'kill',
      confirm: 'no',
    });
    assert.equal(notKilled.status, 422);

    const published = await browser.post(`/admin/articles/${id}/transition`, { _csrf: csrf, action: 'publish' });
    assert.equal(published.status, 303);
    assert.equal((await page(site, `/news/${id}/textile-exports-climb`)).status, 200);

    // Two editors open revision 1; the second save is refused with a link to the diff.
    const first = await browser.post(
      `/admin/articles/${id}`,
      form({ ...fields, headline: 'Textile exports climb again', baseRevision: '1', op: 'save' }, blocks),
    );
    assert.equal(first.status, 303);
    const second = await browser.post(
      `/admin/articles/${id}`,
      form({ ...fields, headline: 'Textile exports slow', baseRevision: '1', op: 'save' }, blocks),
    );
    assert.equal(second.status, 409);
    const conflictHtml = await second.text();
    assert.match(conflictHtml, new RegExp(`href="/admin/articles/${id}/diff\\?from=1&amp;to=2"`));
    assert.match(conflictHtml, /Textile exports slow/, 'the losing text stays in the form');
    const diff = await (await browser.get(`/admin/articles/${id}/diff?from=1&to=2`)).text();
    assert.match(diff, /<ins><span class="diff-mark">\[\+<\/span> ?again<span class="diff-mark">\+\]<\/span><\/ins>/);

    const corrected = await browser.post(`/admin/articles/${id}/corrections`, {
      _csrf: csrf,
      kind: 'update',
      text: 'Adds the ministry figures.',
    });
    assert.equal(corrected.status, 303);
    // The headline changed after publication; the story's address did not (issue 16, item 8).
    assert.match((await page(site, `/news/${id}/textile-exports-climb`)).html, /Update, <time/);
  });
});
