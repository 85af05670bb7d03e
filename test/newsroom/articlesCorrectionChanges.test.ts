import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, startAdminSite } from './adminSite.js';
import { addSections, api, page, story, tokenFor } from './articlesFixture.js';

// Issue 16: a published correction can be amended or withdrawn; readers see
// the amendment marked, and a withdrawn note leaves a dated line with the reason.

describe('amending and withdrawing a correction', () => {
  let site: AdminSite;
  let editor: ReturnType<typeof api>;
  let writer: ReturnType<typeof api>;
  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    editor = api(site, await tokenFor(site, 'editor', 'Desk Script'));
    writer = api(site, await tokenFor(site, 'writer', 'Writer Script'));
  });
  after(() => site.close());

  async function correctedStory(headline: string) {
    const { body } = await editor.create(story({ headline }));
    await editor.transition(body.id, 'publish');
    const note = await editor.correct(body.id, 'correction', 'An earlier version gave the wrong month.');
    assert.equal(note.status, 201);
    return { id: body.id as number, url: `/news/${body.id}/${body.slug}`, noteId: note.body.id as number };
  }

  test('through the API: amend shows the new text marked amended, withdraw leaves a dated line; audited', async () => {
    const { id, url, noteId } = await correctedStory('Oil imports fall in January');
    assert.match((await page(site, url)).html, /wrong month/, 'cached page warmed with the first text');

    assert.equal((await writer.call('PATCH', `/${id}/corrections/${noteId}`, { text: 'x' })).status, 403);
    assert.equal((await editor.call('PATCH', `/${id}/corrections/${noteId}`, { text: '  ' })).status, 422);
    assert.equal((await editor.call('PATCH', `/${id}/corrections/${noteId + 99}`, { text: 'x' })).status, 404);

    site.advance(60_000);
    const amended = await editor.call('PATCH', `/${id}/corrections/${noteId}`, {
      text: 'An earlier version gave the wrong month; imports fell in January.',
    });
    assert.equal(amended.status, 200);
    assert.equal(amended.body.amendedAt, '2023-01-31T08:01:00.000Z');
    let html = (await page(site, url)).html;
    assert.match(html, /imports fell in January\./);
    assert.doesNotMatch(html, /wrong month\.</);
    assert.match(html, /\(amended <time[^>]*>31 Jan 2023 13:01<\/time>\)/);

    assert.equal((await editor.call('POST', `/${id}/corrections/${noteId}/withdraw`, { note: '' })).status, 422);
    site.advance(60_000);
    const withdrawn = await editor.call('POST', `/${id}/corrections/${noteId}/withdraw`, {
      note: 'The original figures were right.',
    });
    assert.equal(withdrawn.status, 200);
    assert.deepEqual(withdrawn.body.withdrawn, {
      at: '2023-01-31T08:02:00.000Z',
      note: 'The original figures were right.',
    });
    html = (await page(site, url)).html;
    assert.match(html, /Correction withdrawn, <time[^>]*>31 Jan 2023 13:02<\/time>:/);
    assert.match(
      html,
      /The correction of <time[^>]*>31 Jan 2023 13:00<\/time> was\s+withdrawn\. The original figures were right\./,
    );
    assert.doesNotMatch(html, /imports fell in January\./, 'the withdrawn text is not shown to readers');

    const again = await editor.call('POST', `/${id}/corrections/${noteId}/withdraw`, { note: 'again' });
    assert.equal(again.status, 409);
    assert.equal((await editor.get(id)).body.corrections[0].withdrawn.note, 'The original figures were right.');

    const audits = (await listAudit(site.db, { limit: 100 })).filter((entry) => entry.subject?.id === String(id));
    assert.deepEqual(
      audits.map((entry) => entry.action).filter((action) => action.startsWith('article.correction')),
      ['article.correction-withdraw', 'article.correction-amend', 'article.correction'],
    );
  });

  test('through the editor page: forms to amend and withdraw each note, editors only', async () => {
    const { id, url, noteId } = await correctedStory('Cement despatches rise');
    const browser = site.browser();
    assert.equal((await browser.login('editor@example.com')).status, 303);
    const csrf = await browser.csrfToken('/admin');
    const editorPage = await (await browser.get(`/admin/articles/${id}`)).text();
    assert.match(editorPage, new RegExp(`action="/admin/articles/${id}/corrections/${noteId}/amend"`));
    assert.match(editorPage, new RegExp(`action="/admin/articles/${id}/corrections/${noteId}/withdraw"`));

    const amended = await browser.post(`/admin/articles/${id}/corrections/${noteId}/amend`, {
      _csrf: csrf,
      text: 'Despatches rose 12 per cent.',
    });
    assert.equal(amended.status, 303);
    assert.equal(amended.headers.get('location'), `/admin/articles/${id}?notice=correctionAmended`);
    assert.match((await page(site, url)).html, /Despatches rose 12 per cent\./);

    const refused = await browser.post(`/admin/articles/${id}/corrections/${noteId}/withdraw`, {
      _csrf: csrf,
      note: '',
    });
    assert.equal(refused.status, 422);
    const withdrawn = await browser.post(`/admin/articles/${id}/corrections/${noteId}/withdraw`, {
      _csrf: csrf,
      note: 'Sent in error.',
    });
    assert.equal(withdrawn.status, 303);
    const after = await (await browser.get(`/admin/articles/${id}`)).text();
    assert.match(after, /— withdrawn 31 Jan, 2023 \d\d:\d\d[ap]m: Sent in error\./);
    assert.doesNotMatch(after, new RegExp(`corrections/${noteId}/amend`), 'a withdrawn note has no forms');
  });
});
