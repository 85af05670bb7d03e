import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, startAdminSite } from './adminSite.js';

const HOUR = 60 * 60 * 1000;

describe('newsroom sessions', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
  });
  after(() => site.close());

  test('a session unused for 8 hours ends; one in use lives on', async () => {
    const idle = site.browser();
    const busy = site.browser();
    await idle.login('ed@example.com');
    await busy.login('ed@example.com');
    for (let i = 0; i < 3; i++) {
      site.advance(3 * HOUR);
      assert.equal((await busy.get('/admin')).status, 200, `busy after ${(i + 1) * 3} h`);
    }
    const expired = await idle.get('/admin');
    assert.equal(expired.status, 303);
    assert.match(expired.headers.get('location') ?? '', /^\/admin\/login/);
    assert.equal(idle.cookie('bs_session'), undefined, 'the dead cookie is cleared');
  });

  test('no session outlives 7 days, however busy', async () => {
    const browser = site.browser();
    await browser.login('ed@example.com');
    for (let hours = 0; hours < 7 * 24 - 4; hours += 4) {
      site.advance(4 * HOUR);
      assert.equal((await browser.get('/admin')).status, 200, `after ${hours + 4} h`);
    }
    site.advance(8 * HOUR);
    assert.equal((await browser.get('/admin')).status, 303);
  });

  test('sign out ends this session only', async () => {
    const first = site.browser();
    const second = site.browser();
    await first.login('ed@example.com');
    await second.login('ed@example.com');
    const token = await first.csrfToken('/admin');
    const response = await first.post('/admin/logout', { _csrf: token });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/login');
    assert.equal((await first.get('/admin')).status, 303);
    assert.equal((await second.get('/admin')).status, 200);
  });

  test('the old cookie is useless after sign-out even if replayed', async () => {
    const browser = site.browser();
    await browser.login('ed@example.com');
    const stolen = browser.cookie('bs_session');
    assert.ok(stolen);
    await browser.post('/admin/logout', { _csrf: await browser.csrfToken('/admin') });
    const replay = await fetch(`${site.baseUrl}/api/v1/admin/me`, { headers: { cookie: `bs_session=${stolen}` } });
    assert.equal(replay.status, 401);
  });

  test('sign out everywhere ends every session of the account, and it is audited', async () => {
    const here = site.browser();
    const phone = site.browser();
    const laptop = site.browser();
    for (const browser of [here, phone, laptop]) await browser.login('ed@example.com');
    const response = await here.post('/admin/logout-everywhere', { _csrf: await here.csrfToken('/admin') });
    assert.equal(response.status, 303);
    for (const browser of [here, phone, laptop]) assert.equal((await browser.get('/admin')).status, 303);
    const remaining = await site.db.selectFrom('sessions').select('id').execute();
    assert.equal(remaining.length, 0);
    const entries = await listAudit(site.db, { limit: 10 });
    assert.equal(entries[0]?.action, 'user.logout-everywhere');
    assert.ok(Number(entries[0]?.details.sessionsEnded) >= 3);
    // Signing in again works straight away.
    assert.equal((await here.login('ed@example.com')).status, 303);
    assert.equal((await here.get('/admin')).status, 200);
  });

  test('sessions are stored by hash: the cookie value is not in the database', async () => {
    const browser = site.browser();
    await browser.login('ed@example.com');
    const token = browser.cookie('bs_session');
    const ids = (await site.db.selectFrom('sessions').select('id').execute()).map((row) => row.id);
    assert.ok(token !== undefined && ids.length > 0);
    assert.ok(!ids.includes(token));
    assert.ok(ids.every((id) => /^[0-9a-f]{64}$/.test(id)));
  });
});
