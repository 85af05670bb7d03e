import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordAudit } from '../../src/store/audit/auditLog.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages, type HtmlDocument } from '../support/htmlChecker.js';
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
  for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/users?notice=role-changed']) {
    const response = await admin.get(path);
    assert.equal(response.status, 200, path);
    documents.push({ name: path.replace(/\W+/g, '-'), html: await response.text() });
  }
  const writer = site.browser();
  await writer.login('writer@example.com');
  documents.push({ name: 'forbidden', html: await (await writer.get('/admin/users')).text() });
  documents.push({ name: 'writer-dashboard', html: await (await writer.get('/admin')).text() });
  const messages = await checkHtml(documents);
  const errors = messages.filter((message) => message.type !== 'info');
  assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  assert.ok(!documents.some((d) => d.html.includes('<b>not markup</b>')), 'audit details are escaped');
});
