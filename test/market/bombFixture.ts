import { crc32, createDeflateRaw, createGzip } from 'node:zlib';
import { zipOfEntries } from './zipFixture.js';

const MB = 1024 * 1024;

/** Runs `size` zero bytes through a compressor a megabyte at a time, so the zeros are never all in memory. */
async function squeezeZeros(compressor: ReturnType<typeof createGzip>, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => compressor.on('end', resolve).on('error', reject));
  const zeros = Buffer.alloc(MB);
  for (let left = size; left > 0; left -= MB) {
    if (!compressor.write(left >= MB ? zeros : zeros.subarray(0, left))) {
      await new Promise((resolve) => compressor.once('drain', resolve));
    }
  }
  compressor.end();
  await done;
  return Buffer.concat(chunks);
}

/** A gzip of `size` zero bytes: about 1/1000 of that, a decompression bomb. */
export function zerosGzip(size = 200 * MB): Promise<Buffer> {
  return squeezeZeros(createGzip({ level: 9 }), size);
}

/**
 * A ZIP whose one entry inflates to `size` zero bytes. `declaredSize` is the
 * size the directory claims: the true one by default, a small lie for a
 * crafted archive that hopes to pass a size check.
 */
export async function zerosZip(size = 200 * MB, options: { declaredSize?: number } = {}): Promise<Buffer> {
  const deflated = await squeezeZeros(createDeflateRaw({ level: 9 }), size);
  let crc = 0;
  const zeros = Buffer.alloc(MB);
  for (let left = size; left > 0; left -= MB) crc = crc32(left >= MB ? zeros : zeros.subarray(0, left), crc);
  return zipOfEntries(
    [{ name: 'closing11.lis', deflated, crc, size }],
    options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize },
  );
}

/** A ZIP listing `count` small entries. */
export function manyEntriesZip(count: number): Buffer {
  return zipOfEntries(Array.from({ length: count }, (_, i) => ({ name: `part${i}.txt`, content: Buffer.from('x') })));
}
