import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addStory } from './moderationFixture.js';

// `PUT /api/v1/admin/articles/{id}/picture` always names the picture (docs/admin-api.md: `"none"` clears it). A
// script that sends an empty object or misspells the field used to clear a published story's picture with a 200.

describe('featured picture API: only "none" clears a picture', () => {
  let site: AdminSite;
  let browser: Browser;
  let csrf: string;
  let storyId: number;
  let pictureId: number;

  const put = async (body: string, contentType = 'application/json') =>
    browser.request('PUT', `/api/v1/admin/articles/${storyId}/picture`, body, {
      'content-type': contentType,
      'x-csrf-token': csrf,
    });
  const featured = async () => {
    const html = await (await browser.get(`/admin/articles/${storyId}`)).text();
    return /<option value="(\d+)" selected/.exec(html)?.[1] ?? null;
  };

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    browser = site.browser();
    await browser.login('editor@example.com');
    csrf = await browser.csrfToken('/admin/media');
    storyId = await addStory(site.app.store, { headline: 'Stocks edge up' });
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 9, g: 80, b: 40 } } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('alt', 'The trading floor');
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'floor.png');
    const cookie = [...browser.cookies.entries()].map(([key, c]) => `${key.split('|')[0]}=${c.value}`).join('; ');
    const upload = await fetch(`${site.baseUrl}/admin/media`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie },
      body: form,
    });
    assert.equal(upload.status, 303, await upload.text());
    const listing = (await (await browser.get('/api/v1/admin/media')).json()) as { items: { id: number }[] };
    pictureId = listing.items[0]?.id ?? 0;
    const chosen = await put(JSON.stringify({ featuredMediaId: String(pictureId) }));
    assert.equal(chosen.status, 200, await chosen.text());
    assert.equal(await featured(), String(pictureId));
  });
  after(() => site.close());

  test('an empty body, a misspelt field, an empty id or a form without the field is a 400 and keeps the picture', async () => {
    const tries: [string, string?][] = [
      ['{}'],
      ['{"featuredMediaID":"none"}'],
      ['{"featuredMediaId":""}'],
      ['{"featuredMediaId":"  "}'],
      ['{"featuredMediaId":"0"}'],
      ['featuredCaption=x', 'application/x-www-form-urlencoded'],
    ];
    const failures: string[] = [];
    for (const [body, contentType] of tries) {
      const response = await put(body, contentType);
      const text = await response.text();
      if (response.status !== 400) failures.push(`${body}: ${response.status} ${text}`);
      else assert.match(text, /featuredMediaId/i, `${body}: the answer names the field`);
    }
    assert.deepEqual(failures, []);
    assert.equal(await featured(), String(pictureId), 'the story keeps its picture');
  });

  test('"none" clears it', async () => {
    const response = await put('{"featuredMediaId":"none"}');
    const text = await response.text();
    assert.equal(response.status, 200, text);
    assert.deepEqual(JSON.parse(text), { articleId: storyId, featured: null });
    assert.equal(await featured(), null);
  });
});
