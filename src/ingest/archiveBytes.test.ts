import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { zipOf } from '../../test/market/zipFixture.js';
import { UnreadableFileError, unpack } from './archiveBytes.js';

const text = Buffer.from('31DEC2021|OGDC|0820|Oil & Gas Dev.|84.20|87.30|84.15|86.20|3368560|84.94|||\r\n', 'latin1');

describe('unpack', () => {
  test('plain bytes pass through', () => {
    assert.deepEqual(unpack(text), { packing: 'plain', content: text });
  });

  test('gzip, and ZIP stored, deflated or streamed, give the same bytes', () => {
    assert.deepEqual(unpack(gzipSync(text)).content, text);
    for (const options of [{ method: 0 as const }, { method: 8 as const }, { method: 8 as const, streamed: true }]) {
      const unpacked = unpack(zipOf('closing11.lis', text, options));
      assert.equal(unpacked.packing, 'zip');
      assert.equal(unpacked.entry, 'closing11.lis');
      assert.deepEqual(unpacked.content, text);
    }
  });

  test('LZW .Z, a cut-short ZIP and damaged gzip are refused', () => {
    assert.throws(() => unpack(Buffer.from([0x1f, 0x9d, 0x90, 0x33])), UnreadableFileError);
    const zip = zipOf('closing11.lis', text);
    assert.throws(() => unpack(zip.subarray(0, zip.length - 30)), UnreadableFileError);
    const gz = gzipSync(text);
    assert.throws(() => unpack(gz.subarray(0, gz.length - 8)), UnreadableFileError);
  });
});
