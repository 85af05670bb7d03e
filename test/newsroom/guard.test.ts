import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { type AdminSite, startAdminSite } from './adminSite.js';

/** Every admin route this plugin serves, with the method a browser uses. */
const PAGES = [
  ['GET', '/admin'],
  ['GET', '/admin/audit'],
  ['GET', '/admin/users'],
  ['POST', '/admin/logout'],
  ['POST', '/admin/logout-everywhere'],
  ['POST', '/admin/users/1/role'],
  ['POST', '/admin/users/1/disable'],
] as const;

describe('the admin guard', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'boss@example.com', role: 'admin' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
  });
  after(() => site.close());

  test('anonymous pages redirect to sign-in (303); the API answers 401 JSON', async () => {
    const browser = site.browser();
    for (const [method, path] of PAGES) {
      const response = await browser.request(method, path, method === 'POST' ? 'role=admin' : undefined, {
        ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      });
      assert.equal(response.status, 303, `${method} ${path}`);
      assert.match(response.headers.get('location') ?? '', /^\/admin\/login/, `${method} ${path}`);
    }
    const api = await browser.get('/api/v1/admin/me');
    assert.equal(api.status, 401);
    assert.match(api.headers.get('content-type') ?? '', /application\/json/);
    assert.match(api.headers.get('www-authenticate') ?? '', /^Bearer/);
    const body = await api.json();
    assert.equal(body.error, 'Unauthorized');
  });

  test('a writer gets 403 on admin-only pages and its nav shows only what it may use', async () => {
    const browser = site.browser();
    await browser.login('writer@example.com');
    for (const path of ['/admin/audit', '/admin/users']) {
      const response = await browser.get(path);
      assert.equal(response.status, 403, path);
      const text = await response.text();
      // Plain words, never the internal permission's name.
      assert.match(text, /may not (read the audit log|manage accounts)/);
      assert.doesNotMatch(text, /audit\.read|user\.manage/);
    }
    const dashboard = await (await browser.get('/admin')).text();
    assert.match(dashboard, /href="\/admin\/articles"/);
    assert.doesNotMatch(dashboard, /href="\/admin\/(users|audit|comments|market)"/);
    // A writer's forged-free but unauthorised post changes nothing either.
    const token = await browser.csrfToken('/admin');
    const response = await browser.post('/admin/users/1/role', { role: 'writer', _csrf: token });
    assert.equal(response.status, 403);
    const boss = await site.db.selectFrom('users').select('role').where('id', '=', 1).executeTakeFirstOrThrow();
    assert.equal(boss.role, 'admin');
  });

  test('an admin sees every area', async () => {
    const browser = site.browser();
    await browser.login('boss@example.com');
    const dashboard = await (await browser.get('/admin')).text();
    for (const area of ['articles', 'comments', 'print', 'tags', 'market', 'users', 'audit']) {
      assert.match(dashboard, new RegExp(`href="/admin/${area}"`), area);
    }
    assert.equal((await browser.get('/admin/audit')).status, 200);
  });

  test('an API token is accepted on /api/v1/admin with its role; a revoked or unknown one gets 401', async () => {
    const opened = site.db;
    const issued = await createApiToken(opened, { name: 'desk script', role: 'editor', now: new Date() });
    const me = await fetch(`${site.baseUrl}/api/v1/admin/me`, { headers: { authorization: `Bearer ${issued.token}` } });
    assert.equal(me.status, 200);
    const body = await me.json();
    assert.deepEqual(
      { kind: body.kind, id: body.id, name: body.name, role: body.role },
      { kind: 'token', id: issued.id, name: 'desk script', role: 'editor' },
    );
    const unknown = await fetch(`${site.baseUrl}/api/v1/admin/me`, { headers: { authorization: 'Bearer bst_nope' } });
    assert.equal(unknown.status, 401);
    assert.match(unknown.headers.get('www-authenticate') ?? '', /invalid_token/);
    // A token never opens the HTML pages: they know only the session cookie.
    const page = await fetch(`${site.baseUrl}/admin`, {
      headers: { authorization: `Bearer ${issued.token}` },
      redirect: 'manual',
    });
    assert.equal(page.status, 303);
  });

  test('the stylesheet is served, immutable, to anyone', async () => {
    const html = await (await site.browser().get('/admin/login')).text();
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    assert.ok(href);
    const css = await fetch(`${site.baseUrl}${href}`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /immutable/);
  });

  test('the reader site gets no admin cookies', async () => {
    const home = await fetch(`${site.baseUrl}/`, { redirect: 'manual' });
    assert.deepEqual(home.headers.getSetCookie(), []);
  });
});
