import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, PASSWORD, startAdminSite } from './adminSite.js';

const NEW_PASSWORD = 'another long newsroom password';

describe('changing one’s own password at /admin/account', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
  });
  after(() => site.close());

  test('the page is open to every role and carries a form token', async () => {
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    const browser = site.browser();
    await browser.login('writer@example.com');
    const page = await browser.get('/admin/account');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Change your password/);
    assert.match(html, /name="_csrf"/);
  });

  test('a wrong current password is refused with a clear message and changes nothing', async () => {
    await site.addUser({ email: 'wrong@example.com', role: 'writer' });
    const browser = site.browser();
    await browser.login('wrong@example.com');
    const before = await site.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'wrong@example.com')
      .executeTakeFirstOrThrow();
    const response = await browser.post('/admin/account/password', {
      _csrf: await browser.csrfToken('/admin/account'),
      current: 'not the password at all',
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /current password is not right/);
    const afterRow = await site.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'wrong@example.com')
      .executeTakeFirstOrThrow();
    assert.equal(afterRow.password_hash, before.password_hash);
    assert.equal(
      (await site.browser().login('wrong@example.com', PASSWORD)).status,
      303,
      'the old password still works',
    );
  });

  test('mismatched, too short or unchanged new passwords are refused', async () => {
    await site.addUser({ email: 'rules@example.com', role: 'editor' });
    const browser = site.browser();
    await browser.login('rules@example.com');
    const cases = [
      { password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!`, message: /two new passwords differ/ },
      { password: 'short', confirm: 'short', message: /at least 12 characters/ },
      { password: PASSWORD, confirm: PASSWORD, message: /same as the current one/ },
    ];
    for (const c of cases) {
      const response = await browser.post('/admin/account/password', {
        _csrf: await browser.csrfToken('/admin/account'),
        current: PASSWORD,
        password: c.password,
        confirm: c.confirm,
      });
      assert.equal(response.status, 400);
      assert.match(await response.text(), c.message);
    }
    assert.equal((await site.browser().login('rules@example.com', PASSWORD)).status, 303);
  });

  test('without a form token the change is refused', async () => {
    await site.addUser({ email: 'csrf@example.com', role: 'editor' });
    const browser = site.browser();
    await browser.login('csrf@example.com');
    const response = await browser.post('/admin/account/password', {
      current: PASSWORD,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(response.status, 403);
    assert.equal((await site.browser().login('csrf@example.com', NEW_PASSWORD)).status, 401);
  });

  test('a change keeps this session, ends the others, and only the new password signs in', async () => {
    await site.addUser({ email: 'amna@example.com', role: 'editor' });
    const here = site.browser();
    const phone = site.browser();
    await here.login('amna@example.com');
    await phone.login('amna@example.com');
    const response = await here.post('/admin/account/password', {
      _csrf: await here.csrfToken('/admin/account'),
      current: PASSWORD,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/account?notice=password-changed');
    const confirmation = await here.get('/admin/account?notice=password-changed');
    assert.equal(confirmation.status, 200);
    assert.match(await confirmation.text(), /Password changed/);
    assert.equal((await phone.get('/admin')).status, 303, 'the other session is over');
    assert.equal((await site.browser().login('amna@example.com', PASSWORD)).status, 401);
    assert.equal((await site.browser().login('amna@example.com', NEW_PASSWORD)).status, 303);
    const actions = (await listAudit(site.db, { limit: 20 })).map((entry) => entry.action);
    assert.ok(actions.includes('user.password-change'));
  });
});
