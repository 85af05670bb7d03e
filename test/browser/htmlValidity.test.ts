import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages, type HtmlDocument } from '../support/htmlChecker.js';
import { sitePages } from '../support/sitePages.js';
import { type RunningTestApp, startTestApp } from '../support/testApp.js';

describe('HTML validity (Nu HTML checker)', { skip: skipUnlessAvailable(['java']) }, () => {
  let site: RunningTestApp;

  before(async () => {
    requireTools(['java']);
    site = await startTestApp();
  });

  after(async () => {
    await site?.stop();
  });

  test('every kind of page is valid HTML', async () => {
    const documents: HtmlDocument[] = [];
    for (const page of await sitePages(site.app.store)) {
      const response = await fetch(site.url(page.path));
      assert.equal(response.status, page.status, `${page.path} answered ${response.status}`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      documents.push({ name: page.name, html: await response.text() });
    }
    // A known-broken page in the same run proves the checker ran and its findings are read.
    documents.push({ name: 'control-broken', html: '<!doctype html><html lang="en"><title>x</title><p><div>x</p>' });
    const messages = await checkHtml(documents);
    const control = messages.filter((message) => message.document === 'control-broken' && message.type === 'error');
    assert.ok(control.length > 0, 'the checker found nothing wrong with a broken page');
    const errors = messages.filter((message) => message.document !== 'control-broken' && message.type !== 'info');
    assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  });
});
