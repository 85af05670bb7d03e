import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { manyEntriesZip, zerosGzip, zerosZip } from '../../test/market/bombFixture.js';
import { zipOf, zipOfEntries } from '../../test/market/zipFixture.js';
import { FileTooLargeError, MAX_UNPACKED_BYTES, UnreadableFileError, unpack } from './archiveBytes.js';

const text = Buffer.from('31DEC2021|OGDC|0820|Oil & Gas Dev.|84.20|87.30|84.15|86.20|3368560|84.94|||\r\n', 'latin1');
const MB = 1024 * 1024;

/** Whether `work` throws an UnreadableFileError that is not the too-large kind. */
async function refusedAsDamaged(work: Promise<unknown>): Promise<void> {
  await assert.rejects(work, (error) => error instanceof UnreadableFileError && !(error instanceof FileTooLargeError));
}

describe('unpack', () => {
  test('plain bytes pass through', async () => {
    assert.deepEqual(await unpack(text), { packing: 'plain', content: text });
  });

  test('gzip, and ZIP stored, deflated or streamed, give the same bytes', async () => {
    assert.deepEqual((await unpack(gzipSync(text))).content, text);
    for (const options of [{ method: 0 as const }, { method: 8 as const }, { method: 8 as const, streamed: true }]) {
      const unpacked = await unpack(zipOf('closing11.lis', text, options));
      assert.equal(unpacked.packing, 'zip');
      assert.equal(unpacked.entry, 'closing11.lis');
      assert.deepEqual(unpacked.content, text);
    }
  });

  test('the .lis entry is chosen over a first entry of another name', async () => {
    const zip = zipOfEntries([
      { name: 'readme.txt', content: Buffer.from('about') },
      { name: 'closing11.lis', content: text },
    ]);
    const unpacked = await unpack(zip);
    assert.equal(unpacked.entry, 'closing11.lis');
    assert.deepEqual(unpacked.content, text);
  });

  test('LZW .Z, a cut-short ZIP and damaged gzip are refused as unreadable', async () => {
    await refusedAsDamaged(unpack(Buffer.from([0x1f, 0x9d, 0x90, 0x33])));
    const zip = zipOf('closing11.lis', text);
    await refusedAsDamaged(unpack(zip.subarray(0, zip.length - 30)));
    const gz = gzipSync(text);
    await refusedAsDamaged(unpack(gz.subarray(0, gz.length - 8)));
  });

  test('a crafted or damaged ZIP is refused as unreadable, never with a bare error', async () => {
    const zip = zipOf('closing11.lis', text);
    for (const directoryOffset of [0xfffffff0, zip.length, 1, 0]) {
      await refusedAsDamaged(unpack(zipOf('closing11.lis', text, { directoryOffset })));
    }
    await refusedAsDamaged(unpack(zipOf('closing11.lis', text, { crc: 0x12345678 })));
    await refusedAsDamaged(unpack(zipOf('closing11.lis', text, { encrypted: true })));
    await refusedAsDamaged(unpack(zipOf('closing11.lis', text, { declaredSize: 10 })));
    await refusedAsDamaged(unpack(zipOf('../../etc/closing11.lis', text)));
    await refusedAsDamaged(unpack(manyEntriesZip(1000)));
  });

  test('a file over the limit is refused as too large, packed or not', async () => {
    const limits = { maxBytes: 1024, maxEntries: 4 };
    const big = Buffer.alloc(4096, 0x41);
    await assert.rejects(unpack(big, limits), FileTooLargeError);
    await assert.rejects(unpack(gzipSync(big), limits), FileTooLargeError);
    await assert.rejects(unpack(zipOf('closing11.lis', big), limits), FileTooLargeError);
    await assert.rejects(unpack(zipOf('closing11.lis', big, { method: 0 }), limits), FileTooLargeError);
  });

  test('200 MB of zeros in a gzip or a ZIP stops at the limit with memory bounded', async () => {
    const bombs = {
      gzip: await zerosGzip(200 * MB),
      zip: await zerosZip(200 * MB),
      // A directory that claims a small size: the reader holds the entry to it and stops early.
      'lying zip': await zerosZip(200 * MB, { declaredSize: 1000 }),
    };
    for (const [kind, bomb] of Object.entries(bombs)) {
      assert.ok(bomb.length < 1 * MB, `${kind} bomb is ${bomb.length} bytes`);
      const before = process.memoryUsage();
      await assert.rejects(unpack(bomb), UnreadableFileError, kind);
      const after = process.memoryUsage();
      // What was inflated before the stop is at most the limit; 200 MB held anywhere would show here.
      const grown = after.rss - before.rss + (after.arrayBuffers - before.arrayBuffers);
      assert.ok(grown < 4 * MAX_UNPACKED_BYTES, `${kind}: memory grew by ${Math.round(grown / MB)} MB`);
    }
    await assert.rejects(unpack(bombs.gzip), FileTooLargeError);
    await assert.rejects(unpack(bombs.zip), FileTooLargeError);
  });
});
