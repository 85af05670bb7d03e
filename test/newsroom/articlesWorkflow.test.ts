import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, startAdminSite } from './adminSite.js';
import { addSections, api, page, story, tokenFor } from './articlesFixture.js';

describe('the article workflow through the JSON API and the reader site', () => {
  let site: AdminSite;
  let writer: ReturnType<typeof api>;
  let editor: ReturnType<typeof api>;
  let moderator: ReturnType<typeof api>;
  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    writer = api(site, await tokenFor(site, 'writer', 'Writer Script'));
    editor = api(site, await tokenFor(site, 'editor', 'Desk Script'));
    moderator = api(site, await tokenFor(site, 'moderator'));
  });
  after(() => site.close());

  test('a writer drafts and submits; publishing is refused with 403 and changes nothing; an editor publishes', async () => {
    const created = await writer.create(story({ headline: 'Writer draft on cement despatches' }));
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'draft');
    assert.equal(created.body.revision, 1);
    const id: number = created.body.id;

    const refused = await writer.transition(id, 'publish');
    assert.equal(refused.status, 403);
    assert.equal((await writer.get(id)).body.status, 'draft');
    assert.equal((await page(site, `/news/${id}/${created.body.slug}`)).status, 404, 'a draft is not on the site');

    assert.equal((await writer.transition(id, 'submit')).body.status, 'in_review');
    assert.equal((await writer.transition(id, 'kill')).status, 403);
    // Writers edit their own drafts only: once in review, the desk has it.
    const edit = await writer.update(id, { ...story({ headline: 'Changed' }), baseRevision: 1 });
    assert.equal(edit.status, 403);

    const published = await editor.transition(id, 'publish');
    assert.equal(published.status, 200);
    assert.equal(published.body.status, 'published');
    const reader = await page(site, `/news/${id}/${created.body.slug}`);
    assert.equal(reader.status, 200);
    assert.match(reader.html, /Writer draft on cement despatches/);
    // Nothing moves out of an impossible state.
    assert.equal((await editor.transition(id, 'submit')).status, 409);
  });

  test('a moderator cannot touch articles', async () => {
    assert.equal((await moderator.list()).status, 403);
    assert.equal((await moderator.create(story())).status, 403);
  });

  test('publishing shows the headline on the cached home page at the very next request', async () => {
    const before = await page(site, '/');
    assert.equal(before.status, 200);
    assert.doesNotMatch(before.html, /Cement makers lift prices/);
    // The home page is now cached (for 5 s by default); publishing must drop it.
    const { body } = await editor.create(story({ headline: 'Cement makers lift prices', tags: ['Cement'] }));
    await page(site, '/tags/cement');
    assert.equal((await editor.transition(body.id, 'publish')).status, 200);
    assert.match((await page(site, '/')).html, /Cement makers lift prices/);
    assert.match((await page(site, '/markets')).html, /Cement makers lift prices/);
  });

  test('an edit based on an old revision is refused with 409 and a diff link; nothing is overwritten', async () => {
    const { body } = await editor.create(story({ headline: 'Rupee steady against dollar' }));
    const id: number = body.id;
    const first = await editor.update(id, { ...story({ headline: 'Rupee firm against dollar' }), baseRevision: 1 });
    assert.equal(first.status, 200);
    assert.equal(first.body.revision, 2);
    const stale = await writer.update(id, { ...story({ headline: 'Rupee weak' }), baseRevision: 1 });
    assert.equal(stale.status, 403, 'not the writer’s draft');
    const conflict = await editor.update(id, { ...story({ headline: 'Rupee slips' }), baseRevision: 1 });
    assert.equal(conflict.status, 409);
    assert.match(conflict.body.message, /latest is 2/);
    assert.equal(conflict.body.diffUrl, `/api/v1/admin/articles/${id}/diff?from=1&to=2`);
    assert.equal((await editor.get(id)).body.headline, 'Rupee firm against dollar');

    const diff = await editor.diff(id, 1, 2);
    assert.equal(diff.status, 200);
    const headline = diff.body.fields.find((field: { field: string }) => field.field === 'headline');
    assert.equal(headline.changed, true);
    assert.deepEqual(
      headline.parts.filter((part: { kind: string }) => part.kind !== 'same').map((p: { text: string }) => p.text),
      ['steady', 'firm'],
    );
    assert.equal(diff.body.fields.find((field: { field: string }) => field.field === 'body').changed, false);

    const restored = await editor.restore(id, 1, 2);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.revision, 3);
    assert.equal(restored.body.headline, 'Rupee steady against dollar');
    const history = await editor.revisions(id);
    assert.deepEqual(
      history.body.items.map((r: { number: number; note: string; author: { name: string } }) => [r.number, r.note]),
      [
        [3, 'Restored revision 1'],
        [2, 'Edited'],
        [1, 'Created'],
      ],
    );
    assert.equal(history.body.items[0].author.name, 'Desk Script');
    assert.equal((await writer.restore(id, 2, 3)).status, 403);
  });

  test('invalid content is refused with 422 field by field and nothing is saved', async () => {
    const bad = await editor.create(
      story({ headline: '  ', sectionSlug: 'sport', body: [{ type: 'video', text: 'x' }], printPage: 0 }),
    );
    assert.equal(bad.status, 422);
    const fields = bad.body.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(fields, ['body.0', 'headline', 'printPage']);
    const total = (await editor.list()).body.total;
    const noSection = await editor.create(story({ sectionSlug: 'sport' }));
    assert.equal(noSection.status, 422);
    assert.equal((await editor.list()).body.total, total);
  });

  test('a correction shows under the headline with its time, and the page says Updated', async () => {
    const { body } = await editor.create(story({ headline: 'Oil imports fall in January' }));
    await editor.transition(body.id, 'publish');
    const url = `/news/${body.id}/${body.slug}`;
    assert.doesNotMatch((await page(site, url)).html, /Correction/);
    assert.equal((await editor.correct(body.id, 'correction', 'An earlier version gave the wrong month.')).status, 201);
    const html = (await page(site, url)).html;
    assert.match(html, /Correction, 31 Jan 2023 13:00:<\/time>|Correction, <time[^>]*>31 Jan 2023 13:00<\/time>:/);
    assert.match(html, /An earlier version gave the wrong month\./);
    assert.match(html, /Updated/);
    assert.equal((await writer.correct(body.id, 'update', 'x')).status, 403);
  });

  test('a killed story is 410 for readers and gone from home, section, tag and related lists', async () => {
    const tagged = await editor.create(story({ headline: 'Refinery policy approved', tags: ['Refinery Policy'] }));
    const neighbour = await editor.create(story({ headline: 'Refinery output rises', tags: ['Refinery Policy'] }));
    await editor.transition(tagged.body.id, 'publish');
    await editor.transition(neighbour.body.id, 'publish');
    const url = `/news/${tagged.body.id}/${tagged.body.slug}`;
    const neighbourUrl = `/news/${neighbour.body.id}/${neighbour.body.slug}`;
    // Warm the cache with every page that shows it.
    for (const path of [url, neighbourUrl, '/', '/sections/markets', '/tags/refinery-policy', '/markets']) {
      assert.match((await page(site, path)).html, /Refinery policy approved/, path);
    }
    assert.equal((await writer.transition(tagged.body.id, 'kill')).status, 403);
    assert.equal((await editor.transition(tagged.body.id, 'kill')).body.status, 'killed');

    const gone = await page(site, url);
    assert.equal(gone.status, 410);
    assert.match(gone.html, /This article has been withdrawn/);
    assert.equal((await page(site, `/news/${tagged.body.id}`)).status, 410);
    for (const path of [neighbourUrl, '/', '/sections/markets', '/tags/refinery-policy', '/markets']) {
      assert.doesNotMatch((await page(site, path)).html, /Refinery policy approved/, path);
    }
    // Killed is final.
    assert.equal((await editor.transition(tagged.body.id, 'publish')).status, 409);
    assert.equal((await editor.update(tagged.body.id, { ...story(), baseRevision: 1 })).status, 403);
  });

  test('unpublish takes a story off the site (404) and it can be published again', async () => {
    const { body } = await editor.create(story({ headline: 'Budget talks resume' }));
    await editor.transition(body.id, 'publish');
    const url = `/news/${body.id}/${body.slug}`;
    assert.equal((await page(site, url)).status, 200);
    assert.equal((await editor.transition(body.id, 'unpublish')).body.status, 'unpublished');
    assert.equal((await page(site, url)).status, 404);
    assert.doesNotMatch((await page(site, '/')).html, /Budget talks resume/);
    assert.equal((await editor.transition(body.id, 'publish')).status, 200);
    assert.equal((await page(site, url)).status, 200);
  });

  test('scheduling needs a future time; the scheduler publishes what is due', async () => {
    const { body } = await editor.create(story({ headline: 'Monetary policy statement due' }));
    const past = await editor.transition(body.id, 'schedule', '2023-01-31T07:00:00Z');
    assert.equal(past.status, 422);
    const scheduled = await editor.transition(body.id, 'schedule', '2023-01-31T09:00:00Z');
    assert.equal(scheduled.body.status, 'scheduled');
    assert.equal(scheduled.body.scheduledAt, '2023-01-31T09:00:00.000Z');
    assert.deepEqual(await site.app.scheduledPublisher.runOnce(), []);
    site.advance(2 * 60 * 60 * 1000);
    assert.deepEqual(await site.app.scheduledPublisher.runOnce(), [body.id]);
    const after = (await editor.get(body.id)).body;
    assert.equal(after.status, 'published');
    assert.equal(after.publishedAt, '2023-01-31T09:00:00.000Z', 'published at the time the desk chose');
    assert.match((await page(site, '/')).html, /Monetary policy statement due/);
  });
});
