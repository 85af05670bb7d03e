import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addStory } from './moderationFixture.js';

describe('comment moderation', () => {
  let site: AdminSite;
  let articleId: number;
  let articlePath: string;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'mod@example.com', role: 'moderator' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    articleId = await addStory(site.app.store, { headline: 'Rupee firms against dollar' });
    articlePath = `/news/${articleId}/rupee-firms-against-dollar`;
  });
  after(() => site.close());

  const post = (body: string, ip: string) =>
    site.app.store.addComment({ articleId, name: 'Reader', email: 'r@example.com', body, ip });

  async function moderator(): Promise<Browser> {
    const browser = site.browser();
    assert.equal((await browser.login('mod@example.com')).status, 303);
    return browser;
  }

  test('the queue lists pending comments most likely spam first, with the headline and per-article counts', async () => {
    const good = await post('A measured view on the exchange rate outlook.', '10.0.0.1');
    const spam = await post('FREE MONEY click here http://win.example.xyz casino', '10.0.0.2');
    const browser = await moderator();
    const page = await browser.get('/admin/comments');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.indexOf(`value="${spam.id}"`) < html.indexOf(`value="${good.id}"`), 'spam listed first');
    assert.match(html, /likely spam/);
    assert.match(html, /Rupee firms against dollar/);
    assert.match(html, /Articles with comments waiting/);

    const api = await browser.get('/api/v1/admin/comments?status=pending');
    assert.equal(api.status, 200);
    const body = await api.json();
    assert.deepEqual(
      body.items.map((item: { id: number }) => item.id),
      [spam.id, good.id],
    );
    assert.ok(body.items[0].spamScore > body.items[1].spamScore);
    assert.equal(body.counts.pending, 2);
  });

  test('approving shows the comment to readers at once (cached page dropped) and is audited', async () => {
    const comment = await post('Approve me: the SBP held rates.', '10.0.0.3');
    // Cache the article page first.
    const before = await fetch(`${site.baseUrl}${articlePath}`);
    assert.equal(before.status, 200);
    assert.doesNotMatch(await before.text(), /Approve me/);
    const browser = await moderator();
    const token = await browser.csrfToken('/admin/comments');
    const response = await browser.post('/admin/comments/moderate', { act: `approve:${comment.id}`, _csrf: token });
    assert.equal(response.status, 303);
    const afterApprove = await fetch(`${site.baseUrl}${articlePath}`);
    assert.match(await afterApprove.text(), /Approve me: the SBP held rates\./);
    const audit = await listAudit(site.db, { limit: 5 });
    assert.ok(audit.some((entry) => entry.action === 'comment.approve' && entry.subject?.id === String(comment.id)));
  });

  test('bulk actions apply to the ticked comments; spam is rejected and listed under Spam', async () => {
    const a = await post('bulk one', '10.0.1.1');
    const b = await post('bulk two', '10.0.1.2');
    const browser = await moderator();
    const token = await browser.csrfToken('/admin/comments');
    const form = new URLSearchParams([
      ['_csrf', token],
      ['act', 'spam'],
      ['ids', String(a.id)],
      ['ids', String(b.id)],
    ]);
    const response = await browser.request('POST', '/admin/comments/moderate', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(response.status, 303);
    const spam = await (await browser.get('/api/v1/admin/comments?status=spam')).json();
    assert.deepEqual(spam.items.map((item: { id: number }) => item.id).sort(), [a.id, b.id].sort());
    const rejected = await (await browser.get('/api/v1/admin/comments?status=rejected')).json();
    assert.equal(
      rejected.items.some((item: { id: number }) => item.id === a.id),
      false,
    );
  });

  test('PATCH through the API changes one status; without the CSRF token a session gets 403', async () => {
    const comment = await post('patch me', '10.0.2.1');
    const browser = await moderator();
    const forged = await browser.request('PATCH', `/api/v1/admin/comments/${comment.id}`, '{"status":"approved"}', {
      'content-type': 'application/json',
    });
    assert.equal(forged.status, 403);
    const token = await browser.csrfToken('/admin/comments');
    const ok = await browser.request('PATCH', `/api/v1/admin/comments/${comment.id}`, '{"status":"approved"}', {
      'content-type': 'application/json',
      'x-csrf-token': token,
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { id: comment.id, status: 'approved', changed: true });
    const missing = await browser.request('PATCH', '/api/v1/admin/comments/999999', '{"status":"approved"}', {
      'content-type': 'application/json',
      'x-csrf-token': token,
    });
    assert.equal(missing.status, 404);
  });

  test('a writer gets 403, anonymous pages redirect to sign-in and the API answers 401', async () => {
    const writer = site.browser();
    await writer.login('writer@example.com');
    assert.equal((await writer.get('/admin/comments')).status, 403);
    assert.equal((await writer.get('/api/v1/admin/comments')).status, 403);
    const anonymous = site.browser();
    const page = await anonymous.get('/admin/comments');
    assert.equal(page.status, 303);
    assert.match(page.headers.get('location') ?? '', /^\/admin\/login/);
    assert.equal((await anonymous.get('/api/v1/admin/comments')).status, 401);
  });

  test('a banned address gets a clear 403 on the comment API and the no-JS form; lifting the ban lets it post', async () => {
    const browser = await moderator();
    const token = await browser.csrfToken('/admin/comments');
    const ban = await browser.request('POST', '/api/v1/admin/comments/bans', '{"ip":"127.0.0.1","reason":"flood"}', {
      'content-type': 'application/json',
      'x-csrf-token': token,
    });
    assert.equal(ban.status, 201);
    const comment = { name: 'Reader', email: 'r@example.com', body: 'Let me in' };
    const before = await site.app.store.listComments({ limit: 1000 });
    const api = await fetch(`${site.baseUrl}/api/v1/articles/${articleId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(comment),
    });
    assert.equal(api.status, 403);
    assert.match((await api.json()).message, /not accepted/);
    const form = await fetch(`${site.baseUrl}/news/${articleId}/comments`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(comment).toString(),
    });
    assert.equal(form.status, 403);
    assert.match(await form.text(), /do not accept comments from your address/);
    assert.equal((await site.app.store.listComments({ limit: 1000 })).length, before.length, 'nothing stored');

    const audit = await listAudit(site.db, { limit: 10 });
    assert.ok(audit.some((entry) => entry.action === 'comment.ban' && entry.subject?.id === '127.0.0.1'));
    const lift = await browser.post('/admin/comments/bans/lift', { ip: '127.0.0.1', _csrf: token });
    assert.equal(lift.status, 303);
    const again = await fetch(`${site.baseUrl}/api/v1/articles/${articleId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(comment),
    });
    assert.equal(again.status, 201);
  });
});
