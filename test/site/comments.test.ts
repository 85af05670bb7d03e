import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ArticleSummary } from '../../src/news/article.js';
import { eventually } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const form = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

async function commentCount(site: RunningSite): Promise<number> {
  return (await site.store.listComments({ limit: 100_000 })).length;
}

describe('comments', () => {
  let site: RunningSite;
  let article: ArticleSummary;
  let path: string;
  before(async () => {
    site = await startSite();
    const { items } = await site.store.listArticles({ limit: 1, offset: 3 });
    assert.ok(items[0]);
    article = items[0];
    path = `/news/${article.id}/${article.slug}`;
  });
  after(async () => {
    await site.close();
  });

  test('a JSON comment is stored as pending and shown only once approved, escaped', async () => {
    const body = '<script>alert(1)</script> & more';
    const response = await site.fetch(
      `/api/v1/articles/${article.id}/comments`,
      json({ name: 'Ayesha', email: 'ayesha@example.com', body }),
    );
    assert.equal(response.status, 201);
    const created = (await response.json()) as { id: number; status: string };
    assert.equal(created.status, 'pending');
    assert.ok(Number.isInteger(created.id));

    const before = await (await site.fetch(path)).text();
    assert.ok(!before.includes('alert(1)'), 'pending comment not shown');

    assert.deepEqual(await site.store.setCommentStatus([created.id], 'approved'), [created.id]);
    await eventually(async () => {
      const html = await (await site.fetch(path)).text();
      // `<` and `&` must be escaped in text; `>` may stay as it cannot open a tag.
      assert.match(html, /&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;) &amp; more/, 'shown escaped');
      // A cached page is re-rendered within its 5 s lifetime, so an approval shows by then.
    }, 9000);
    const html = await (await site.fetch(path)).text();
    assert.ok(!html.includes('<script>alert(1)'), 'never as markup');
    assert.ok(!html.includes('ayesha@example.com'), 'e-mail never shown');
  });

  test('bad JSON comments get 4xx with reasons and store nothing', async () => {
    const count = await commentCount(site);
    const cases: [RequestInit, number][] = [
      [json({ name: '', email: 'a@example.com', body: 'hi' }), 422],
      [json({ name: 'A', email: 'not-an-address', body: 'hi' }), 422],
      [json({ name: 'A', email: 'a@example.com', body: 'x'.repeat(1001) }), 422],
      [json({ name: 'A', email: 'a@example.com', body: '   ' }), 422],
      [json({ name: 'A', email: 'a@example.com' }), 400],
      [json({ name: 'A', email: 'a@example.com', body: 'x'.repeat(30_000) }), 400],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' }, 400],
    ];
    for (const [init, status] of cases) {
      const response = await site.fetch(`/api/v1/articles/${article.id}/comments`, init);
      assert.equal(response.status, status, String(init.body).slice(0, 60));
      const error = (await response.json()) as { error: string; message: string; details?: unknown[] };
      assert.equal(typeof error.error, 'string');
      assert.equal(typeof error.message, 'string');
      if (status === 422) assert.ok(Array.isArray(error.details) && error.details.length > 0);
    }
    const fieldErrors = (await (
      await site.fetch(`/api/v1/articles/${article.id}/comments`, json({ name: '', email: 'x', body: '' }))
    ).json()) as { details: { field: string }[] };
    assert.deepEqual(fieldErrors.details.map((detail) => detail.field).sort(), ['body', 'email', 'name']);
    const unknown = await site.fetch(
      '/api/v1/articles/99999999/comments',
      json({ name: 'A', email: 'a@example.com', body: 'hi' }),
    );
    assert.equal(unknown.status, 404);
    assert.equal(await commentCount(site), count);
  });

  test('the HTML form posts a pending comment and comes back with a notice', async () => {
    const count = await commentCount(site);
    const response = await site.fetch(
      `/news/${article.id}/comments`,
      form({ name: 'Bilal', email: 'bilal@example.com', body: 'Useful analysis.' }),
    );
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${path}?comment=pending#comments`);
    assert.equal(await commentCount(site), count + 1);
    const pending = (await site.store.listComments({ status: 'pending', limit: 100_000 })).find(
      (comment) => comment.email === 'bilal@example.com',
    );
    assert.equal(pending?.body, 'Useful analysis.');
    const page = await (await site.fetch(`${path}?comment=pending`)).text();
    assert.match(page, /Thank you — your comment is awaiting moderation\./);
    assert.ok(!page.includes('Useful analysis.'));
  });

  test('an invalid form comes back as 422 with the errors by the fields and the input kept', async () => {
    const count = await commentCount(site);
    const response = await site.fetch(
      `/news/${article.id}/comments`,
      form({ name: 'Chaudhry <b>', email: 'nope', body: '' }),
    );
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /<input id="comment-email"[^>]*value="nope"[^>]*aria-invalid="true"/);
    assert.match(html, /<p class="form-error" id="comment-email-error">[^<]+<\/p>/);
    assert.match(html, /<p class="form-error" id="comment-body-error">[^<]+<\/p>/);
    assert.match(html, /value="Chaudhry &lt;b>"|value="Chaudhry &lt;b&gt;"/);
    assert.doesNotMatch(html, /comment-name-error/);
    assert.equal(await commentCount(site), count);
    assert.equal((await site.fetch('/news/99999999/comments', form({ name: 'a' }))).status, 404);
  });

  test('the form posts to the article itself, so a refused comment comes back at an address a reader can reload', async () => {
    const page = await (await site.fetch(path)).text();
    assert.match(page, new RegExp(`<form id="comment-form"[^>]*action="${path}"`));
    const count = await commentCount(site);
    const refused = await site.fetch(path, form({ name: 'Zara', email: 'zara@example', body: 'Kept text.' }));
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /<textarea[^>]*>Kept text\.<\/textarea>/);
    // Focus goes to the field in error, without script.
    assert.match(html, /<input id="comment-email"[^>]*autofocus/);
    assert.equal(await commentCount(site), count);
    const taken = await site.fetch(path, form({ name: 'Zara', email: 'zara@example.com', body: 'Kept text.' }));
    assert.equal(taken.status, 303);
    assert.equal(taken.headers.get('location'), `${path}?comment=pending#comments`);
    assert.equal(await commentCount(site), count + 1);
    // A wrong slug sends the comment on, method and body kept, to the article's right address.
    const wrongSlug = await site.fetch(`/news/${article.id}/not-the-slug`, form({ name: 'Zara' }));
    assert.equal(wrongSlug.status, 307);
    assert.equal(wrongSlug.headers.get('location'), path);
  });
});

describe('comment rate limit', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite({ commentRateLimitPerMinute: 2 });
  });
  after(async () => {
    await site.close();
  });

  test('is shared by the API and the form, and answers 429 with Retry-After', async () => {
    const { items } = await site.store.listArticles({ limit: 1 });
    const id = items[0]?.id;
    const valid = { name: 'Dania', email: 'dania@example.com', body: 'First.' };
    assert.equal((await site.fetch(`/api/v1/articles/${id}/comments`, json(valid))).status, 201);
    assert.equal((await site.fetch(`/news/${id}/comments`, form(valid))).status, 303);
    const count = await commentCount(site);

    const limitedApi = await site.fetch(`/api/v1/articles/${id}/comments`, json(valid));
    assert.equal(limitedApi.status, 429);
    assert.ok(Number(limitedApi.headers.get('retry-after')) > 0);
    assert.equal(((await limitedApi.json()) as { error: string }).error, 'Too Many Requests');

    const limitedForm = await site.fetch(`/news/${id}/comments`, form(valid));
    assert.equal(limitedForm.status, 429);
    assert.ok(Number(limitedForm.headers.get('retry-after')) > 0);
    const limitedPage = await limitedForm.text();
    // The article again, with the comment kept in the form and when to send it beside it.
    assert.match(limitedPage, /<textarea[^>]*id="comment-body"[^>]*>First\.<\/textarea>/);
    assert.match(limitedPage, /id="comment-form-refusal">[^<]*post it again in \d+ seconds?\.</);
    assert.equal(limitedForm.headers.get('cache-control'), 'no-store');
    assert.equal(await commentCount(site), count, 'nothing stored once limited');
  });
});
