import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, startAdminSite } from './adminSite.js';

describe('CSRF protection of the newsroom', () => {
  let site: AdminSite;
  let writerId: number;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'boss@example.com', role: 'admin' });
    writerId = (await site.addUser({ email: 'writer@example.com', role: 'writer' })).id;
  });
  after(() => site.close());

  async function writerRole(): Promise<string> {
    const row = await site.db.selectFrom('users').select('role').where('id', '=', writerId).executeTakeFirstOrThrow();
    return row.role;
  }

  test('a signed-in admin with a real token changes a role (the control case)', async () => {
    const admin = site.browser();
    await admin.login('boss@example.com');
    const token = await admin.csrfToken('/admin/users');
    const response = await admin.post(`/admin/users/${writerId}/role`, { role: 'editor', _csrf: token });
    assert.equal(response.status, 303);
    assert.equal(await writerRole(), 'editor');
    const entry = (await listAudit(site.db, { limit: 1 }))[0];
    assert.equal(entry?.action, 'user.role-change');
    assert.deepEqual(entry?.details, { from: 'writer', to: 'editor' });
    assert.deepEqual(entry?.subject, { type: 'user', id: String(writerId) });
  });

  test('a forged post with no token is refused with 403 and changes nothing', async () => {
    const admin = site.browser();
    await admin.login('boss@example.com');
    const before = await writerRole();
    const auditBefore = (await listAudit(site.db, { limit: 1 }))[0]?.id;
    const response = await admin.post(`/admin/users/${writerId}/role`, { role: 'admin' });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Form expired/);
    assert.equal(await writerRole(), before);
    assert.equal((await listAudit(site.db, { limit: 1 }))[0]?.id, auditBefore, 'nothing audited');
  });

  test("a token from another person's session is refused with 403", async () => {
    const admin = site.browser();
    await admin.login('boss@example.com');
    const attacker = site.browser();
    await attacker.login('writer@example.com');
    const attackersToken = await attacker.csrfToken('/admin');
    const before = await writerRole();
    const response = await admin.post(`/admin/users/${writerId}/disable`, { _csrf: attackersToken });
    assert.equal(response.status, 403);
    const row = await site.db
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', writerId)
      .executeTakeFirstOrThrow();
    assert.equal(row.disabled_at, null);
    assert.equal(await writerRole(), before);
  });

  test('a forged sign-out is refused: the session survives', async () => {
    const admin = site.browser();
    await admin.login('boss@example.com');
    assert.equal((await admin.post('/admin/logout', { _csrf: 'made-up' })).status, 403);
    assert.equal((await admin.post('/admin/logout-everywhere', {})).status, 403);
    assert.equal((await admin.get('/admin')).status, 200);
  });

  test('the token also works as an x-csrf-token header; tokens from before sign-in stop working', async () => {
    const admin = site.browser();
    const beforeSignIn = await admin.csrfToken('/admin/login');
    await admin.login('boss@example.com');
    const stale = await admin.post('/admin/logout', {}, { 'x-csrf-token': beforeSignIn });
    assert.equal(stale.status, 403, 'the secret rotated at sign-in');
    const fresh = await admin.csrfToken('/admin');
    const response = await admin.post('/admin/logout', {}, { 'x-csrf-token': fresh });
    assert.equal(response.status, 303);
  });
});
