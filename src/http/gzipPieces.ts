import zlib, { deflateRawSync, constants as zlibConstants } from 'node:zlib';

/**
 * A run of a body's bytes as raw deflate (RFC 1951) that another run may follow: compressed by a stream of its
 * own (so it refers to nothing before it) and ended by a sync flush (so it ends on a byte, with no final block).
 * Runs laid end to end are one valid deflate stream; see gzipOfPieces.
 */
export interface DeflatedRun {
  readonly bytes: Buffer;
  readonly deflated: Buffer;
}

/** zlib.crc32 came in Node 20.15; without it a body is compressed whole, as before. */
const crc32: ((data: Buffer, value?: number) => number) | undefined = (
  zlib as { crc32?: (data: Buffer, value?: number) => number }
).crc32;

export const canJoinGzipPieces = crc32 !== undefined;

// Below this a run is sent as a stored block: setting up a zlib stream (~15 µs) costs more than the tens of bytes
// compressing a page's glue between its shared parts (closing and opening tags) would save.
export const STORED_BELOW = 256;
const STORED_MAX = 0xffff;

/** Compresses `bytes` as a run that other runs may follow. */
export function deflateRun(bytes: Buffer, level: number): DeflatedRun {
  if (bytes.length < STORED_BELOW) return storedRun(bytes);
  // A run refers to nothing before it, so a window larger than the run saves nothing and costs setting up.
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 262))));
  return {
    bytes,
    deflated: deflateRawSync(bytes, { level, windowBits, finishFlush: zlibConstants.Z_SYNC_FLUSH }),
  };
}

/** `bytes` as stored (uncompressed) blocks: a run at no cost for a few bytes of glue. */
export function storedRun(bytes: Buffer): DeflatedRun {
  return { bytes, deflated: storedBlocks(bytes) };
}

/** Non-final stored blocks (RFC 1951 §3.2.4): a one-byte header (BFINAL 0, BTYPE 00), LEN and its complement. */
function storedBlocks(bytes: Buffer): Buffer {
  const blocks = Math.max(1, Math.ceil(bytes.length / STORED_MAX));
  const out = Buffer.allocUnsafe(bytes.length + 5 * blocks);
  let at = 0;
  for (let start = 0; start < bytes.length || at === 0; start += STORED_MAX) {
    const length = Math.min(STORED_MAX, bytes.length - start);
    out[at] = 0;
    out.writeUInt16LE(length, at + 1);
    out.writeUInt16LE(~length & 0xffff, at + 3);
    bytes.copy(out, at + 5, start, start + length);
    at += 5 + length;
  }
  return out;
}

// RFC 1952 §2.3: magic, CM = deflate, no flags, no modification time, no extra flags, OS unknown.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// An empty final block with fixed codes (BFINAL 1, BTYPE 01, end-of-block): closes the stream after any run.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * One gzip member (RFC 1952) of the runs in order: the header, the runs' deflate data, an empty final block, then
 * the CRC-32 and length of all their bytes. Decompresses to the runs' bytes end to end. Needs canJoinGzipPieces.
 */
export function gzipOfPieces(runs: readonly DeflatedRun[]): Buffer {
  if (crc32 === undefined) throw new Error('joining gzip pieces needs zlib.crc32 (Node 20.15 or later)');
  let crc = 0;
  let size = 0;
  let deflatedSize = 0;
  for (const run of runs) {
    crc = crc32(run.bytes, crc);
    size += run.bytes.length;
    deflatedSize += run.deflated.length;
  }
  const out = Buffer.allocUnsafe(GZIP_HEADER.length + deflatedSize + FINAL_BLOCK.length + 8);
  let at = GZIP_HEADER.copy(out, 0);
  for (const run of runs) at += run.deflated.copy(out, at);
  at += FINAL_BLOCK.copy(out, at);
  out.writeUInt32LE(crc >>> 0, at);
  // ISIZE is the length modulo 2^32.
  out.writeUInt32LE(size % 0x1_0000_0000, at + 4);
  return out;
}
