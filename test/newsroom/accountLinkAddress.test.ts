import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startAdminSite } from './adminSite.js';

/** The address on an admin's "link made" page. */
async function linkShown(response: Response): Promise<string> {
  assert.equal(response.status, 200);
  const address = /value="([^"]+\/admin\/reset\/[^"]+)"/.exec(await response.text())?.[1];
  assert.ok(address, 'no link on the page');
  return address;
}

test('behind a trusted proxy a link takes the forwarded host; an untrusted peer’s header changes nothing', async (t) => {
  const site = await startAdminSite({ serve: { trustedProxy: '127.0.0.1' } });
  t.after(() => site.close());
  await site.addUser({ email: 'boss@example.com', role: 'admin' });
  const writer = await site.addUser({ email: 'w@example.com', role: 'writer' });
  const admin = site.browser();
  await admin.login('boss@example.com');
  const forwarded = { 'x-forwarded-host': 'news.example.com', 'x-forwarded-proto': 'https' };
  const csrf = await admin.csrfToken('/admin/users');
  const address = await linkShown(await admin.post(`/admin/users/${writer.id}/reset-link`, { _csrf: csrf }, forwarded));
  assert.match(address, /^https:\/\/news\.example\.com\/admin\/reset\/\d+\.[A-Za-z0-9_-]{43}$/);
  // The link works on the site itself, whatever host it was written for.
  assert.equal((await site.browser().get(new URL(address).pathname)).status, 200);

  const direct = await startAdminSite();
  t.after(() => direct.close());
  await direct.addUser({ email: 'boss@example.com', role: 'admin' });
  const other = await direct.addUser({ email: 'w@example.com', role: 'writer' });
  const directAdmin = direct.browser();
  await directAdmin.login('boss@example.com');
  const plain = await linkShown(
    await directAdmin.post(
      `/admin/users/${other.id}/reset-link`,
      { _csrf: await directAdmin.csrfToken('/admin/users') },
      forwarded,
    ),
  );
  assert.equal(new URL(plain).origin, direct.baseUrl, 'no proxy trusted: the request’s own origin');
});

test('with --public-url a link is made on it', async (t) => {
  const site = await startAdminSite({ serve: { publicUrl: 'https://www.broadsheet.example' } });
  t.after(() => site.close());
  await site.addUser({ email: 'boss@example.com', role: 'admin' });
  const writer = await site.addUser({ email: 'w@example.com', role: 'writer' });
  const admin = site.browser();
  await admin.login('boss@example.com');
  const address = await linkShown(
    await admin.post(`/admin/users/${writer.id}/reset-link`, { _csrf: await admin.csrfToken('/admin/users') }),
  );
  assert.match(address, /^https:\/\/www\.broadsheet\.example\/admin\/reset\//);
});
