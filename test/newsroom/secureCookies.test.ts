import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, PASSWORD, startAdminSite } from './adminSite.js';

const sessionAndCsrf = (setCookies: readonly string[]) =>
  setCookies.filter((c) => c.startsWith('bs_session=') || c.startsWith('bs_csrf='));

/** The address the newest sign-in was recorded from. */
async function lastLoginIp(site: AdminSite): Promise<unknown> {
  const entry = (await listAudit(site.db, { limit: 5 })).find((e) => e.action === 'user.login');
  return entry?.details.ip;
}

describe('Secure cookies behind a trusted proxy (127.0.0.1, over real sockets)', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite({ serve: { trustedProxy: '127.0.0.1' } });
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
  });
  after(() => site.close());

  test('X-Forwarded-Proto: https from the proxy: session and CSRF cookies carry Secure; the client address is believed', async () => {
    const browser = site.browser();
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get('/admin/login', headers)).text())?.[1];
    const response = await browser.post(
      '/admin/login',
      { email: 'ed@example.com', password: PASSWORD, _csrf: token ?? '' },
      headers,
    );
    assert.equal(response.status, 303);
    const cookies = sessionAndCsrf(browser.setCookies);
    assert.ok(cookies.some((c) => c.startsWith('bs_session=')));
    for (const cookie of cookies) assert.match(cookie, /; Secure/, cookie);
    assert.equal(await lastLoginIp(site), '203.0.113.7');
  });

  test('the same proxy forwarding plain http: no Secure', async () => {
    const browser = site.browser();
    await browser.login('ed@example.com');
    const cookies = sessionAndCsrf(browser.setCookies);
    assert.ok(cookies.some((c) => c.startsWith('bs_session=')));
    for (const cookie of cookies) assert.doesNotMatch(cookie, /; Secure/, cookie);
  });

  test('peers inside and outside the trusted range (injected remote addresses)', async () => {
    // Not trusted: its X-Forwarded-Proto is a claim anyone could make.
    const stranger = await site.app.server.inject({
      method: 'GET',
      url: '/admin/login',
      remoteAddress: '198.51.100.4',
      headers: { 'x-forwarded-proto': 'https' },
    });
    const strangerCsrf = String(stranger.headers['set-cookie']);
    assert.match(strangerCsrf, /bs_csrf=/);
    assert.doesNotMatch(strangerCsrf, /; Secure/);
    const proxied = await site.app.server.inject({
      method: 'GET',
      url: '/admin/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.match(String(proxied.headers['set-cookie']), /bs_csrf=[^;]+;.*; Secure/);
  });
});

describe('Secure cookies with no trusted proxy (the default)', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
  });
  after(() => site.close());

  test('X-Forwarded-Proto and X-Forwarded-For from a direct client are ignored', async () => {
    const browser = site.browser();
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const token = /name="_csrf" value="([^"]+)"/.exec(await (await browser.get('/admin/login', headers)).text())?.[1];
    const response = await browser.post(
      '/admin/login',
      { email: 'ed@example.com', password: PASSWORD, _csrf: token ?? '' },
      headers,
    );
    assert.equal(response.status, 303);
    const cookies = sessionAndCsrf(browser.setCookies);
    assert.ok(cookies.some((c) => c.startsWith('bs_session=')));
    for (const cookie of cookies) assert.doesNotMatch(cookie, /; Secure/, cookie);
    assert.equal(await lastLoginIp(site), '127.0.0.1');
  });
});

describe('--secure-cookies always and never', () => {
  test('always: Secure over plain http', async (t) => {
    const site = await startAdminSite({ serve: { secureCookies: 'always' } });
    t.after(() => site.close());
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
    const browser = site.browser();
    assert.equal((await browser.login('ed@example.com')).status, 303);
    const cookies = sessionAndCsrf(browser.setCookies);
    assert.ok(cookies.length >= 3);
    for (const cookie of cookies) assert.match(cookie, /; Secure/, cookie);
  });

  test('never: no Secure even when a trusted proxy says https', async (t) => {
    const site = await startAdminSite({ serve: { secureCookies: 'never', trustedProxy: '127.0.0.1' } });
    t.after(() => site.close());
    const page = await site.browser().get('/admin/login', { 'x-forwarded-proto': 'https' });
    const csrf = page.headers.getSetCookie().find((c) => c.startsWith('bs_csrf='));
    assert.ok(csrf !== undefined);
    assert.doesNotMatch(csrf, /; Secure/);
  });
});
