import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, apiCall, startAdminSite } from './adminSite.js';
import { tokenFor } from './articlesFixture.js';
import { addStory } from './moderationFixture.js';

const DATE = '2023-01-31';
const PATH = `/api/v1/admin/print/${DATE}`;

describe('print desk JSON API', () => {
  let site: AdminSite;
  let editorToken: string;
  let writerToken: string;
  let cement: number;
  let textile: number;
  let oil: number;
  let draft: number;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    const at = (hour: number) => new Date(Date.UTC(2023, 0, 31, hour));
    cement = await addStory(site.app.store, { headline: 'Cement sales climb', printPage: 1, publishedAt: at(3) });
    textile = await addStory(site.app.store, { headline: 'Textile exports dip', printPage: 2, publishedAt: at(4) });
    oil = await addStory(site.app.store, { headline: 'Oil imports steady', printPage: null, publishedAt: at(5) });
    draft = await addStory(site.app.store, { headline: 'Unfinished draft', printPage: null, publishedAt: at(6) });
    await sql`update articles set status = 'draft' where id = ${draft}`.execute(site.db);
    editorToken = await tokenFor(site, 'editor');
    writerToken = await tokenFor(site, 'writer');
  });
  after(() => site.close());

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    apiCall(site, method, path, token, body);
  const readerOrder = async () => {
    const html = await (await fetch(`${site.baseUrl}/print/${DATE}`)).text();
    const headlines = ['Cement sales climb', 'Textile exports dip', 'Oil imports steady', 'Unfinished draft'];
    return headlines.filter((h) => html.includes(h)).sort((a, b) => html.indexOf(a) - html.indexOf(b));
  };
  const printAudits = async () =>
    (await listAudit(site.db, { limit: 100 })).filter((entry) => entry.action === 'print.edit').length;

  test('role matrix: anonymous 401, writer 403 (token and session), editor session and token 200', async () => {
    assert.equal((await call('GET', PATH)).status, 401);
    assert.equal((await call('PUT', PATH, undefined, { pages: [] })).status, 401);
    assert.equal((await call('GET', PATH, writerToken)).status, 403);
    assert.equal((await call('DELETE', PATH, writerToken)).status, 403);
    const writer = site.browser();
    await writer.login('writer@example.com');
    assert.equal((await writer.get(PATH)).status, 403);
    const editor = site.browser();
    await editor.login('editor@example.com');
    assert.equal((await editor.get(PATH)).status, 200);
    assert.equal((await call('GET', PATH, editorToken)).status, 200);
  });

  test('without a layout GET answers the fallback from the stories’ print pages', async () => {
    const { status, body } = await call('GET', PATH, editorToken);
    assert.equal(status, 200);
    assert.equal(body.source, 'printPages');
    assert.deepEqual(
      body.pages.map((page: { page: number; articleIds: number[] }) => [page.page, page.articleIds]),
      [
        [1, [cement]],
        [2, [textile]],
      ],
    );
    assert.equal(body.pages[0].articles[0].headline, 'Cement sales climb');
  });

  test('PUT replaces the layout; the reader page follows it and the change is audited', async () => {
    const before = await printAudits();
    const { status, body } = await call('PUT', PATH, editorToken, {
      pages: [
        { page: 3, label: '  Business   & Finance ', articleIds: [cement] },
        { page: 1, articleIds: [oil, textile] },
      ],
    });
    assert.equal(status, 200);
    assert.equal(body.source, 'layout');
    assert.deepEqual(
      body.pages.map((page: { page: number; label: string; articleIds: number[] }) => [
        page.page,
        page.label,
        page.articleIds,
      ]),
      [
        [1, '', [oil, textile]],
        [3, 'Business & Finance', [cement]],
      ],
    );
    assert.deepEqual(body.pages[0].articles[0], { id: oil, headline: 'Oil imports steady' });
    assert.deepEqual(await readerOrder(), ['Oil imports steady', 'Textile exports dip', 'Cement sales climb']);
    const html = await (await fetch(`${site.baseUrl}/print/${DATE}`)).text();
    assert.match(html, /Page 3: Business &amp; Finance/);
    assert.equal(await printAudits(), before + 1);
    assert.deepEqual((await call('GET', PATH, editorToken)).body, body);
  });

  test('a session needs the CSRF header to write', async () => {
    const editor = site.browser();
    await editor.login('editor@example.com');
    const put = (headers: Record<string, string>) =>
      editor.request('PUT', PATH, JSON.stringify({ pages: [{ page: 1, articleIds: [cement] }] }), {
        'content-type': 'application/json',
        ...headers,
      });
    assert.equal((await put({})).status, 403);
    const token = await editor.csrfToken(`/admin/print/${DATE}`);
    const response = await put({ 'x-csrf-token': token });
    assert.equal(response.status, 200);
    assert.deepEqual(await readerOrder(), ['Cement sales climb']);
    // Back to the layout the later tests expect.
    await call('PUT', PATH, editorToken, {
      pages: [
        { page: 1, articleIds: [oil, textile] },
        { page: 3, label: 'Business & Finance', articleIds: [cement] },
      ],
    });
  });

  test('refusals: 400 for a bad date or page number, 422 for duplicates and unpublished or unknown stories; nothing changes', async () => {
    const layout = (await call('GET', PATH, editorToken)).body;
    const audits = await printAudits();
    assert.equal((await call('GET', '/api/v1/admin/print/2023-02-30', editorToken)).status, 400);
    assert.equal((await call('PUT', '/api/v1/admin/print/yesterday', editorToken, { pages: [] })).status, 400);
    const tooFar = await call('PUT', PATH, editorToken, { pages: [{ page: 100, articleIds: [oil] }] });
    assert.equal(tooFar.status, 400);
    assert.equal((await call('PUT', PATH, editorToken, { pages: [{ page: 0, articleIds: [oil] }] })).status, 400);
    assert.equal((await call('PUT', PATH, editorToken, { pages: [{ page: 1 }] })).status, 400);

    const twice = await call('PUT', PATH, editorToken, {
      pages: [
        { page: 1, articleIds: [oil] },
        { page: 2, articleIds: [oil] },
      ],
    });
    assert.equal(twice.status, 422);
    assert.match(JSON.stringify(twice.body.details), new RegExp(`story ${oil} is placed twice`));
    const samePage = await call('PUT', PATH, editorToken, {
      pages: [
        { page: 1, articleIds: [oil] },
        { page: 1, articleIds: [cement] },
      ],
    });
    assert.equal(samePage.status, 422);
    const unpublished = await call('PUT', PATH, editorToken, { pages: [{ page: 1, articleIds: [draft] }] });
    assert.equal(unpublished.status, 422);
    assert.match(JSON.stringify(unpublished.body.details), /not published/);
    const unknown = await call('PUT', PATH, editorToken, { pages: [{ page: 1, articleIds: [9999] }] });
    assert.equal(unknown.status, 422);
    assert.match(JSON.stringify(unknown.body.details), /no story 9999/);

    assert.deepEqual((await call('GET', PATH, editorToken)).body, layout);
    assert.equal(await printAudits(), audits);
    assert.deepEqual(await readerOrder(), ['Oil imports steady', 'Textile exports dip', 'Cement sales climb']);
  });

  test('DELETE discards the layout (the reader page falls back); a second DELETE is 404', async () => {
    const audits = await printAudits();
    const gone = await call('DELETE', PATH, editorToken);
    assert.equal(gone.status, 204);
    assert.equal(await printAudits(), audits + 1);
    assert.deepEqual(await readerOrder(), ['Cement sales climb', 'Textile exports dip']);
    assert.equal((await call('GET', PATH, editorToken)).body.source, 'printPages');
    assert.equal((await call('DELETE', PATH, editorToken)).status, 404);
    assert.equal(await printAudits(), audits + 1);
  });
});
