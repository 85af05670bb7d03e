import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGunzip, gunzipSync } from 'node:zlib';
import { canJoinGzipPieces, deflateRun, gzipOfPieces } from './gzipPieces.js';
import { RunDeflater } from './runDeflater.js';

const text = (length: number, seed: number): Buffer => {
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += ['<p class="x">', 'market ', 'rupee ', 'ٹکر ', '▲ ', `${state % 997} `, '</p>'][state % 7];
  }
  return Buffer.from(out.slice(0, length));
};

test('runs joined into one gzip member inflate to exactly their bytes end to end', { skip: !canJoinGzipPieces }, () => {
  const pieces = [
    text(3_700, 1),
    Buffer.from('</div><div class="page">'),
    text(10_000, 2),
    Buffer.alloc(0),
    text(70_000, 3),
  ];
  for (const level of [1, 6]) {
    const runs = pieces.map((bytes) => deflateRun(bytes, level));
    assert.deepEqual(gunzipSync(gzipOfPieces(runs)), Buffer.concat(pieces), `level ${level}`);
  }
  // A piece compressed once may be joined into any number of bodies, in any place.
  const shared = deflateRun(text(9_000, 4), 6);
  for (const own of [text(500, 5), text(20, 6)]) {
    const joined = gzipOfPieces([deflateRun(own, 1), shared, deflateRun(own, 1)]);
    assert.deepEqual(gunzipSync(joined), Buffer.concat([own, shared.bytes, own]));
  }
});

test('a stream decoder takes the joined member too, and finds it complete', { skip: !canJoinGzipPieces }, async () => {
  const pieces = [text(5_000, 7), Buffer.from('<br>'), text(12_000, 8)];
  const joined = gzipOfPieces(pieces.map((bytes) => deflateRun(bytes, 1)));
  const inflated = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const gunzip = createGunzip();
    gunzip.on('data', (chunk: Buffer) => chunks.push(chunk));
    gunzip.on('end', () => resolve(Buffer.concat(chunks)));
    gunzip.on('error', reject);
    // Fed a few bytes at a time, as from a socket.
    for (let at = 0; at < joined.length; at += 97) gunzip.write(joined.subarray(at, at + 97));
    gunzip.end();
  });
  assert.deepEqual(inflated, Buffer.concat(pieces));
});

test('a damaged member is refused by the decoder, not inflated to something else', { skip: !canJoinGzipPieces }, () => {
  const joined = gzipOfPieces([deflateRun(text(4_000, 9), 1)]);
  const wrongSum = Buffer.from(joined);
  wrongSum.writeUInt32LE((wrongSum.readUInt32LE(wrongSum.length - 8) ^ 1) >>> 0, wrongSum.length - 8);
  assert.throws(() => gunzipSync(wrongSum));
});

test('runs of one engine, joined between runs compressed elsewhere, inflate to the bytes in order', {
  skip: !canJoinGzipPieces,
}, () => {
  const deflater = new RunDeflater(1);
  const shared = deflateRun(text(9_000, 1), 6);
  // The same text again in the next run: a run that referred back past the shared run between them would
  // inflate to the wrong bytes.
  for (let page = 0; page < 3; page += 1) {
    const own = [text(4_300, 2 + page), text(5_200, 2 + page), Buffer.from('</div>'), text(150_000, 9), text(800, 3)];
    const runs = deflater.runs(own);
    assert.equal(runs.length, own.length);
    const joined = gzipOfPieces([runs[0], shared, runs[1], runs[2], shared, runs[3], runs[4]].map((run) => run!));
    assert.deepEqual(
      gunzipSync(joined),
      Buffer.concat([own[0]!, shared.bytes, own[1]!, own[2]!, shared.bytes, own[3]!, own[4]!]),
      `page ${page}`,
    );
    assert.ok(runs[1]!.deflated.length < own[1]!.length / 2, 'compressed, not stored');
  }
});

test('no runs, and an empty run, are fine', { skip: !canJoinGzipPieces }, () => {
  const deflater = new RunDeflater(1);
  assert.deepEqual(deflater.runs([]), []);
  const runs = deflater.runs([Buffer.alloc(0), text(2_000, 5)]);
  assert.deepEqual(gunzipSync(gzipOfPieces(runs)), text(2_000, 5));
});
