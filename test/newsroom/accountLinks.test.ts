import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, type Browser, PASSWORD, startAdminSite } from './adminSite.js';

const NEW_PASSWORD = 'a fresh newsroom password';
const DAY = 24 * 60 * 60 * 1000;

/** The one-time link an admin's "link made" page shows, as a path on the site. */
async function linkOnPage(response: Response, kind: 'reset' | 'invite'): Promise<string> {
  assert.equal(response.status, 200, `the link page answered ${response.status}`);
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  const html = await response.text();
  const address = new RegExp(`value="(http://[^"]+/admin/${kind}/[^"]+)"`).exec(html)?.[1];
  assert.ok(address, `no ${kind} link on the page`);
  return new URL(address).pathname;
}

async function passwordHash(site: AdminSite, email: string): Promise<string> {
  const row = await site.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirst();
  return row?.password_hash ?? '';
}

async function actions(site: AdminSite): Promise<string[]> {
  return (await listAudit(site.db, { limit: 200 })).map((entry) => entry.action);
}

describe('password reset links', () => {
  let site: AdminSite;
  let admin: Browser;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'boss@example.com', role: 'admin' });
    admin = site.browser();
    await admin.login('boss@example.com');
  });
  after(() => site.close());

  async function makeResetLink(userId: number): Promise<string> {
    const token = await admin.csrfToken(`/admin/users/${userId}`);
    return linkOnPage(await admin.post(`/admin/users/${userId}/reset-link`, { _csrf: token }), 'reset');
  }

  test('only an admin makes a link, with a form token; nothing is made otherwise', async () => {
    const writer = await site.addUser({ email: 'w1@example.com', role: 'writer' });
    const browser = site.browser();
    await browser.login('w1@example.com');
    const refused = await browser.post(`/admin/users/${writer.id}/reset-link`, {
      _csrf: await browser.csrfToken('/admin/account'),
    });
    assert.equal(refused.status, 403);
    assert.equal((await admin.post(`/admin/users/${writer.id}/reset-link`, {})).status, 403, 'no form token');
    assert.equal(
      (await admin.post('/admin/users/99999/reset-link', { _csrf: await admin.csrfToken('/admin/users') })).status,
      404,
    );
    const rows = await site.db.selectFrom('password_resets').select('id').execute();
    assert.equal(rows.length, 0);
  });

  test('the link sets a new password once, ends every session, and bad input changes nothing', async () => {
    const amna = await site.addUser({ email: 'amna@example.com', role: 'editor' });
    const laptop = site.browser();
    await laptop.login('amna@example.com');
    const path = await makeResetLink(amna.id);
    const before = await passwordHash(site, 'amna@example.com');

    const holder = site.browser();
    const form = await holder.get(path);
    assert.equal(form.status, 200);
    assert.equal(form.headers.get('referrer-policy'), 'no-referrer');
    const html = await form.text();
    assert.match(html, /amna@example\.com/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

    assert.equal((await holder.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status, 403, 'no token');
    const differ = await holder.post(path, { _csrf: csrf, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    assert.equal(differ.status, 400);
    assert.match(await differ.text(), /two passwords differ/);
    const short = await holder.post(path, { _csrf: csrf, password: 'short', confirm: 'short' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /at least 12 characters/);
    assert.equal((await holder.post(path, { _csrf: csrf })).status, 400, 'fields missing');
    assert.equal(await passwordHash(site, 'amna@example.com'), before);
    assert.equal((await laptop.get('/admin')).status, 200, 'refusals end no session');

    const done = await holder.post(path, { _csrf: csrf, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/admin/login?done=password-reset');
    assert.match(await (await holder.get('/admin/login?done=password-reset')).text(), /new password is set/);
    assert.notEqual(await passwordHash(site, 'amna@example.com'), before);
    assert.match(await passwordHash(site, 'amna@example.com'), /^scrypt\$/, 'hashed as every password is');
    assert.equal((await laptop.get('/admin')).status, 303, 'the other session ended');
    assert.equal((await site.browser().login('amna@example.com', PASSWORD)).status, 401);
    assert.equal((await site.browser().login('amna@example.com', NEW_PASSWORD)).status, 303);

    const again = await holder.post(path, { _csrf: csrf, password: PASSWORD, confirm: PASSWORD });
    assert.equal(again.status, 410);
    assert.match(await again.text(), /used already/);
    assert.equal((await site.browser().get(path)).status, 410);
    assert.ok((await actions(site)).includes('user.password-reset'));
    assert.ok((await actions(site)).includes('user.reset-link-create'));
  });

  test('a link expires, a newer one withdraws it, and a made-up one is not found', async () => {
    const bilal = await site.addUser({ email: 'bilal@example.com', role: 'writer' });
    const old = await makeResetLink(bilal.id);
    const newer = await makeResetLink(bilal.id);
    assert.equal((await site.browser().get(old)).status, 410);
    assert.equal((await site.browser().get(newer)).status, 200);
    site.advance(DAY);
    const expired = await site.browser().get(newer);
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /expired/);
    const [, , id = '1'] =
      newer
        .split('/')
        .pop()
        ?.match(/^((\d+))\./) ?? [];
    for (const path of [
      '/admin/reset/nonsense',
      `/admin/reset/${id}.${'A'.repeat(43)}`,
      `/admin/reset/${'9'.repeat(200)}`,
    ]) {
      const response = await site.browser().get(path);
      assert.ok([400, 404, 414].includes(response.status), `${path}: ${response.status}`);
    }
    assert.equal((await site.browser().get(`/admin/reset/${id}.${'A'.repeat(43)}`)).status, 404);
    // The admin's own session lapsed with the day that passed.
    await admin.login('boss@example.com');
  });

  test('a disabled account gets no link', async () => {
    const gone = await site.addUser({ email: 'gone@example.com', role: 'writer' });
    await admin.post(`/admin/users/${gone.id}/disable`, { _csrf: await admin.csrfToken('/admin/users') });
    const refused = await admin.post(`/admin/users/${gone.id}/reset-link`, {
      _csrf: await admin.csrfToken('/admin/users'),
    });
    assert.equal(refused.status, 409);
  });
});

describe('invitations', () => {
  let site: AdminSite;
  let admin: Browser;
  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'boss@example.com', role: 'admin' });
    admin = site.browser();
    await admin.login('boss@example.com');
  });
  after(() => site.close());

  async function invite(email: string, role: string): Promise<Response> {
    return admin.post('/admin/users/invitations', { _csrf: await admin.csrfToken('/admin/users'), email, role });
  }

  test('bad addresses, unknown roles and taken addresses are refused, and nothing is made', async () => {
    assert.equal((await invite('not an address', 'writer')).status, 400);
    assert.equal((await invite('new@example.com', 'boss')).status, 400);
    const taken = await invite('BOSS@example.com', 'writer');
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /has an account already/);
    const writer = site.browser();
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await writer.login('writer@example.com');
    const forbidden = await writer.post('/admin/users/invitations', {
      _csrf: await writer.csrfToken('/admin/account'),
      email: 'x@example.com',
      role: 'admin',
    });
    assert.equal(forbidden.status, 403);
    assert.equal((await site.db.selectFrom('invitations').select('id').execute()).length, 0);
  });

  test('the invitee sets name and password once and signs in with the invited role', async () => {
    const path = await linkOnPage(await invite('Sana@Example.com', 'editor'), 'invite');
    const list = await (await admin.get('/admin/users')).text();
    assert.match(list, /sana@example\.com/);

    const invitee = site.browser();
    const page = await invitee.get(path);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /invited as editor/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const noName = await invitee.post(path, { _csrf: csrf, name: '  ', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    assert.equal(noName.status, 400);
    assert.match(await noName.text(), /Give your name/);
    const short = await invitee.post(path, { _csrf: csrf, name: 'Sana', password: 'short', confirm: 'short' });
    assert.equal(short.status, 400);
    assert.equal(
      await site.db.selectFrom('users').select('id').where('email', '=', 'sana@example.com').executeTakeFirst(),
      undefined,
    );

    const done = await invitee.post(path, {
      _csrf: csrf,
      name: 'Sana Mir',
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/admin/login?done=invitation-accepted');
    const browser = site.browser();
    assert.equal((await browser.login('sana@example.com', NEW_PASSWORD)).status, 303);
    const me = await (await browser.get('/api/v1/admin/me')).json();
    assert.equal(me.role, 'editor');
    assert.equal(me.name, 'Sana Mir');

    const again = await site.browser().get(path);
    assert.equal(again.status, 410);
    assert.doesNotMatch(await (await admin.get('/admin/users')).text(), /Withdraw the invitation of sana@example\.com/);
    assert.ok((await actions(site)).includes('user.invite'));
    assert.ok((await actions(site)).includes('user.invitation-accept'));
  });

  test('a withdrawn invitation no longer works; an expired one neither', async () => {
    const path = await linkOnPage(await invite('omar@example.com', 'writer'), 'invite');
    const row = await site.db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'omar@example.com')
      .executeTakeFirstOrThrow();
    const csrf = await admin.csrfToken('/admin/users');
    const revoked = await admin.post(`/admin/users/invitations/${row.id}/revoke`, { _csrf: csrf });
    assert.equal(revoked.status, 303);
    assert.equal((await admin.post(`/admin/users/invitations/${row.id}/revoke`, { _csrf: csrf })).status, 404);
    assert.equal((await admin.post('/admin/users/invitations/abc/revoke', { _csrf: csrf })).status, 400);
    const page = await site.browser().get(path);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /withdrawn/);

    const later = await linkOnPage(await invite('later@example.com', 'writer'), 'invite');
    site.advance(8 * DAY);
    assert.equal((await site.browser().get(later)).status, 410);
    await admin.login('boss@example.com');
    assert.match(await (await admin.get('/admin/users')).text(), /Expired/);
  });
});

describe('disable, enable and sessions', () => {
  let site: AdminSite;
  let admin: Browser;
  let adminId: number;
  before(async () => {
    site = await startAdminSite();
    adminId = (await site.addUser({ email: 'boss@example.com', role: 'admin' })).id;
    admin = site.browser();
    await admin.login('boss@example.com');
  });
  after(() => site.close());

  test('a disabled person is signed out at once and cannot sign in; enabled, they can', async () => {
    const kamran = await site.addUser({ email: 'kamran@example.com', role: 'editor' });
    const browser = site.browser();
    await browser.login('kamran@example.com');
    const csrf = await admin.csrfToken('/admin/users');
    assert.equal((await admin.post(`/admin/users/${kamran.id}/disable`, { _csrf: csrf })).status, 303);
    assert.equal((await browser.get('/admin')).status, 303);
    assert.equal((await site.browser().login('kamran@example.com')).status, 401);
    assert.equal((await admin.post(`/admin/users/${kamran.id}/disable`, { _csrf: csrf })).status, 409);
    assert.equal((await admin.post(`/admin/users/${kamran.id}/enable`, { _csrf: csrf })).status, 303);
    assert.equal((await admin.post(`/admin/users/${kamran.id}/enable`, { _csrf: csrf })).status, 409);
    assert.equal((await admin.post('/admin/users/99999/enable', { _csrf: csrf })).status, 404);
    assert.equal((await site.browser().login('kamran@example.com')).status, 303);
    assert.ok((await actions(site)).includes('user.enable'));
  });

  test('a session on another process of the site ends too, at its next request', async (t) => {
    const sibling = await site.startSibling();
    t.after(() => sibling.stop());
    const farah = await site.addUser({ email: 'farah@example.com', role: 'writer' });
    const there = sibling.browser();
    assert.equal((await there.login('farah@example.com')).status, 303);
    assert.equal((await there.get('/admin')).status, 200);
    const csrf = await admin.csrfToken('/admin/users');
    assert.equal((await admin.post(`/admin/users/${farah.id}/disable`, { _csrf: csrf })).status, 303);
    assert.equal((await there.get('/admin')).status, 303);
    assert.equal((await sibling.browser().login('farah@example.com')).status, 401);
  });

  test('an admin cannot demote or disable themselves', async () => {
    const csrf = await admin.csrfToken('/admin/users');
    assert.equal((await admin.post(`/admin/users/${adminId}/role`, { _csrf: csrf, role: 'writer' })).status, 400);
    assert.equal((await admin.post(`/admin/users/${adminId}/disable`, { _csrf: csrf })).status, 400);
    assert.equal((await admin.get('/admin')).status, 200);
  });

  test('a person sees their sessions and ends one or all others', async () => {
    await site.addUser({ email: 'nida@example.com', role: 'writer' });
    const desk = site.browser();
    const phone = site.browser();
    const tablet = site.browser();
    await desk.login('nida@example.com');
    await phone.request('GET', '/admin/login', undefined, {});
    await phone.login('nida@example.com');
    await tablet.login('nida@example.com');
    const page = await (await desk.get('/admin/account')).text();
    assert.match(page, /This browser/);
    const ids = [...page.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    assert.equal(ids.length, 2, 'two other sessions, each with an end button');
    const csrf = await desk.csrfToken('/admin/account');

    assert.equal((await desk.post('/admin/account/sessions/end', { _csrf: csrf, session: 'zz' })).status, 400);
    assert.equal(
      (await desk.post('/admin/account/sessions/end', { _csrf: csrf, session: 'a'.repeat(64) })).status,
      404,
    );
    assert.equal((await desk.post('/admin/account/sessions/end', { session: ids[0] ?? '' })).status, 403, 'no token');
    assert.equal((await phone.get('/admin')).status, 200);
    assert.equal((await tablet.get('/admin')).status, 200);

    assert.equal((await desk.post('/admin/account/sessions/end', { _csrf: csrf, session: ids[0] ?? '' })).status, 303);
    const stillIn = [(await phone.get('/admin')).status, (await tablet.get('/admin')).status].sort();
    assert.deepEqual(stillIn, [200, 303], 'exactly one of the other two ended');
    assert.equal((await desk.post('/admin/account/sessions/end-others', { _csrf: csrf })).status, 303);
    assert.equal((await phone.get('/admin')).status, 303);
    assert.equal((await tablet.get('/admin')).status, 303);
    assert.equal((await desk.get('/admin')).status, 200, 'this browser stays signed in');
  });

  test('an admin sees someone’s sessions and ends one or all of them', async () => {
    const omar = await site.addUser({ email: 'omar@example.com', role: 'writer' });
    const one = site.browser();
    const two = site.browser();
    await one.login('omar@example.com');
    await two.login('omar@example.com');
    const page = await (await admin.get(`/admin/users/${omar.id}`)).text();
    const ids = [...page.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    assert.equal(ids.length, 2);
    const csrf = await admin.csrfToken(`/admin/users/${omar.id}`);
    assert.equal(
      (await admin.post(`/admin/users/${omar.id}/sessions/end`, { _csrf: csrf, session: 'b'.repeat(64) })).status,
      404,
    );
    assert.equal(
      (await admin.post(`/admin/users/${omar.id}/sessions/end`, { _csrf: csrf, session: ids[0] ?? '' })).status,
      303,
    );
    assert.deepEqual([(await one.get('/admin')).status, (await two.get('/admin')).status].sort(), [200, 303]);
    assert.equal((await admin.post(`/admin/users/${omar.id}/sessions/end-all`, { _csrf: csrf })).status, 303);
    assert.equal((await one.get('/admin')).status, 303);
    assert.equal((await two.get('/admin')).status, 303);
    assert.equal((await admin.post(`/admin/users/${adminId}/sessions/end-all`, { _csrf: csrf })).status, 400);
    assert.equal((await admin.get('/admin/users/99999')).status, 404);
    const writer = site.browser();
    await writer.login('omar@example.com');
    assert.equal((await writer.get(`/admin/users/${omar.id}`)).status, 403);
  });
});
