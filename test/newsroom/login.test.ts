import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, PASSWORD, startAdminSite } from './adminSite.js';

describe('newsroom sign-in', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'Editor@Example.com', role: 'editor' });
    await site.addUser({ email: 'gone@example.com', role: 'writer' });
    await site.db
      .updateTable('users')
      .set({ disabled_at: Date.now() })
      .where('email', '=', 'gone@example.com')
      .execute();
  });
  after(() => site.close());

  test('the login page is a form with a CSRF token and never cached', async () => {
    const response = await site.browser().get('/admin/login');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    assert.match(html, /<form[^>]+method="post" action="\/admin\/login"/);
    assert.match(html, /name="_csrf" value="[^"]{20,}"/);
    assert.match(html, /autocomplete="current-password"/);
  });

  test('right credentials (any case of the address): 303 to /admin, session cookie HttpOnly + SameSite=Lax on both paths', async () => {
    const browser = site.browser();
    const response = await browser.login('editor@EXAMPLE.com');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin');
    const sessionCookies = browser.setCookies.filter((c) => c.startsWith('bs_session='));
    assert.deepEqual(sessionCookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort(), ['/admin', '/api/v1/admin']);
    for (const cookie of sessionCookies) {
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.doesNotMatch(cookie, /; Secure/, 'plain http: no Secure flag');
    }
    const dashboard = await browser.get('/admin');
    assert.equal(dashboard.status, 200);
    assert.match(await dashboard.text(), /<h1>Dashboard<\/h1>/);
    const me = await (await browser.get('/api/v1/admin/me')).json();
    assert.deepEqual(
      { kind: me.kind, email: me.email, role: me.role },
      { kind: 'user', email: 'editor@example.com', role: 'editor' },
    );
  });

  test('a wrong password, an unknown address and a disabled account all get the same 401 page', async () => {
    const bodies: string[] = [];
    for (const [email, password] of [
      ['editor@example.com', 'not the right password'],
      ['nobody@example.com', PASSWORD],
      ['gone@example.com', PASSWORD],
    ] as const) {
      const browser = site.browser();
      const response = await browser.login(email, password);
      assert.equal(response.status, 401, email);
      assert.equal(browser.cookie('bs_session'), undefined);
      bodies.push((await response.text()).replace(/value="[^"]*"/g, ''));
    }
    assert.match(bodies[0] ?? '', /do not match an active account/);
    assert.equal(bodies[1], bodies[0]);
    assert.equal(bodies[2], bodies[0]);
  });

  test('after sign-in the browser goes back to the page it asked for, but never off the newsroom', async () => {
    const browser = site.browser();
    const asked = await browser.get('/admin/users?x=1');
    assert.equal(asked.status, 303);
    assert.equal(asked.headers.get('location'), '/admin/login?next=%2Fadmin%2Fusers%3Fx%3D1');
    const token = await browser.csrfToken('/admin/login?next=%2Fadmin%2Faudit');
    const back = await browser.post('/admin/login', {
      email: 'editor@example.com',
      password: PASSWORD,
      next: '/admin/audit',
      _csrf: token,
    });
    assert.equal(back.headers.get('location'), '/admin/audit');
    const other = site.browser();
    const otherToken = await other.csrfToken();
    const offsite = await other.post('/admin/login', {
      email: 'editor@example.com',
      password: PASSWORD,
      next: '//evil.example/admin',
      _csrf: otherToken,
    });
    assert.equal(offsite.headers.get('location'), '/admin');
  });

  test('sign-ins and failures are in the audit log', async () => {
    const entries = await listAudit(site.db, { limit: 100 });
    const actions = entries.map((entry) => entry.action);
    assert.ok(actions.includes('user.login'));
    const failure = entries.find((entry) => entry.action === 'user.login-failed');
    assert.ok(failure);
    assert.equal(failure.actor.kind, 'anonymous');
    assert.ok(['wrong-password', 'unknown-email', 'disabled'].includes(String(failure.details.reason)));
    assert.ok(!JSON.stringify(entries).includes(PASSWORD), 'no password in the log');
  });

  test('a login post without a CSRF token is refused with 403 and signs nobody in', async () => {
    const browser = site.browser();
    await browser.get('/admin/login');
    const response = await browser.post('/admin/login', { email: 'editor@example.com', password: PASSWORD });
    assert.equal(response.status, 403);
    assert.equal(browser.cookie('bs_session'), undefined);
  });
});

describe('newsroom sign-in with Secure cookies always on', () => {
  test('the session cookie carries Secure', async (t) => {
    const site = await startAdminSite({ admin: { secureCookies: 'always' } });
    t.after(() => site.close());
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
    const browser = site.browser();
    // The jar ignores Secure, as a browser would on localhost.
    const response = await browser.login('ed@example.com');
    assert.equal(response.status, 303);
    const cookies = browser.setCookies.filter((c) => c.startsWith('bs_session=') || c.startsWith('bs_csrf='));
    assert.ok(cookies.length >= 3);
    for (const cookie of cookies) assert.match(cookie, /; Secure/);
  });
});
