import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getAccount } from '../../src/store/accounts/accounts.js';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type SmtpSink, startSmtpSink } from '../support/smtpSink.js';
import { type AdminSite, apiCall, type Browser, startAdminSite } from './adminSite.js';
import { tokenFor } from './articlesFixture.js';

const USERS = '/api/v1/admin/users';

/** A JSON call from a signed-in browser: its session cookie and the CSRF token in `x-csrf-token`. */
async function sessionCall(browser: Browser, method: string, path: string, body?: unknown) {
  const csrf = await browser.csrfToken('/admin/users');
  const response = await browser.request(method, path, body === undefined ? undefined : JSON.stringify(body), {
    'x-csrf-token': csrf,
    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

describe('the accounts JSON API', () => {
  let site: AdminSite;
  let adminToken: string;
  let boss: Browser;
  let bossId: number;
  before(async () => {
    site = await startAdminSite();
    bossId = (await site.addUser({ email: 'boss@example.com', role: 'admin' })).id;
    adminToken = await tokenFor(site, 'admin', 'accounts script');
    boss = site.browser();
    await boss.login('boss@example.com');
  });
  after(() => site.close());

  test('who may ask is checked first: nobody 401, another role 403, whatever the body', async () => {
    const editorToken = await tokenFor(site, 'editor');
    assert.equal((await apiCall(site, 'GET', USERS)).status, 401);
    assert.equal((await apiCall(site, 'GET', USERS, 'not-a-token')).status, 401);
    assert.equal((await apiCall(site, 'GET', USERS, editorToken)).status, 403);
    const refused = await apiCall(site, 'POST', `${USERS}/invitations`, editorToken, { nonsense: true });
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /may not/);
    assert.equal((await apiCall(site, 'POST', `${USERS}/${bossId}/disable`, editorToken)).status, 403);
  });

  test('lists accounts and the invitations waiting', async () => {
    await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, { email: 'waiting@example.com', role: 'editor' });
    const listed = await apiCall(site, 'GET', USERS, adminToken);
    assert.equal(listed.status, 200);
    const me = listed.body.items.find((user: { email: string }) => user.email === 'boss@example.com');
    assert.deepEqual(Object.keys(me).sort(), ['createdAt', 'disabledAt', 'email', 'id', 'name', 'role', 'status']);
    assert.equal(me.status, 'active');
    const waiting = listed.body.invitations.find((one: { email: string }) => one.email === 'waiting@example.com');
    assert.equal(waiting.role, 'editor');
    assert.equal(waiting.createdBy, 'accounts script');
    assert.equal(waiting.expired, false);
    assert.equal((await apiCall(site, 'GET', `${USERS}/${bossId}`, adminToken)).body.user.email, 'boss@example.com');
    assert.equal((await apiCall(site, 'GET', `${USERS}/99999`, adminToken)).status, 404);
    assert.equal((await apiCall(site, 'GET', `${USERS}/zero`, adminToken)).status, 400);
  });

  test('an invitation: made and its link returned (no mail server); bad input refused and nothing made', async () => {
    const made = await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, {
      email: 'Sana@Example.com',
      role: 'writer',
    });
    assert.equal(made.status, 201);
    assert.equal(made.body.invitation.email, 'sana@example.com');
    assert.equal(made.body.delivery, 'shown');
    assert.match(made.body.link, /^http:\/\/127\.0\.0\.1:\d+\/admin\/invite\/\d+\.[\w-]+$/);
    assert.equal((await site.browser().get(new URL(made.body.link).pathname)).status, 200);

    const count = async () => (await site.db.selectFrom('invitations').select('id').execute()).length;
    const before = await count();
    const bad = await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, { email: 'nobody', role: 'boss' });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.details.map((d: { field: string }) => d.field).sort(), ['email', 'role']);
    const tokenRole = await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, {
      email: 'feed@example.com',
      role: 'wire-feed',
    });
    assert.equal(tokenRole.status, 422, 'a role only API tokens have');
    assert.equal((await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, {})).status, 400);
    const taken = await apiCall(site, 'POST', `${USERS}/invitations`, adminToken, {
      email: 'BOSS@example.com',
      role: 'writer',
    });
    assert.equal(taken.status, 409);
    assert.match(taken.body.message, /has an account already/);
    assert.equal(await count(), before);
  });

  test('a role change: the new role and the old one answered, sessions ended, audited', async () => {
    const amna = await site.addUser({ email: 'amna@example.com', role: 'writer' });
    const amnaBrowser = site.browser();
    await amnaBrowser.login('amna@example.com');
    const changed = await apiCall(site, 'PUT', `${USERS}/${amna.id}/role`, adminToken, { role: 'editor' });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.user.role, 'editor');
    assert.equal(changed.body.from, 'writer');
    assert.equal((await amnaBrowser.get('/api/v1/admin/me')).status, 401, 'signed out by the change');
    const entry = (await listAudit(site.db, { limit: 50 })).find((e) => e.action === 'user.role-change');
    assert.deepEqual(entry?.details, { from: 'writer', to: 'editor' });
    assert.equal(entry?.actor.name, 'accounts script');

    const unknown = await apiCall(site, 'PUT', `${USERS}/${amna.id}/role`, adminToken, { role: 'owner' });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.details[0].field, 'role');
    assert.equal((await apiCall(site, 'PUT', `${USERS}/${amna.id}/role`, adminToken, {})).status, 400);
    assert.equal((await apiCall(site, 'PUT', `${USERS}/99999/role`, adminToken, { role: 'writer' })).status, 404);
    assert.equal((await getAccount(site.db, amna.id))?.role, 'editor', 'unchanged by the refusals');
  });

  test('disable and enable, each once; sign out everywhere; a reset link, none for a disabled account', async () => {
    const bilal = await site.addUser({ email: 'bilal@example.com', role: 'writer' });
    const bilalBrowser = site.browser();
    await bilalBrowser.login('bilal@example.com');
    const signedOut = await apiCall(site, 'POST', `${USERS}/${bilal.id}/sign-out-everywhere`, adminToken);
    assert.equal(signedOut.status, 200);
    assert.equal(signedOut.body.sessionsEnded, 1);
    assert.equal((await bilalBrowser.get('/api/v1/admin/me')).status, 401);

    const disabled = await apiCall(site, 'POST', `${USERS}/${bilal.id}/disable`, adminToken);
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.user.status, 'disabled');
    assert.equal((await apiCall(site, 'POST', `${USERS}/${bilal.id}/disable`, adminToken)).status, 409);
    const noLink = await apiCall(site, 'POST', `${USERS}/${bilal.id}/reset-link`, adminToken);
    assert.equal(noLink.status, 409);
    assert.match(noLink.body.message, /disabled: enable it first/);
    assert.equal((await site.browser().login('bilal@example.com')).status, 401);

    const enabled = await apiCall(site, 'POST', `${USERS}/${bilal.id}/enable`, adminToken);
    assert.equal(enabled.status, 200);
    assert.equal(enabled.body.user.status, 'active');
    assert.equal(enabled.body.user.disabledAt, null);
    assert.equal((await apiCall(site, 'POST', `${USERS}/${bilal.id}/enable`, adminToken)).status, 409);

    const reset = await apiCall(site, 'POST', `${USERS}/${bilal.id}/reset-link`, adminToken);
    assert.equal(reset.status, 201);
    assert.equal(reset.body.delivery, 'shown');
    assert.match(reset.body.link, /\/admin\/reset\/\d+\./);
    assert.equal((await site.browser().get(new URL(reset.body.link).pathname)).status, 200);
    assert.equal((await apiCall(site, 'POST', `${USERS}/99999/reset-link`, adminToken)).status, 404);
    for (const action of ['disable', 'enable', 'sign-out-everywhere']) {
      assert.equal((await apiCall(site, 'POST', `${USERS}/99999/${action}`, adminToken)).status, 404, action);
    }
  });

  test('nobody demotes, disables or signs out their own account through the API', async () => {
    const role = await sessionCall(boss, 'PUT', `${USERS}/${bossId}/role`, { role: 'writer' });
    assert.equal(role.status, 400);
    assert.match(role.body.message, /Ask another admin to change your role/);
    assert.equal((await sessionCall(boss, 'POST', `${USERS}/${bossId}/disable`)).status, 400);
    const sessions = await sessionCall(boss, 'POST', `${USERS}/${bossId}/sign-out-everywhere`);
    assert.equal(sessions.status, 400);
    assert.equal((await boss.get('/api/v1/admin/me')).status, 200, 'still signed in');
    const account = await getAccount(site.db, bossId);
    assert.equal(account?.role, 'admin');
    assert.equal(account?.disabledAt, null);
    const other = await site.addUser({ email: 'omar@example.com', role: 'writer' });
    const byBrowser = await sessionCall(boss, 'PUT', `${USERS}/${other.id}/role`, { role: 'moderator' });
    assert.equal(byBrowser.status, 200, 'a signed-in admin changes others');
  });
});

describe('the accounts JSON API and the last admin', () => {
  let site: AdminSite;
  before(async () => {
    site = await startAdminSite();
  });
  after(() => site.close());

  test('the last active admin is neither demoted nor disabled, even by an admin token', async () => {
    const only = await site.addUser({ email: 'only@example.com', role: 'admin' });
    const token = await tokenFor(site, 'admin');
    const demote = await apiCall(site, 'PUT', `${USERS}/${only.id}/role`, token, { role: 'editor' });
    assert.equal(demote.status, 409);
    assert.equal(
      demote.body.message,
      'only@example.com is the last active admin: make another admin first. Nothing was changed.',
    );
    assert.equal((await apiCall(site, 'POST', `${USERS}/${only.id}/disable`, token)).status, 409);
    const account = await getAccount(site.db, only.id);
    assert.equal(account?.role, 'admin');
    assert.equal(account?.disabledAt, null);

    const second = await site.addUser({ email: 'second@example.com', role: 'admin' });
    assert.equal((await apiCall(site, 'PUT', `${USERS}/${only.id}/role`, token, { role: 'editor' })).status, 200);
    assert.equal((await apiCall(site, 'POST', `${USERS}/${second.id}/disable`, token)).status, 409, 'now the last');
  });
});

describe('the accounts JSON API with a mail server', () => {
  let smtp: SmtpSink;
  let site: AdminSite;
  before(async () => {
    smtp = await startSmtpSink();
    site = await startAdminSite({ serve: { smtpUrl: smtp.url, mailFrom: 'newsroom@example.com' } });
  });
  after(async () => {
    await site.close();
    await smtp.close();
  });

  test('a mailed invitation or reset link is not in the answer', async () => {
    const token = await tokenFor(site, 'admin');
    const invited = await apiCall(site, 'POST', `${USERS}/invitations`, token, {
      email: 'farah@example.com',
      role: 'writer',
    });
    assert.equal(invited.status, 201);
    assert.equal(invited.body.delivery, 'mailed');
    assert.equal(invited.body.link, undefined);
    assert.match((await smtp.mailTo('farah@example.com')).text, /\/admin\/invite\//);

    const zara = await site.addUser({ email: 'zara@example.com', role: 'editor' });
    const reset = await apiCall(site, 'POST', `${USERS}/${zara.id}/reset-link`, token);
    assert.equal(reset.status, 201);
    assert.equal(reset.body.delivery, 'mailed');
    assert.equal(reset.body.link, undefined);
    assert.match((await smtp.mailTo('zara@example.com')).text, /\/admin\/reset\//);
  });
});
