import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordAudit } from '../../src/store/audit/auditLog.js';
import { startAdminSite } from './adminSite.js';

test('the audit log page lists entries newest first, 50 a page, with a link to older ones', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'boss@example.com', role: 'admin' });
  for (let i = 1; i <= 60; i++) {
    await recordAudit(site.db, {
      at: new Date(Date.UTC(2023, 0, 1, 0, i)),
      actor: { kind: 'system', name: 'test' },
      action: 'article.publish',
      subject: { type: 'article', id: i },
      details: { n: i },
    });
  }
  const admin = site.browser();
  await admin.login('boss@example.com');
  const first = await admin.get('/admin/audit');
  assert.equal(first.status, 200);
  const html = await first.text();
  const subjects = [...html.matchAll(/<td>article (\d+)<\/td>/g)].map((m) => Number(m[1]));
  // The sign-in itself is the newest entry, then article 60 downwards.
  assert.match(html, /user\.login/);
  assert.equal(subjects[0], 60);
  assert.equal(subjects.length, 49);
  const older = /href="(\/admin\/audit\?before=\d+)"/.exec(html)?.[1];
  assert.ok(older);
  const second = await (await admin.get(older)).text();
  const rest = [...second.matchAll(/<td>article (\d+)<\/td>/g)].map((m) => Number(m[1]));
  assert.deepEqual(rest, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  assert.doesNotMatch(second, /Older entries/);
  assert.match(second, /&quot;n&quot;:1\b|"n":1/);
});

test('the audit page refuses a bad page marker with 400', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'boss@example.com', role: 'admin' });
  const admin = site.browser();
  await admin.login('boss@example.com');
  assert.equal((await admin.get('/admin/audit?before=abc')).status, 400);
});
