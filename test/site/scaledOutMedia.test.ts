import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type ScaledOutSite, type SiteNode, scaledOutSkip, startScaledOutSite } from '../support/scaledOutSite.js';

// Pictures on a scaled-out site live in the database (the default on PostgreSQL), so the node
// that did not take the upload serves them too, byte for byte, with the same headers.

const skip = await scaledOutSkip();

describe('a picture uploaded through one node is served by every node', { skip }, () => {
  let site: ScaledOutSite;
  let a: SiteNode;
  let b: SiteNode;
  let token: string;

  before(async () => {
    site = await startScaledOutSite({ nodes: 2 });
    [a, b] = site.nodes as [SiteNode, SiteNode];
    token = await site.apiToken('writer');
  });
  after(() => site?.close());

  test('uploaded through A, each size is served by B with the same bytes, type and cache headers', async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 40, b: 40 } } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.append('alt', 'A red square on the trading floor');
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'red.png');
    const uploaded = await fetch(`${a.address}/api/v1/admin/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    assert.equal(uploaded.status, 201, await uploaded.clone().text());
    const asset = (await uploaded.json()) as { id: number; widths: number[] };
    assert.deepEqual(asset.widths, [320, 640, 900]);

    for (const file of ['320.webp', '640.jpg', '900.webp']) {
      const fromA = await fetch(`${a.address}/media/${asset.id}/${file}`);
      const fromB = await fetch(`${b.address}/media/${asset.id}/${file}`);
      assert.equal(fromB.status, 200, `${file} on B`);
      for (const header of ['content-type', 'content-length', 'cache-control']) {
        assert.equal(fromB.headers.get(header), fromA.headers.get(header), `${header} of ${file}`);
      }
      assert.equal(fromB.headers.get('content-type'), file.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
      assert.equal(fromB.headers.get('cache-control'), 'public, max-age=31536000, s-maxage=60, immutable');
      const bytes = Buffer.from(await fromB.arrayBuffer());
      assert.ok(bytes.equals(Buffer.from(await fromA.arrayBuffer())), `${file}: the same bytes on both nodes`);
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.width, Number(file.split('.')[0]));
    }
    assert.equal((await fetch(`${b.address}/media/${asset.id}/1024.webp`)).status, 404, 'a size never made');
    assert.equal((await fetch(`${b.address}/media/${asset.id + 1}/320.webp`)).status, 404, 'a picture never stored');
  });
});
