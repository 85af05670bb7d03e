import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addSections, api, page, story, tokenFor } from './articlesFixture.js';

async function signedIn(site: AdminSite, email: string): Promise<{ browser: Browser; csrf: string }> {
  const browser = site.browser();
  assert.equal((await browser.login(email)).status, 303);
  return { browser, csrf: await browser.csrfToken('/admin') };
}

/** The id of a story the writer drafts through the form, as a person would. */
async function draftByForm(writer: { browser: Browser; csrf: string }, headline: string) {
  const created = await writer.browser.post('/admin/articles', {
    _csrf: writer.csrf,
    baseRevision: '0',
    blockCount: '1',
    'block-0-type': 'paragraph',
    'block-0-text': 'The rupee closed at 277.5 to the dollar.',
    headline,
    summary: 'The currency held its ground.',
    sectionSlug: 'markets',
    byline: 'writer',
    dateline: 'KARACHI',
    tags: 'Rupee',
    printPage: '',
    seoTitle: '',
    seoDescription: '',
    note: '',
    op: 'save',
  });
  assert.equal(created.status, 303);
  const location = created.headers.get('location') ?? '';
  const match = /^\/admin\/articles\/(\d+)\?notice=created$/.exec(location);
  assert.ok(match, location);
  return Number(match[1]);
}

describe('send-back, read-only views, spike and embargo', () => {
  let site: AdminSite;
  let writerApi: ReturnType<typeof api>;
  let editorApi: ReturnType<typeof api>;
  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    for (const role of ['writer', 'editor'] as const) await site.addUser({ email: `${role}@example.com`, role });
    await site.addUser({ email: 'other@example.com', role: 'writer' });
    writerApi = api(site, await tokenFor(site, 'writer', 'Writer Script'));
    editorApi = api(site, await tokenFor(site, 'editor', 'Desk Script'));
  });
  after(() => site.close());

  test('an editor sends a story in review back with a note; the writer sees it, edits and resubmits', async () => {
    const writer = await signedIn(site, 'writer@example.com');
    const editor = await signedIn(site, 'editor@example.com');
    const id = await draftByForm(writer, 'Rupee holds at 277 against the dollar');
    const submitted = await writer.browser.post(`/admin/articles/${id}/transition`, {
      _csrf: writer.csrf,
      action: 'submit',
    });
    assert.equal(submitted.status, 303);

    // In review, the writer reads the story: no form that Save would answer with 403.
    const readOnly = await (await writer.browser.get(`/admin/articles/${id}`)).text();
    assert.match(readOnly, /Content \(read only\)/);
    assert.doesNotMatch(readOnly, /class="article-form"/);
    assert.doesNotMatch(readOnly, /name="headline"/);
    assert.match(readOnly, /Rupee holds at 277 against the dollar/);

    // The note is required: a blank one is refused and nothing moves.
    const blank = await editor.browser.post(`/admin/articles/${id}/transition`, {
      _csrf: editor.csrf,
      action: 'sendBack',
      note: '  ',
    });
    assert.equal(blank.status, 422);
    assert.match(await blank.text(), /note is required/);
    assert.equal((await editorApi.get(id)).body.status, 'in_review');
    // A writer cannot send back.
    const byWriter = await writer.browser.post(`/admin/articles/${id}/transition`, {
      _csrf: writer.csrf,
      action: 'sendBack',
      note: 'Looks fine to me',
    });
    assert.equal(byWriter.status, 403);

    const sent = await editor.browser.post(`/admin/articles/${id}/transition`, {
      _csrf: editor.csrf,
      action: 'sendBack',
      note: 'Add the interbank closing rate & the source.',
    });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `/admin/articles/${id}?notice=sendBack`);
    const after = (await editorApi.get(id)).body;
    assert.equal(after.status, 'draft');
    assert.equal(after.revision, 2, 'the send-back is a revision: an editor open on revision 1 is now stale');
    assert.deepEqual(
      { note: after.sentBack.note, by: after.sentBack.by },
      { note: 'Add the interbank closing rate & the source.', by: 'editor' },
    );

    const writerView = await (await writer.browser.get(`/admin/articles/${id}`)).text();
    assert.match(writerView, /Sent back to the writer/);
    assert.match(writerView, /Add the interbank closing rate &amp; the source\./);
    assert.match(writerView, /class="article-form"/, 'the draft is the writer’s to edit again');
    const history = (await editorApi.revisions(id)).body.items;
    assert.equal(history[0].note, 'Sent back to the writer: Add the interbank closing rate & the source.');
    assert.equal(history[0].author.name, 'editor');
    const revisionsPage = await (await writer.browser.get(`/admin/articles/${id}/revisions`)).text();
    assert.match(revisionsPage, /Sent back to the writer: Add the interbank closing rate &amp; the source\./);

    // Submitting again clears the note.
    await writer.browser.post(`/admin/articles/${id}/transition`, { _csrf: writer.csrf, action: 'submit' });
    assert.equal((await editorApi.get(id)).body.sentBack, null);
  });

  test('the JSON API sends back too, and refuses without a note', async () => {
    const { body } = await writerApi.create(story({ headline: 'Cement despatches up 9pc' }));
    await writerApi.transition(body.id, 'submit');
    const refused = await editorApi.call('POST', `/${body.id}/transition`, { action: 'sendBack' });
    assert.equal(refused.status, 422);
    const sent = await editorApi.call('POST', `/${body.id}/transition`, {
      action: 'sendBack',
      note: 'Shorter, please.',
    });
    assert.equal(sent.status, 200);
    assert.equal(sent.body.status, 'draft');
    assert.equal(sent.body.sentBack.note, 'Shorter, please.');
    // Permission before status: a writer learns nothing from a 409; a draft cannot be sent back again.
    assert.equal(
      (await writerApi.call('POST', `/${body.id}/transition`, { action: 'sendBack', note: 'x' })).status,
      403,
    );
    assert.equal(
      (await editorApi.call('POST', `/${body.id}/transition`, { action: 'sendBack', note: 'x' })).status,
      409,
    );
  });

  test('writers read other writers’ drafts without a form; the owner edits', async () => {
    const owner = await signedIn(site, 'writer@example.com');
    const other = await signedIn(site, 'other@example.com');
    const id = await draftByForm(owner, 'Oil imports fall in January');
    const html = await (await other.browser.get(`/admin/articles/${id}`)).text();
    assert.match(html, /Content \(read only\)/);
    assert.doesNotMatch(html, /name="op"/);
    assert.doesNotMatch(html, /Spike this story/);
    assert.match(await (await owner.browser.get(`/admin/articles/${id}`)).text(), /Spike this story/);
  });

  test('a writer spikes an own draft after confirming; not another’s, nor a story in review; editors spike any unpublished story', async () => {
    const owner = await signedIn(site, 'writer@example.com');
    const other = await signedIn(site, 'other@example.com');
    const id = await draftByForm(owner, 'Draft to be spiked');

    const unconfirmed = await owner.browser.post(`/admin/articles/${id}/spike`, { _csrf: owner.csrf });
    assert.equal(unconfirmed.status, 422);
    assert.equal((await editorApi.get(id)).status, 200);
    const notOwner = await other.browser.post(`/admin/articles/${id}/spike`, { _csrf: other.csrf, confirm: 'SPIKE' });
    assert.equal(notOwner.status, 403);
    assert.equal((await editorApi.get(id)).status, 200);

    const spiked = await owner.browser.post(`/admin/articles/${id}/spike`, { _csrf: owner.csrf, confirm: 'SPIKE' });
    assert.equal(spiked.status, 303);
    assert.equal(spiked.headers.get('location'), '/admin/articles?notice=spiked');
    assert.equal((await editorApi.get(id)).status, 404);
    assert.equal((await editorApi.revisions(id)).status, 404);
    const audit = await site.db
      .selectFrom('audit_log')
      .select(['action', 'details_json'])
      .where('subject_id', '=', String(id))
      .where('action', '=', 'article.spike')
      .execute();
    assert.equal(audit.length, 1);
    assert.match(audit[0]?.details_json ?? '', /Draft to be spiked/);

    const inReview = await writerApi.create(story({ headline: 'In review, then spiked by the desk' }));
    await writerApi.transition(inReview.body.id, 'submit');
    assert.equal((await writerApi.call('DELETE', `/${inReview.body.id}`)).status, 403);
    assert.equal((await editorApi.call('DELETE', `/${inReview.body.id}`)).status, 204);
    assert.equal((await editorApi.get(inReview.body.id)).status, 404);

    const published = await editorApi.create(story({ headline: 'Published: never spiked' }));
    await editorApi.transition(published.body.id, 'publish');
    const refused = await editorApi.call('DELETE', `/${published.body.id}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /kill it instead/);
    assert.equal((await page(site, `/news/${published.body.id}/${published.body.slug}`)).status, 200);
  });

  test('an embargo holds publication and schedules before it, is flagged in the list and the editor, and the scheduler waits', async () => {
    const editor = await signedIn(site, 'editor@example.com');
    const { body } = await editorApi.create(story({ headline: 'Budget figures under embargo' }));
    const id: number = body.id;
    // Karachi 15:00 on the test day is 10:00 UTC: two hours after the site's clock.
    const set = await editor.browser.post(`/admin/articles/${id}/embargo`, {
      _csrf: editor.csrf,
      until: '2023-01-31T15:00',
    });
    assert.equal(set.status, 303);
    assert.equal((await editorApi.get(id)).body.embargoUntil, '2023-01-31T10:00:00.000Z');
    const bad = await editor.browser.post(`/admin/articles/${id}/embargo`, { _csrf: editor.csrf, until: 'soon' });
    assert.equal(bad.status, 422);
    assert.equal((await writerApi.call('PUT', `/${id}/embargo`, { until: null })).status, 403);

    const publish = await editorApi.transition(id, 'publish');
    assert.equal(publish.status, 409);
    assert.match(publish.body.message, /embargo/);
    const early = await editorApi.transition(id, 'schedule', '2023-01-31T09:00:00Z');
    assert.equal(early.status, 422);
    assert.equal((await page(site, `/news/${id}/${body.slug}`)).status, 404);

    const editorPage = await (await editor.browser.get(`/admin/articles/${id}`)).text();
    assert.match(editorPage, /Embargoed<\/strong> until 31 Jan, 2023 03:00pm/);
    const list = await (await editor.browser.get('/admin/articles?q=Budget')).text();
    assert.match(list, /Embargoed<\/strong> until/);
    const preview = await (await editor.browser.get(`/admin/articles/${id}/preview`)).text();
    assert.match(preview, /Embargoed/);

    assert.equal((await editorApi.transition(id, 'schedule', '2023-01-31T10:00:00Z')).status, 200);
    // An embargo moved past the scheduled time is refused: the schedule would break it.
    const later = await editorApi.call('PUT', `/${id}/embargo`, { until: '2023-01-31T11:00:00Z' });
    assert.equal(later.status, 422);
    site.advance(60 * 60 * 1000);
    assert.deepEqual(await site.app.scheduledPublisher.runOnce(), []);
    site.advance(60 * 60 * 1000);
    assert.deepEqual(await site.app.scheduledPublisher.runOnce(), [id]);
    assert.equal((await page(site, `/news/${id}/${body.slug}`)).status, 200);
    assert.doesNotMatch(await (await editor.browser.get(`/admin/articles/${id}`)).text(), /Embargoed<\/strong>/);
  });

  test('an editor lifts an embargo and may then publish', async () => {
    const { body } = await editorApi.create(story({ headline: 'Embargo lifted early' }));
    const set = await editorApi.call('PUT', `/${body.id}/embargo`, {
      until: new Date(Date.parse('2023-02-10T00:00:00Z')).toISOString(),
    });
    assert.equal(set.status, 200);
    assert.equal((await editorApi.transition(body.id, 'publish')).status, 409);
    const lifted = await editorApi.call('PUT', `/${body.id}/embargo`, { until: null });
    assert.equal(lifted.body.embargoUntil, null);
    assert.equal((await editorApi.transition(body.id, 'publish')).status, 200);
  });
});
