import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { processUpload } from '../../src/store/media/mediaFiles.js';
import { type AdminSite, type Browser, START, startAdminSite } from './adminSite.js';
import { addSections, api, story, tokenFor } from './articlesFixture.js';

const FIELDS = {
  headline: 'Cement despatches rise in October',
  summary: 'Local sales led the month.',
  sectionSlug: 'markets',
  byline: 'Staff Reporter',
  dateline: 'LAHORE',
};

/** The editor form with these blocks, each given as its posted fields (`type` plus the kind's own). */
function form(csrf: string, blocks: readonly Record<string, string>[], op = 'save'): Record<string, string> {
  const body: Record<string, string> = { _csrf: csrf, ...FIELDS, blockCount: String(blocks.length), op };
  blocks.forEach((block, index) => {
    for (const [name, value] of Object.entries(block)) body[`block-${index}-${name}`] = value;
  });
  return body;
}

const PARAGRAPH = { type: 'paragraph', text: 'Despatches reached 4.2 million tonnes.' };

describe('the article editor: image, related-story and embed blocks', () => {
  let site: AdminSite;
  let browser: Browser;
  let csrf: string;
  let mediaId: number;
  let publishedId: number;
  let draftId: number;

  before(async () => {
    site = await startAdminSite();
    await addSections(site);
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    browser = site.browser();
    assert.equal((await browser.login('editor@example.com')).status, 303);
    csrf = await browser.csrfToken('/admin');
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .png()
      .toBuffer();
    const processed = await processUpload(png);
    assert.ok(processed.ok);
    const asset = await site.app.media.add({
      image: processed.image,
      description: { alt: 'Bags of cement at a depot', caption: null, credit: 'Library credit' },
      by: 'editor',
      at: START,
    });
    mediaId = asset.id;
    const editor = api(site, await tokenFor(site, 'editor'));
    publishedId = (await editor.create(story({ headline: 'Cement prices hold steady' }))).body.id;
    assert.equal((await editor.transition(publishedId, 'publish')).status, 200);
    draftId = (await editor.create(story({ headline: 'Unpublished cement draft' }))).body.id;
  });
  after(() => site.close());

  async function saveAndPreview(blocks: readonly Record<string, string>[]): Promise<{ id: number; html: string }> {
    const saved = await browser.post('/admin/articles', form(csrf, blocks));
    assert.equal(saved.status, 303, await saved.text());
    const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.get('location') ?? '')?.[1]);
    const preview = await browser.get(`/admin/articles/${id}/preview`);
    assert.equal(preview.status, 200);
    return { id, html: await preview.text() };
  }

  test('the type select and the add-block select offer every kind', async () => {
    const html = await (await browser.get('/admin/articles/new')).text();
    for (const [value, label] of [
      ['image', 'Image'],
      ['relatedLink', 'Related story'],
      ['embed', 'Embed'],
    ]) {
      assert.match(html, new RegExp(`<select id="block-0-type"[\\s\\S]*?<option value="${value}">${label}</option>`));
      assert.match(
        html,
        new RegExp(`<select id="field-newBlockType"[\\s\\S]*?<option value="${value}">${label}</option>`),
      );
    }
  });

  test('adding an image block without script shows its fields, keeping the text typed so far', async () => {
    const response = await browser.post('/admin/articles', {
      ...form(csrf, [PARAGRAPH], 'add'),
      newBlockType: 'image',
    });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Despatches reached 4\.2 million tonnes\./);
    assert.match(html, /name="block-1-mediaId"[^>]*type="number"|type="number"[^>]*name="block-1-mediaId"/);
    assert.match(html, /name="block-1-alt"/);
    assert.match(
      html,
      /<select id="block-1-type"[^>]*>(?:<option[^>]*>[^<]*<\/option>)*?<option value="image" selected>Image<\/option>/,
    );
  });

  test('an image block names a library picture; an empty alt takes the library’s; the preview shows a figure', async () => {
    const { id, html } = await saveAndPreview([
      PARAGRAPH,
      { type: 'image', mediaId: String(mediaId), alt: '', caption: 'A depot near Lahore', credit: '' },
    ]);
    const figure = /<figure class="article__figure">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    assert.match(figure, /alt="Bags of cement at a depot"/);
    assert.match(figure, new RegExp(`src="/media/${mediaId}/640\\.jpg"`));
    assert.match(figure, /<figcaption>A depot near Lahore — Library credit<\/figcaption>/);
    const editor = await (await browser.get(`/admin/articles/${id}`)).text();
    assert.match(
      editor,
      new RegExp(`name="block-1-mediaId"[^>]*value="${mediaId}"|value="${mediaId}"[^>]*name="block-1-mediaId"`),
    );
    assert.match(editor, /value="Bags of cement at a depot"/, 'the stored alt is shown for editing');
  });

  test('a related-story block stores the published article’s headline and links to it', async () => {
    const { id, html } = await saveAndPreview([PARAGRAPH, { type: 'relatedLink', articleId: String(publishedId) }]);
    assert.match(html, new RegExp(`<a href="/news/${publishedId}">Cement prices hold steady</a>`));
    const stored = await api(site, await tokenFor(site, 'editor', 'reader')).get(id);
    assert.deepEqual(stored.body.body[1], {
      type: 'relatedLink',
      articleId: publishedId,
      headline: 'Cement prices hold steady',
    });
  });

  test('an embed block takes its provider from the URL and renders as a plain link', async () => {
    const url = 'https://www.youtube.com/watch?v=cement42';
    const { id, html } = await saveAndPreview([PARAGRAPH, { type: 'embed', url }]);
    assert.match(html, /<p class="embed-card"><a href="https:\/\/www\.youtube\.com\/watch\?v=cement42"/);
    assert.doesNotMatch(html, /<iframe/);
    const stored = await api(site, await tokenFor(site, 'editor', 'embed reader')).get(id);
    assert.deepEqual(stored.body.body[1], { type: 'embed', provider: 'youtube', url });
  });

  test('a picture not in the library, an unpublished or missing story, a foreign or plain-http embed: 422 with messages', async () => {
    const cases: readonly [Record<string, string>, RegExp][] = [
      [{ type: 'image', mediaId: '9999', alt: 'Nothing' }, /There is no picture 9999 in the media library\./],
      [{ type: 'image', mediaId: 'abc', alt: 'Nothing' }, /An image needs its media id\./],
      [{ type: 'relatedLink', articleId: String(draftId) }, new RegExp(`Article ${draftId} is not published`)],
      [{ type: 'relatedLink', articleId: '9999' }, /Article 9999 is not published/],
      [
        { type: 'embed', url: 'https://evil.example/watch' },
        /Embeds are HTTPS links to YouTube, X or Datawrapper only\./,
      ],
      [{ type: 'embed', url: 'http://www.youtube.com/watch?v=x' }, /Embeds are HTTPS links/],
    ];
    const before = (await api(site, await tokenFor(site, 'editor', 'counter')).list()).body;
    for (const [block, message] of cases) {
      const response = await browser.post('/admin/articles', form(csrf, [PARAGRAPH, block]));
      assert.equal(response.status, 422, JSON.stringify(block));
      const html = await response.text();
      assert.match(html, message, JSON.stringify(block));
      assert.match(html, /<a href="#field-body-1">Block 2<\/a>/);
    }
    const afterList = (await api(site, await tokenFor(site, 'editor', 'counter 2')).list()).body;
    assert.deepEqual(afterList, before, 'nothing was saved');
  });

  test('the JSON API is held to the same references', async () => {
    const editor = api(site, await tokenFor(site, 'editor', 'api'));
    const refused = await editor.create(story({ body: [PARAGRAPH, { type: 'image', mediaId: 9999, alt: 'Nothing' }] }));
    assert.equal(refused.status, 422);
    assert.match(JSON.stringify(refused.body), /There is no picture 9999/);
    const accepted = await editor.create(
      story({ body: [PARAGRAPH, { type: 'relatedLink', articleId: publishedId, headline: 'Made-up headline' }] }),
    );
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.equal(accepted.body.body[1].headline, 'Cement prices hold steady', 'the headline is looked up, not taken');
  });
});
