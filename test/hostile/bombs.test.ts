import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import {
  assertAlive,
  assertUnharmed,
  type Baseline,
  type HostileSite,
  startHostileSite,
  takeBaseline,
} from './hostileSite.js';

// Compression bombs at every upload: small bodies that unpack to hundreds of
// megabytes, sent as a compressed request body (Content-Encoding) to every
// route that takes a body, and as the packed closing file the import accepts.
// Each must be refused with a 4xx while the server's memory stays bounded.

const ZEROS = 200 * 1024 * 1024;

function gzipBomb(): Buffer {
  return gzipSync(Buffer.alloc(ZEROS), { level: 9 });
}

function deflateBomb(): Buffer {
  return deflateSync(Buffer.alloc(ZEROS), { level: 9 });
}

function brotliBomb(): Buffer {
  return brotliCompressSync(Buffer.alloc(ZEROS), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}

/** A ZIP of one stored-deflated entry holding `size` zero bytes, built with zlib alone. */
function zipBomb(name = 'closing11.lis', size = ZEROS): Buffer {
  const data = Buffer.alloc(size);
  const packed = deflateSync(data, { level: 9 }).subarray(2, -4); // raw deflate: no zlib header or checksum
  const crc = crc32(data);
  const nameBytes = Buffer.from(name, 'latin1');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

describe('hostile traffic: compression bombs at every upload', () => {
  let site: HostileSite;
  let baseline: Baseline;
  const bombs: Record<'gzip' | 'deflate' | 'br' | 'zip', Buffer> = {
    gzip: Buffer.alloc(0),
    deflate: Buffer.alloc(0),
    br: Buffer.alloc(0),
    zip: Buffer.alloc(0),
  };

  before(async () => {
    bombs.gzip = gzipBomb();
    bombs.deflate = deflateBomb();
    bombs.br = brotliBomb();
    bombs.zip = zipBomb();
    site = await startHostileSite();
    baseline = await takeBaseline(site);
  });
  after(async () => {
    await site?.close();
  });

  it('refuses a compressed request body at every route that takes one', async () => {
    const feed = `Bearer ${site.feedToken}`;
    const desk = `Bearer ${site.deskToken}`;
    const routes: [string, string, Record<string, string>][] = [
      ['POST', `/api/v1/articles/${site.articleId}/comments`, { 'content-type': 'application/json' }],
      ['POST', '/api/v1/market/trades', { 'content-type': 'application/json', authorization: feed }],
      ['POST', '/api/v1/market/fx', { 'content-type': 'application/json', authorization: feed }],
      ['POST', '/api/v1/market/corporate-actions', { 'content-type': 'application/json', authorization: feed }],
      ['POST', '/api/v1/admin/market/imports', { 'content-type': 'application/octet-stream', authorization: desk }],
      ['POST', '/admin/login', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['POST', '/api/v1/admin/articles', { 'content-type': 'application/json', authorization: desk }],
      ['POST', '/admin/media', { 'content-type': 'multipart/form-data; boundary=x' }],
    ];
    const failures: string[] = [];
    for (const [method, path, headers] of routes) {
      for (const coding of ['gzip', 'deflate', 'br'] as const) {
        const response = await fetch(`${site.address}${path}`, {
          method,
          headers: { ...headers, 'content-encoding': coding },
          body: new Uint8Array(bombs[coding]),
          redirect: 'manual',
        });
        await response.arrayBuffer();
        // A newsroom page sends a stranger to its sign-in page (303) before reading any body: a refusal too.
        const toSignIn = response.status === 303 && response.headers.get('location')?.startsWith('/admin/login');
        if (!toSignIn && (response.status < 400 || response.status >= 500))
          failures.push(`${coding} to ${path}: ${response.status}`);
      }
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('refuses a closing file that unpacks past its limit, gzip or ZIP, with 413', async () => {
    const failures: string[] = [];
    for (const packing of ['gzip', 'zip'] as const) {
      const response = await fetch(`${site.address}/api/v1/admin/market/imports?name=closing.Z`, {
        method: 'POST',
        headers: { authorization: `Bearer ${site.deskToken}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bombs[packing]),
      });
      const answer = (await response.json()) as { message?: string };
      if (response.status !== 413) failures.push(`${packing}: ${response.status} ${answer.message}`);
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('refuses many bombs at once without running out of memory, and keeps serving', async () => {
    const sends = Array.from({ length: 8 }, (_, index) =>
      fetch(`${site.address}/api/v1/admin/market/imports?name=closing.Z`, {
        method: 'POST',
        headers: { authorization: `Bearer ${site.deskToken}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(index % 2 === 0 ? bombs.gzip : bombs.zip),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    );
    await assertAlive(site);
    const statuses = await Promise.all(sends);
    assert.ok(
      statuses.every((status) => status >= 400 && status < 500),
      statuses.join(', '),
    );
    await assertAlive(site);
  });

  it('changed nothing stored and kept its memory bounded', async () => {
    // 200 MB unpacked even once would show here; the limit is well under it.
    await assertUnharmed(site, baseline, 150 * 1024 * 1024);
  });
});
