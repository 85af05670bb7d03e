import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startAdminSite } from './adminSite.js';

test('five failed sign-ins lock the address and the account for 15 minutes with 429 + Retry-After', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  const browser = site.browser();
  for (let i = 0; i < 5; i++) {
    assert.equal((await browser.login('ed@example.com', 'wrong password number')).status, 401, `attempt ${i + 1}`);
  }
  // Even the right password is refused now, without being checked.
  const locked = await browser.login('ed@example.com');
  assert.equal(locked.status, 429);
  assert.equal(locked.headers.get('retry-after'), '900');
  assert.match(await locked.text(), /Too many failed sign-ins/);
  assert.equal(browser.cookie('bs_session'), undefined);

  // The same account from elsewhere is locked too (per-account limit); tests all come from 127.0.0.1,
  // so the per-address limit is shown by another account from the same address.
  await site.addUser({ email: 'other@example.com', role: 'writer' });
  assert.equal((await site.browser().login('other@example.com')).status, 429, 'same address, other account');

  site.advance(15 * 60 * 1000);
  assert.equal((await site.browser().login('ed@example.com')).status, 303);
});

test('an unknown address is throttled like a known one (no hint which addresses exist)', async (t) => {
  const site = await startAdminSite({ admin: { loginThrottle: { maxFailures: 2, windowMs: 60_000 } } });
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  const browser = site.browser();
  for (let i = 0; i < 2; i++) await browser.login('nobody@example.com', 'wrong password here');
  const locked = await browser.login('nobody@example.com', 'wrong password here');
  assert.equal(locked.status, 429);
  assert.ok(Number(locked.headers.get('retry-after')) > 0);
});
