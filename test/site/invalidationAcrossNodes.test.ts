import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { addStory } from '../newsroom/moderationFixture.js';
import { isCi } from '../support/environment.js';
import { REDIS_URL, redisProblem } from '../support/redisProbe.js';

// Two web nodes of one site: one database file, one Redis. A change made in the newsroom on
// one node must drop the cached reader pages on the other, which hears of it only through the bus.

const problem = await redisProblem(REDIS_URL);
const skip =
  problem !== null && !isCi()
    ? `SKIPPED: Redis not reachable at ${REDIS_URL} (${problem}). Set CI=true to make this a failure.`
    : false;
if (skip) console.warn(skip);

const DATE = '2023-01-31';

/** Fetches `url` until `check` holds of its text; the other node hears the bus a moment later. */
async function eventually(url: string, check: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const html = await (await fetch(url)).text();
    if (check(html) || Date.now() > deadline) return html;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('cached pages are dropped on every node sharing the bus', { skip }, () => {
  let site: AdminSite;
  let other: Awaited<ReturnType<AdminSite['startSibling']>>;
  let articleId: number;
  let articlePath: string;

  before(async () => {
    site = await startAdminSite({ serve: { redisUrl: REDIS_URL } });
    other = await site.startSibling();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    articleId = await addStory(site.app.store, {
      headline: 'Rupee firms against dollar',
      printPage: 1,
      publishedAt: new Date(`${DATE}T03:00:00Z`),
    });
    articlePath = `/news/${articleId}/rupee-firms-against-dollar`;
  });
  after(async () => {
    await other?.stop();
    await site?.close();
  });

  test('a comment approved on one node shows on the other node’s cached article page', async () => {
    const comment = await site.app.store.addComment({
      articleId,
      name: 'Reader',
      email: 'r@example.com',
      body: 'Approved on the first node.',
      ip: '10.0.0.9',
    });
    const cached = await fetch(`${other.baseUrl}${articlePath}`);
    assert.equal(cached.status, 200);
    assert.doesNotMatch(await cached.text(), /Approved on the first node/);

    const browser = site.browser();
    await browser.login('editor@example.com');
    const token = await browser.csrfToken('/admin/comments');
    const response = await browser.post('/admin/comments/moderate', { act: `approve:${comment.id}`, _csrf: token });
    assert.equal(response.status, 303);

    const html = await eventually(`${other.baseUrl}${articlePath}`, (text) =>
      text.includes('Approved on the first node'),
    );
    assert.match(html, /Approved on the first node\./);
  });

  test('a print layout changed on one node shows on the other node’s cached print page', async () => {
    const cached = await (await fetch(`${other.baseUrl}/print/${DATE}`)).text();
    assert.doesNotMatch(cached, /Front and centre/);

    const browser = site.browser();
    await browser.login('editor@example.com');
    const token = await browser.csrfToken(`/admin/print/${DATE}`);
    assert.equal((await browser.post(`/admin/print/${DATE}/seed`, { _csrf: token })).status, 303);
    const labelled = await browser.post(`/admin/print/${DATE}/edit`, {
      _csrf: token,
      op: 'label',
      page: '1',
      label: 'Front and centre',
    });
    assert.equal(labelled.status, 303);

    const html = await eventually(`${other.baseUrl}/print/${DATE}`, (text) => text.includes('Front and centre'));
    assert.match(html, /Front and centre/);
  });

  test('a section renamed on one node shows in the other node’s cached navigation, its old address redirecting', async () => {
    const cachedHome = await (await fetch(`${other.baseUrl}/`)).text();
    assert.match(cachedHome, />Business &amp; Finance</);
    assert.equal((await fetch(`${other.baseUrl}/business`)).status, 200);

    const browser = site.browser();
    await browser.login('editor@example.com');
    const token = await browser.csrfToken('/admin/sections');
    const renamed = await browser.post('/admin/sections/business/rename', {
      _csrf: token,
      name: 'Business Recorder',
      slug: 'business-recorder',
    });
    assert.equal(renamed.status, 303);

    // Within the neighbours' wait, shorter than a cached page's life: only the bus can have dropped it.
    const home = await eventually(`${other.baseUrl}/`, (text) => text.includes('>Business Recorder<'));
    assert.match(home, />Business Recorder</);
    const old = await fetch(`${other.baseUrl}/business`, { redirect: 'manual' });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/business-recorder');
  });
});
