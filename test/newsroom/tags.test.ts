import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addStory } from './moderationFixture.js';

describe('tag administration', () => {
  let site: AdminSite;
  let browser: Browser;
  let token: string;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await addStory(site.app.store, { headline: 'War talk one', tags: ['RUssia Ukraine war', 'Oil'] });
    await addStory(site.app.store, { headline: 'War talk two', tags: ['Ukraine conflict', 'Oil'] });
    await addStory(site.app.store, { headline: 'War talk three', tags: ['Ukraine conflict'] });
    browser = site.browser();
    await browser.login('editor@example.com');
    token = await browser.csrfToken('/admin/tags');
  });
  after(() => site.close());

  test('the list shows tags with story counts and finds them case- and space-insensitively', async () => {
    const html = await (await browser.get('/admin/tags?q=%20russia%20%20UKRAINE')).text();
    assert.match(html, /RUssia Ukraine war/);
    assert.match(html, /russia-ukraine-war/);
    assert.doesNotMatch(html, /ukraine-conflict/);
    const all = await (await browser.get('/admin/tags')).text();
    assert.match(all, /3 tags/);
  });

  test('rename changes the name and slug; the old address answers 301 to the new one', async () => {
    const response = await browser.post('/admin/tags/russia-ukraine-war/rename', {
      _csrf: token,
      name: 'Russia-Ukraine War',
      slug: '',
    });
    assert.equal(response.status, 303);
    // "Russia-Ukraine War" folds to the same slug: only the display name changed, no redirect needed.
    assert.equal((await site.app.store.getTag('russia-ukraine-war'))?.name, 'Russia-Ukraine War');
    const moved = await browser.post('/admin/tags/russia-ukraine-war/rename', {
      _csrf: token,
      name: 'War in Ukraine',
      slug: 'war-in-ukraine',
    });
    assert.equal(moved.status, 303);
    const old = await fetch(`${site.baseUrl}/tags/russia-ukraine-war?page=1`, { redirect: 'manual' });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/tags/war-in-ukraine');
    const page = await fetch(`${site.baseUrl}/tags/war-in-ukraine`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /War in Ukraine/);
  });

  test('merge moves the stories (counts add up), deletes the old tag and collapses redirect chains', async () => {
    // Typed loosely: canonical matching finds war-in-ukraine.
    const asked = await browser.post('/admin/tags/ukraine-conflict/merge', {
      _csrf: token,
      into: '  WAR in   ukraine ',
    });
    // Nothing merges before the editor confirms on a page that says what will happen.
    assert.equal(asked.status, 200);
    const question = await asked.text();
    assert.match(question, /Merge “Ukraine conflict” \(ukraine-conflict\) into/);
    assert.match(question, /name="confirm" value="yes"/);
    assert.notEqual(await site.app.store.getTag('ukraine-conflict'), null);
    const response = await browser.post('/admin/tags/ukraine-conflict/merge', {
      _csrf: token,
      into: 'war-in-ukraine',
      confirm: 'yes',
    });
    assert.equal(response.status, 303);
    const html = await (await browser.get('/admin/tags?q=war-in-ukraine')).text();
    assert.match(html, /<td>3<\/td>/, 'all three stories now carry the kept tag');
    for (const old of ['ukraine-conflict', 'russia-ukraine-war']) {
      const redirect = await fetch(`${site.baseUrl}/tags/${old}`, { redirect: 'manual' });
      assert.equal(redirect.status, 301, old);
      assert.equal(redirect.headers.get('location'), '/tags/war-in-ukraine', old);
    }
    assert.equal(await site.app.store.getTag('ukraine-conflict'), null);
    const audit = await listAudit(site.db, { limit: 10 });
    assert.deepEqual(
      audit.filter((entry) => entry.action.startsWith('tag.')).map((entry) => entry.action),
      ['tag.merge', 'tag.rename', 'tag.rename'],
    );
  });

  test('refusals: renaming onto another tag’s slug, merging into a missing tag, and a writer', async () => {
    const taken = await browser.post('/admin/tags/oil/rename', { _csrf: token, name: 'Oil', slug: 'war-in-ukraine' });
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /merge/);
    const missing = await browser.post('/admin/tags/oil/merge', { _csrf: token, into: 'no such tag' });
    assert.equal(missing.status, 422);
    assert.equal((await site.app.store.getTag('oil'))?.name, 'Oil');
    const writer = site.browser();
    await writer.login('writer@example.com');
    assert.equal((await writer.get('/admin/tags')).status, 403);
  });
});
