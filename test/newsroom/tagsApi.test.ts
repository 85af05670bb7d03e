import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, apiCall, startAdminSite } from './adminSite.js';
import { tokenFor } from './articlesFixture.js';
import { addStory } from './moderationFixture.js';

const TAGS = '/api/v1/admin/tags';

describe('tags JSON API', () => {
  let site: AdminSite;
  let editorToken: string;
  let writerToken: string;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await addStory(site.app.store, { headline: 'War talk one', tags: ['RUssia Ukraine war', 'Oil'] });
    await addStory(site.app.store, { headline: 'War talk two', tags: ['Ukraine conflict', 'Oil'] });
    await addStory(site.app.store, { headline: 'War talk three', tags: ['Ukraine conflict'] });
    editorToken = await tokenFor(site, 'editor');
    writerToken = await tokenFor(site, 'writer');
  });
  after(() => site.close());

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    apiCall(site, method, path, token, body);
  const counts = async () =>
    Object.fromEntries(
      (await call('GET', TAGS, editorToken)).body.items.map((tag: { slug: string; articleCount: number }) => [
        tag.slug,
        tag.articleCount,
      ]),
    );
  const tagAudits = async () =>
    (await listAudit(site.db, { limit: 100 })).filter((entry) => entry.action.startsWith('tag.')).length;
  const reader = (path: string) => fetch(`${site.baseUrl}${path}`, { redirect: 'manual' });

  test('role matrix: anonymous 401, writer 403 (token and session), editor session and token 200', async () => {
    assert.equal((await call('GET', TAGS)).status, 401);
    assert.equal((await call('PATCH', `${TAGS}/oil`, undefined, { name: 'Crude' })).status, 401);
    assert.equal((await call('GET', TAGS, writerToken)).status, 403);
    assert.equal((await call('POST', `${TAGS}/oil/merge`, writerToken, { into: 'ukraine-conflict' })).status, 403);
    const writer = site.browser();
    await writer.login('writer@example.com');
    assert.equal((await writer.get(TAGS)).status, 403);
    const editor = site.browser();
    await editor.login('editor@example.com');
    assert.equal((await editor.get(TAGS)).status, 200);
    assert.equal((await call('GET', TAGS, editorToken)).status, 200);
    assert.deepEqual(await counts(), { oil: 2, 'russia-ukraine-war': 1, 'ukraine-conflict': 2 });
  });

  test('GET searches canonically and pages', async () => {
    const { body } = await call('GET', `${TAGS}?q=${encodeURIComponent(' russia  UKRAINE')}`, editorToken);
    assert.deepEqual(body.items, [{ slug: 'russia-ukraine-war', name: 'RUssia Ukraine war', articleCount: 1 }]);
    assert.equal(body.total, 1);
    assert.equal(body.pageCount, 1);
    const beyond = await call('GET', `${TAGS}?page=2`, editorToken);
    assert.deepEqual(beyond.body.items, []);
    assert.equal(beyond.body.total, 3);
  });

  test('PATCH renames; the old slug answers 301 to the new one; audited', async () => {
    const audits = await tagAudits();
    const nameOnly = await call('PATCH', `${TAGS}/russia-ukraine-war`, editorToken, { name: 'Russia-Ukraine War' });
    assert.equal(nameOnly.status, 200);
    assert.deepEqual(nameOnly.body.after, { slug: 'russia-ukraine-war', name: 'Russia-Ukraine War' });
    const moved = await call('PATCH', `${TAGS}/russia-ukraine-war`, editorToken, {
      name: 'War in Ukraine',
      slug: 'war-in-ukraine',
    });
    assert.equal(moved.status, 200);
    assert.deepEqual(moved.body, {
      before: { slug: 'russia-ukraine-war', name: 'Russia-Ukraine War' },
      after: { slug: 'war-in-ukraine', name: 'War in Ukraine' },
    });
    const old = await reader('/tags/russia-ukraine-war');
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/tags/war-in-ukraine');
    const page = await reader('/tags/war-in-ukraine');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /War in Ukraine/);
    assert.equal(await tagAudits(), audits + 2);
  });

  test('PATCH with only a slug keeps the name', async () => {
    const response = await call('PATCH', `${TAGS}/oil`, editorToken, { slug: 'crude-oil' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.after, { slug: 'crude-oil', name: 'Oil' });
    assert.equal((await reader('/tags/oil')).headers.get('location'), '/tags/crude-oil');
  });

  test('POST merge moves the stories; the old address redirects to the tag kept', async () => {
    const audits = await tagAudits();
    // Typed loosely, as on the page.
    const response = await call('POST', `${TAGS}/ukraine-conflict/merge`, editorToken, { into: 'War IN ukraine' });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, {
      from: { slug: 'ukraine-conflict', name: 'Ukraine conflict' },
      into: { slug: 'war-in-ukraine', name: 'War in Ukraine' },
      moved: 2,
    });
    assert.deepEqual(await counts(), { 'crude-oil': 2, 'war-in-ukraine': 3 });
    const old = await reader('/tags/ukraine-conflict');
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/tags/war-in-ukraine');
    assert.equal(await tagAudits(), audits + 1);
  });

  test('refusals: 400 bad input, 404 unknown tag, 422 taken slug or unknown target; nothing changes', async () => {
    const before = await counts();
    const audits = await tagAudits();
    assert.equal((await call('PATCH', `${TAGS}/crude-oil`, editorToken, {})).status, 400);
    assert.equal((await call('PATCH', `${TAGS}/Crude_Oil`, editorToken, { name: 'x' })).status, 400);
    assert.equal((await call('POST', `${TAGS}/crude-oil/merge`, editorToken, {})).status, 400);
    assert.equal((await call('PATCH', `${TAGS}/no-such-tag`, editorToken, { name: 'Anything' })).status, 404);
    assert.equal((await call('PATCH', `${TAGS}/no-such-tag`, editorToken, { slug: 'anything' })).status, 404);
    assert.equal((await call('POST', `${TAGS}/no-such-tag/merge`, editorToken, { into: 'crude-oil' })).status, 404);
    const taken = await call('PATCH', `${TAGS}/crude-oil`, editorToken, { slug: 'war-in-ukraine' });
    assert.equal(taken.status, 422);
    assert.match(taken.body.message, /merge/);
    const invalid = await call('PATCH', `${TAGS}/crude-oil`, editorToken, { name: '!!!' });
    assert.equal(invalid.status, 422);
    const nowhere = await call('POST', `${TAGS}/crude-oil/merge`, editorToken, { into: 'nothing-like-it' });
    assert.equal(nowhere.status, 422);
    const self = await call('POST', `${TAGS}/crude-oil/merge`, editorToken, { into: 'crude-oil' });
    assert.equal(self.status, 422);
    assert.deepEqual(await counts(), before);
    assert.equal(await tagAudits(), audits);
    assert.equal((await reader('/tags/crude-oil')).status, 200);
  });
});
