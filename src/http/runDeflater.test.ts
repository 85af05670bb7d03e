import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
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
