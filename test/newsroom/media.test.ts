import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addStory } from './moderationFixture.js';

/** Posts a multipart form with the browser's cookies (the jar's own `post` sends URL-encoded forms only). */
async function postMultipart(site: AdminSite, browser: Browser, pathname: string, form: FormData): Promise<Response> {
  const cookie = [...browser.cookies.entries()]
    .filter(([, c]) => pathname.startsWith(c.path))
    .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
    .join('; ');
  return fetch(`${site.baseUrl}${pathname}`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: form });
}

function uploadForm(fields: Record<string, string>, file: { bytes: Buffer; name: string; type: string }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return form;
}

/** A PNG that declares `width`×`height` in its header (RFC 2083 §4.1.1) over a few bytes of rows: a picture's size is read from there. */
function declaredPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (greyscale), the rest 0
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const rows = chunk('IDAT', deflateSync(Buffer.alloc(width + 1)));
  return Buffer.concat([signature, chunk('IHDR', header), rows, chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** The folder of a site on the embedded default, `--media-store local`. */
function mediaDir(site: AdminSite): string {
  const { place } = site.app.media;
  assert.equal(place.kind, 'local', 'an SQLite site keeps its pictures in a folder');
  return place.kind === 'local' ? place.dir : '';
}

describe('media library', () => {
  let site: AdminSite;
  let browser: Browser;
  let token: string;
  let png: Buffer;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    await site.addUser({ email: 'mod@example.com', role: 'moderator' });
    browser = site.browser();
    await browser.login('writer@example.com');
    token = await browser.csrfToken('/admin/media');
    // 1200×800: gets 320, 640 and 1024 renditions plus its own 1200, never 1600.
    png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 90, b: 160 } } })
      .png()
      .toBuffer();
  });
  after(() => site.close());

  test('a PNG upload is stored with its sizes on disk and served with immutable cache headers', async () => {
    const response = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm(
        { _csrf: token, alt: 'Traders watch the board', caption: 'The exchange floor', credit: 'Staff' },
        { bytes: png, name: 'board.png', type: 'image/png' },
      ),
    );
    assert.equal(response.status, 303, await response.text());
    assert.equal(response.headers.get('location'), '/admin/media?notice=uploaded');
    const listing = await (await browser.get('/api/v1/admin/media')).json();
    assert.equal(listing.total, 1);
    const asset = listing.items[0];
    assert.deepEqual(
      [asset.width, asset.height, asset.format, asset.alt],
      [1200, 800, 'png', 'Traders watch the board'],
    );
    assert.deepEqual(asset.widths, [320, 640, 1024, 1200]);

    const dir = path.join(mediaDir(site), String(asset.id));
    assert.deepEqual(readdirSync(dir).sort(), [
      '1024.jpg',
      '1024.webp',
      '1200.jpg',
      '1200.webp',
      '320.jpg',
      '320.webp',
      '640.jpg',
      '640.webp',
      'original.png',
    ]);
    const served = await fetch(`${site.baseUrl}/media/${asset.id}/640.webp`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
    assert.equal(served.headers.get('cache-control'), 'public, max-age=31536000, s-maxage=60, immutable');
    // A shared cache asking again after its minute gets a 304 while the picture is in the library.
    const etag = served.headers.get('etag') ?? '';
    assert.match(etag, /^"m\d+-640-webp"$/);
    const again = await fetch(`${site.baseUrl}/media/${asset.id}/640.webp`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 640, 427]);
    const jpeg = await fetch(`${site.baseUrl}/media/${asset.id}/320.jpg`);
    assert.equal(jpeg.headers.get('content-type'), 'image/jpeg');
    assert.equal((await fetch(`${site.baseUrl}/media/${asset.id}/1600.webp`)).status, 404, 'never upscaled');
    const outside = await fetch(`${site.baseUrl}/media/${asset.id}/..%2F..%2Fsite.sqlite`);
    assert.ok(outside.status >= 400 && outside.status < 500, `path escape answered ${outside.status}`);
  });

  test('a text file renamed .jpg is refused with 415 and nothing is stored', async () => {
    const response = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm(
        { _csrf: token, alt: 'Not really a picture' },
        { bytes: Buffer.from('just some text, honestly'), name: 'photo.jpg', type: 'image/jpeg' },
      ),
    );
    assert.equal(response.status, 415);
    assert.match(await response.text(), /Only JPEG, PNG and WebP/);
    assert.equal((await (await browser.get('/api/v1/admin/media')).json()).total, 1);
  });

  test('missing alt text is refused with 422, the other words are kept in the form, nothing is stored', async () => {
    const before = readdirSync(mediaDir(site)).length;
    const response = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm(
        { _csrf: token, alt: '   ', caption: 'Kept caption' },
        { bytes: png, name: 'board.png', type: 'image/png' },
      ),
    );
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.match(html, /Describe the picture/);
    assert.match(html, /value="Kept caption"/);
    assert.equal((await (await browser.get('/api/v1/admin/media')).json()).total, 1);
    assert.equal(readdirSync(mediaDir(site)).length, before);
  });

  test('a PNG declaring more pixels than allowed is refused for its size, with the limit; nothing is stored', async () => {
    const before = readdirSync(mediaDir(site)).length;
    // Over the decoder's pixel limit too: it used to be refused as a file that "cannot be read", which it can.
    const huge = declaredPng(20_000, 20_000);
    const page = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm({ _csrf: token, alt: 'A wide view' }, { bytes: huge, name: 'wide.png', type: 'image/png' }),
    );
    assert.equal(page.status, 422);
    assert.match(await page.text(), /The picture is 20000×20000; no side may exceed 12000 pixels\./);
    const api = await postMultipart(
      site,
      browser,
      '/api/v1/admin/media',
      uploadForm({ _csrf: token, alt: 'A wide view' }, { bytes: huge, name: 'wide.png', type: 'image/png' }),
    );
    assert.equal(api.status, 422);
    assert.deepEqual((await api.json()).details, [
      { field: 'file', message: 'The picture is 20000×20000; no side may exceed 12000 pixels.' },
    ]);
    assert.equal((await (await browser.get('/api/v1/admin/media')).json()).total, 1);
    assert.equal(readdirSync(mediaDir(site)).length, before);
  });

  test('a PNG over the byte limit is a 413 saying its size and the limit, just over it and far over it', async () => {
    const before = readdirSync(mediaDir(site)).length;
    const limit = 'a picture may be at most 10 MB (10,485,760 bytes). Nothing was stored.';
    // One byte over: the file is read and measured.
    const justOver = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 1 - png.length)]);
    const measured = await postMultipart(
      site,
      browser,
      '/api/v1/admin/media',
      uploadForm({ _csrf: token, alt: 'Heavy' }, { bytes: justOver, name: 'heavy.png', type: 'image/png' }),
    );
    assert.equal(measured.status, 413);
    assert.deepEqual((await measured.json()).details, [
      { field: 'file', message: `The file is 10.00 MB (10,485,761 bytes); ${limit}` },
    ]);
    // Past the body limit the upload is not read at all; it used to be "Bad request: Request body is too large".
    const farOver = Buffer.concat([png, Buffer.alloc(12 * 1024 * 1024 - png.length)]);
    for (const pathname of ['/admin/media', '/api/v1/admin/media']) {
      const response = await postMultipart(
        site,
        browser,
        pathname,
        uploadForm({ _csrf: token, alt: 'Heavier' }, { bytes: farOver, name: 'heavier.png', type: 'image/png' }),
      );
      assert.equal(response.status, 413, pathname);
      const text = await response.text();
      assert.ok(text.includes(`The upload is too large: ${limit}`), `${pathname}: ${text.slice(0, 300)}`);
      if (pathname === '/admin/media') assert.match(text, /<h1[^>]*>Picture too large<\/h1>/);
    }
    assert.equal((await (await browser.get('/api/v1/admin/media')).json()).total, 1);
    assert.equal(readdirSync(mediaDir(site)).length, before);
  });

  test('an upload without the CSRF token is refused; a moderator may not upload', async () => {
    const forged = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm({ alt: 'Forged' }, { bytes: png, name: 'board.png', type: 'image/png' }),
    );
    assert.equal(forged.status, 403);
    const moderator = site.browser();
    await moderator.login('mod@example.com');
    const modToken = await moderator.csrfToken('/admin');
    const refused = await postMultipart(
      site,
      moderator,
      '/admin/media',
      uploadForm({ _csrf: modToken, alt: 'Mine' }, { bytes: png, name: 'board.png', type: 'image/png' }),
    );
    assert.equal(refused.status, 403);
    assert.equal((await (await browser.get('/api/v1/admin/media')).json()).total, 1);
  });

  test('an article with an image block renders a figure with srcset, sizes, width, height, lazy loading and alt', async () => {
    const id = await addStory(site.app.store, {
      headline: 'Pictures from the floor',
      body: [
        { type: 'paragraph', text: 'The index rose.' },
        { type: 'image', mediaId: 1, alt: 'Traders watch the board', caption: 'The exchange floor', credit: 'AFP' },
        { type: 'relatedLink', articleId: 1, headline: 'Earlier: the board opens' },
        { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc' },
        { type: 'embed', provider: 'x', url: 'https://evil.example/x' },
        { type: 'image', mediaId: 999, alt: 'Missing picture' },
      ],
    });
    const html = await (await fetch(`${site.baseUrl}/news/${id}/pictures-from-the-floor`)).text();
    const figure = /<figure class="article__figure">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    assert.match(
      figure,
      /<source type="image\/webp" srcset="\/media\/1\/320\.webp 320w, \/media\/1\/640\.webp 640w, \/media\/1\/1024\.webp 1024w, \/media\/1\/1200\.webp 1200w"/,
    );
    const img = /<img [^>]*>/.exec(figure)?.[0] ?? '';
    for (const attribute of [
      /src="\/media\/1\/640\.jpg"/,
      /srcset="\/media\/1\/320\.jpg 320w, [^"]*1200\.jpg 1200w"/,
      /sizes="[^"]+"/,
      /width="1200"/,
      /height="800"/,
      /loading="lazy"/,
      /alt="Traders watch the board"/,
    ]) {
      assert.match(img, attribute);
    }
    assert.match(figure, /<figcaption>The exchange floor — AFP<\/figcaption>/);
    assert.match(html, /<a href="\/news\/1">Earlier: the board opens<\/a>/);
    assert.match(html, /href="https:\/\/www\.youtube\.com\/watch\?v=abc"/);
    assert.doesNotMatch(html, /evil\.example/);
    assert.doesNotMatch(html, /Missing picture/);
    assert.doesNotMatch(html, /<iframe|<script[^>]*youtube/);
  });
});

describe('media library in the database (--media-store database) on SQLite', () => {
  let site: AdminSite;

  before(async () => {
    site = await startAdminSite({ serve: { mediaStore: 'database' } });
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
  });
  after(() => site.close());

  test('an upload is stored in the media_files table, all its files, and served from it', async () => {
    const browser = site.browser();
    await browser.login('writer@example.com');
    const token = await browser.csrfToken('/admin/media');
    const jpeg = await sharp({ create: { width: 500, height: 400, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const response = await postMultipart(
      site,
      browser,
      '/admin/media',
      uploadForm({ _csrf: token, alt: 'A blue field' }, { bytes: jpeg, name: 'blue.jpg', type: 'image/jpeg' }),
    );
    assert.equal(response.status, 303, await response.text());
    assert.deepEqual(site.app.media.place, { kind: 'database' });
    const stored = await site.db.selectFrom('media_files').select(['name', 'data']).orderBy('name').execute();
    assert.deepEqual(
      stored.map((file) => file.name),
      ['320.jpg', '320.webp', '500.jpg', '500.webp', 'original.jpeg'],
    );
    const original = stored.find((file) => file.name === 'original.jpeg');
    assert.ok(original?.data.equals(jpeg), 'the original is kept byte for byte');

    const [asset] = (await (await browser.get('/api/v1/admin/media')).json()).items;
    const served = await fetch(`${site.baseUrl}/media/${asset.id}/500.webp`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/webp');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(served.headers.get('content-length'), String(bytes.length));
    assert.ok(bytes.equals(stored.find((file) => file.name === '500.webp')?.data ?? Buffer.alloc(0)));
    assert.equal((await fetch(`${site.baseUrl}/media/${asset.id}/640.webp`)).status, 404);
  });
});
