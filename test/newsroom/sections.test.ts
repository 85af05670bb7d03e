import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, apiCall, type Browser, startAdminSite } from './adminSite.js';
import { api, page, story, tokenFor } from './articlesFixture.js';

// The admin site starts with --no-demo: no sections at all, as a real paper's first day.
describe('section administration on a site without demo content', () => {
  let site: AdminSite;
  let editor: Browser;
  let token: string;
  let editorToken: string;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    editor = site.browser();
    await editor.login('editor@example.com');
    token = await editor.csrfToken('/admin/sections');
    editorToken = await tokenFor(site, 'editor');
  });
  after(() => site.close());

  test('with no section the story editor says so and links to /admin/sections instead of a form', async () => {
    const html = await (await editor.get('/admin/articles/new')).text();
    assert.match(html, /There are no sections yet/);
    assert.match(html, /<a href="\/admin\/sections">Create a section<\/a>/);
    assert.doesNotMatch(html, /name="headline"/);
    const nav = await (await editor.get('/admin')).text();
    assert.match(nav, /href="\/admin\/sections"/);
  });

  test('create on the page, then write, publish and read a story in it', async () => {
    const created = await editor.post('/admin/sections', { _csrf: token, name: 'Markets', slug: '', position: '' });
    assert.equal(created.status, 303);
    assert.equal(created.headers.get('location'), '/admin/sections?notice=created');
    const list = await (await editor.get('/admin/sections?notice=created')).text();
    assert.match(list, /Section created/);
    assert.match(list, /Markets/);
    assert.match(await (await editor.get('/admin/articles/new')).text(), /name="headline"/);

    const articles = api(site, editorToken);
    const made = await articles.create(story({ headline: 'Index closes higher', sectionSlug: 'markets' }));
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const published = await articles.transition(made.body.id, 'publish');
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const home = await page(site, '/');
    assert.match(home.html, /Index closes higher/);
    // "markets" is one of the site's own paths, so its section list lives at /sections/markets.
    const section = await page(site, '/sections/markets');
    assert.equal(section.status, 200);
    assert.match(section.html, /Index closes higher/);
    const listed = await (await editor.get('/admin/sections')).text();
    assert.match(listed, /<td>1<\/td>/, 'the story is counted');
  });

  test('bad input is a 4xx with a clear message and changes nothing; CSRF and roles are checked', async () => {
    const before = (await apiCall(site, 'GET', '/api/v1/admin/sections', editorToken)).body.items;
    const blank = await editor.post('/admin/sections', { _csrf: token, name: '   ' });
    assert.equal(blank.status, 422);
    assert.match(await blank.text(), /A section needs a name/);
    const taken = await editor.post('/admin/sections', { _csrf: token, name: 'Markets again', slug: 'markets' });
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /already has the slug/);
    const badPosition = await editor.post('/admin/sections', { _csrf: token, name: 'Sport', position: 'first' });
    assert.equal(badPosition.status, 422);
    const full = await editor.post('/admin/sections/markets/delete', { _csrf: token });
    assert.equal(full.status, 409);
    assert.match(await full.text(), /still has 1 story/);
    const missing = await editor.post('/admin/sections/nowhere/delete', { _csrf: token });
    assert.equal(missing.status, 404);
    const forged = await editor.post('/admin/sections', { _csrf: 'forged', name: 'Sport' });
    assert.equal(forged.status, 403);
    const writer = site.browser();
    await writer.login('writer@example.com');
    assert.equal((await writer.get('/admin/sections')).status, 403);
    const writerToken = await tokenFor(site, 'writer');
    assert.equal((await apiCall(site, 'GET', '/api/v1/admin/sections', writerToken)).status, 403);
    assert.equal((await apiCall(site, 'GET', '/api/v1/admin/sections')).status, 401);
    assert.deepEqual((await apiCall(site, 'GET', '/api/v1/admin/sections', editorToken)).body.items, before);
  });

  test('rename keeps the address; a new slug moves it and the old one answers 301; the navigation follows at once', async () => {
    // Cache the home page and the section page first: the change must drop them.
    assert.match((await page(site, '/')).html, />Markets</);
    const world = await editor.post('/admin/sections', { _csrf: token, name: 'World', position: '1' });
    assert.equal(world.status, 303);
    assert.equal((await page(site, '/world')).status, 200);
    const nav = (await page(site, '/')).html;
    assert.ok(nav.indexOf('>World<') < nav.indexOf('>Markets<'), 'World is first in the navigation');

    const renamed = await editor.post('/admin/sections/world/rename', {
      _csrf: token,
      name: 'World News',
      slug: 'world',
    });
    assert.equal(renamed.status, 303);
    assert.match((await page(site, '/world')).html, /World News/);
    assert.match((await page(site, '/')).html, />World News</);

    const moved = await editor.post('/admin/sections/world/rename', {
      _csrf: token,
      name: 'Global',
      slug: 'Global',
    });
    assert.equal(moved.status, 303);
    const old = await page(site, '/world?page=1');
    assert.equal(old.status, 301);
    const location = await fetch(`${site.baseUrl}/world`, { redirect: 'manual' });
    assert.equal(location.headers.get('location'), '/global');
    assert.equal((await page(site, '/global')).status, 200);
    assert.match((await page(site, '/')).html, />Global</);
    // A reader subscribed to the section's feed follows it too, in every format (as a renamed tag's feed does).
    for (const format of ['xml', 'atom', 'json']) {
      const feed = await fetch(`${site.baseUrl}/feeds/sections/world.${format}`, { redirect: 'manual' });
      assert.equal(feed.status, 301, `the old section's ${format} feed`);
      assert.equal(feed.headers.get('location'), `/feeds/sections/global.${format}`);
      assert.equal((await fetch(`${site.baseUrl}/feeds/sections/global.${format}`)).status, 200);
    }

    const down = await editor.post('/admin/sections/global/move', { _csrf: token, position: '2' });
    assert.equal(down.status, 303);
    const after = (await page(site, '/')).html;
    assert.ok(after.indexOf('>Markets<') < after.indexOf('>Global<'), 'Global moved below Markets');

    const entries = await listAudit(site.db, { limit: 20 });
    const actions = entries.map((entry) => entry.action);
    for (const action of ['section.create', 'section.rename', 'section.move'])
      assert.ok(actions.includes(action), action);
  });

  test('the JSON API lists, creates, renames and moves, and deletes an empty section', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      apiCall(site, method, `/api/v1/admin/sections${path}`, editorToken, body);
    const created = await call('POST', '', { name: 'Opinion', position: 1 });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.section, { slug: 'opinion', name: 'Opinion', position: 1 });
    const patched = await call('PATCH', '/opinion', { name: 'Views', slug: 'views', position: 3 });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.after, { slug: 'views', name: 'Views', position: 3 });
    const listed = await call('GET', '');
    assert.deepEqual(
      listed.body.items.map((s: { slug: string; articleCount: number }) => [s.slug, s.articleCount]),
      [
        ['markets', 1],
        ['global', 0],
        ['views', 0],
      ],
    );
    assert.equal((await call('PATCH', '/views', {})).status, 400);
    assert.equal((await call('PATCH', '/views', { slug: 'markets' })).status, 422);
    assert.equal((await call('POST', '', { name: 'x', position: 0 })).status, 400);
    const refused = await call('DELETE', '/markets');
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /still has 1 story/);
    assert.equal((await call('DELETE', '/views')).status, 204);
    assert.equal((await call('DELETE', '/views')).status, 404);
    assert.equal((await page(site, '/views')).status, 404);
  });
});
