import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordAudit } from '../../src/store/audit/auditLog.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages, type HtmlDocument } from '../support/htmlChecker.js';
import { startSmtpSink } from '../support/smtpSink.js';
import { startAdminSite } from './adminSite.js';

test('every newsroom page is valid HTML (Nu HTML checker)', { skip: skipUnlessAvailable(['java']) }, async (t) => {
  requireTools(['java']);
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'boss@example.com', role: 'admin' });
  await site.addUser({ email: 'writer@example.com', role: 'writer' });
  await recordAudit(site.db, {
    at: new Date(),
    actor: { kind: 'system', name: 'test' },
    action: 'article.publish',
    subject: { type: 'article', id: 1 },
    details: { headline: '<b>not markup</b>' },
  });
  const documents: HtmlDocument[] = [];
  const anonymous = site.browser();
  documents.push({ name: 'login', html: await (await anonymous.get('/admin/login')).text() });
  documents.push({
    name: 'login-failed',
    html: await (await anonymous.login('boss@example.com', 'wrong password!!')).text(),
  });
  const admin = site.browser();
  await admin.login('boss@example.com');
  const writer = site.browser();
  await writer.login('writer@example.com');
  const writerId = (
    await site.db.selectFrom('users').select('id').where('email', '=', 'writer@example.com').executeTakeFirstOrThrow()
  ).id;
  // The pages of accounts people manage: a link just made (reset and invitation), and what its holder sees.
  const resetMade = await admin.post(`/admin/users/${writerId}/reset-link`, {
    _csrf: await admin.csrfToken('/admin/users'),
  });
  const resetHtml = await resetMade.text();
  documents.push({ name: 'reset-link-made', html: resetHtml });
  const invited = await admin.post('/admin/users/invitations', {
    _csrf: await admin.csrfToken('/admin/users'),
    email: 'new@example.com',
    role: 'editor',
  });
  const inviteHtml = await invited.text();
  documents.push({ name: 'invitation-made', html: inviteHtml });
  // A site without demo content: no sections yet, so the editor says where to make one.
  for (const path of ['/admin/sections', '/admin/articles/new']) {
    const response = await admin.get(path);
    assert.equal(response.status, 200, path);
    documents.push({ name: `empty${path.replace(/\W+/g, '-')}`, html: await response.text() });
  }
  const sectionsToken = await admin.csrfToken('/admin/sections');
  for (const name of ['Markets', 'World', 'پاکستان']) {
    const made = await admin.post('/admin/sections', { _csrf: sectionsToken, name });
    assert.equal(made.status, 303, name);
  }
  const refusedSection = await admin.post('/admin/sections', { _csrf: sectionsToken, name: 'World', slug: 'world' });
  assert.equal(refusedSection.status, 422);
  documents.push({ name: 'sections-refused', html: await refusedSection.text() });
  for (const path of [
    '/admin/sections?notice=created',
    '/admin',
    '/admin/users',
    '/admin/audit',
    '/admin/users?notice=role-changed',
    `/admin/users/${writerId}`,
    '/admin/account',
  ]) {
    const response = await admin.get(path);
    assert.equal(response.status, 200, path);
    documents.push({ name: path.replace(/\W+/g, '-'), html: await response.text() });
  }
  const resetPath = new URL(/value="(http[^"]+)"/.exec(resetHtml)?.[1] ?? 'http://x/none').pathname;
  const invitePath = new URL(/value="(http[^"]+)"/.exec(inviteHtml)?.[1] ?? 'http://x/none').pathname;
  const holder = site.browser();
  for (const [name, path, status] of [
    ['reset-form', resetPath, 200],
    ['invitation-form', invitePath, 200],
    ['link-unknown', `/admin/reset/1.${'A'.repeat(43)}`, 404],
  ] as const) {
    const response = await holder.get(path);
    assert.equal(response.status, status, path);
    documents.push({ name, html: await response.text() });
  }
  const refusedReset = await holder.post(resetPath, {
    _csrf: await holder.csrfToken(resetPath),
    password: 'one long password',
    confirm: 'another long password',
  });
  assert.equal(refusedReset.status, 400);
  documents.push({ name: 'reset-refused', html: await refusedReset.text() });
  documents.push({ name: 'forbidden', html: await (await writer.get('/admin/users')).text() });
  documents.push({ name: 'writer-dashboard', html: await (await writer.get('/admin')).text() });
  // With a mail server: the page saying where a link went, and the one showing it when the mail failed.
  const smtp = await startSmtpSink();
  const mailing = await startAdminSite({ serve: { smtpUrl: smtp.url, mailFrom: 'news@example.com' } });
  t.after(() => mailing.close());
  await mailing.addUser({ email: 'boss@example.com', role: 'admin' });
  const mailAdmin = mailing.browser();
  await mailAdmin.login('boss@example.com');
  for (const [name, email] of [
    ['invitation-mailed', 'mailed@example.com'],
    ['invitation-mail-failed', 'failed@example.com'],
  ] as const) {
    const response = await mailAdmin.post('/admin/users/invitations', {
      _csrf: await mailAdmin.csrfToken('/admin/users'),
      email,
      role: 'writer',
    });
    const html = await response.text();
    assert.match(html, name === 'invitation-mailed' ? /Sent to mailed@example\.com/ : /was not sent/);
    documents.push({ name, html });
    // The server goes away after the first mail, so the second fails.
    if (name === 'invitation-mailed') await smtp.close();
  }
  const messages = await checkHtml(documents);
  const errors = messages.filter((message) => message.type !== 'info');
  assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  assert.ok(!documents.some((d) => d.html.includes('<b>not markup</b>')), 'audit details are escaped');
});
