import type { Readable } from 'node:stream';
import { crc32, createGunzip } from 'node:zlib';
import yauzl from 'yauzl';

/** How an import file was packed, told by its first bytes, never by its name. */
export type Packing = 'plain' | 'gzip' | 'zip';

/** A file that cannot be unpacked or read: the import stops (exit code 2, HTTP 400). */
export class UnreadableFileError extends Error {
  override readonly name: string = 'UnreadableFileError';
}

/** A file that unpacks to more than an import takes: nothing more is inflated (exit code 2, HTTP 413). */
export class FileTooLargeError extends UnreadableFileError {
  override readonly name: string = 'FileTooLargeError';
}

export interface UnpackLimits {
  /** The most bytes the file may unpack to; inflating stops as soon as this is passed. */
  readonly maxBytes: number;
  /** The most entries a ZIP may list. */
  readonly maxEntries: number;
}

/**
 * A closing file of every listed company is about 100 KB (a few hundred at
 * most) and ten years of daily history about 200 KB, so 16 MB is far beyond
 * any real file while a 200 KB archive of zeros that would inflate to 200 MB
 * or more stops here, with memory and parse time bounded.
 */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

// A closing file of every listed company is about 100 KB; a zipped one less. Ten years of daily history is ~200 KB.
// This bounds an import file as sent (the server refuses more with a 413, the command before sending it).
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** The exchange's ZIP holds one file; a few more (a readme, a folder) are allowed, thousands are not. */
export const MAX_ZIP_ENTRIES = 16;

export const IMPORT_LIMITS: UnpackLimits = { maxBytes: MAX_UNPACKED_BYTES, maxEntries: MAX_ZIP_ENTRIES };

/** What an import file unpacked to. */
export interface Unpacked {
  readonly packing: Packing;
  readonly content: Buffer;
  readonly entry?: string;
}

/**
 * The exchange serves its closing file as `{date}.Z`: a ZIP since 2019, a gzip
 * before (psx-market.md §5.2). A real LZW `.Z` (compress) is refused: Node has
 * no decoder for it and the exchange no longer sends one. Inflating streams
 * into a counted buffer, so a decompression bomb is stopped at `maxBytes`.
 */
export async function unpack(bytes: Buffer, limits: UnpackLimits = IMPORT_LIMITS): Promise<Unpacked> {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const gunzip = createGunzip();
    gunzip.end(bytes);
    return { packing: 'gzip', content: await collect(gunzip, limits.maxBytes, 'the gzip data') };
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x9d) {
    throw new UnreadableFileError('an LZW-compressed (.Z, compress) file; unpack it first or fetch the ZIP');
  }
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER)
    return { packing: 'zip', ...(await unzip(bytes, limits)) };
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  return { packing: 'plain', content: bytes };
}

const LOCAL_HEADER = 0x04034b50;

/** The archive's `.lis` entry, or else its first file; only that one is inflated. */
async function unzip(
  bytes: Buffer,
  limits: UnpackLimits,
): Promise<{ readonly content: Buffer; readonly entry: string }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  } catch (error) {
    throw new UnreadableFileError(`the ZIP archive is damaged: ${message(error)}`);
  }
  if (zip.entryCount > limits.maxEntries) {
    throw new UnreadableFileError(
      `the ZIP archive lists ${zip.entryCount} entries; an import file holds one (at most ${limits.maxEntries})`,
    );
  }
  const entries = await directory(zip);
  const files = entries.filter((e) => !e.fileName.endsWith('/'));
  const chosen = files.find((e) => /\.lis$/i.test(e.fileName)) ?? files[0];
  if (!chosen) throw new UnreadableFileError('the ZIP archive holds no file');
  const name = chosen.fileName;
  if (chosen.isEncrypted()) throw new UnreadableFileError(`ZIP entry ${name} is encrypted`);
  if (chosen.compressionMethod !== 0 && chosen.compressionMethod !== 8) {
    throw new UnreadableFileError(
      `ZIP entry ${name} uses compression method ${chosen.compressionMethod}; only stored and deflate are read`,
    );
  }
  // The directory's size is checked before a byte is inflated; the reader holds the entry to it.
  if (chosen.uncompressedSize > limits.maxBytes) throw tooLarge(limits.maxBytes);
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(chosen);
  } catch (error) {
    throw new UnreadableFileError(`ZIP entry ${name} is damaged: ${message(error)}`);
  }
  const content = await collect(stream, limits.maxBytes, `ZIP entry ${name}`);
  if (crc32(content) !== chosen.crc32) throw new UnreadableFileError(`ZIP entry ${name} fails its CRC check`);
  return { content, entry: name };
}

/** The central directory's entries (names and sizes only, nothing inflated). */
function directory(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) =>
      reject(new UnreadableFileError(`the ZIP central directory is damaged: ${message(error)}`)),
    );
    zip.readEntry();
  });
}

/** Reads a stream into one buffer, stopping (and destroying the stream) once it passes `maxBytes`. */
async function collect(stream: Readable, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`${what} is damaged: ${message(error)}`);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(maxBytes: number): FileTooLargeError {
  return new FileTooLargeError(
    `the file unpacks to more than ${sizeText(maxBytes)}; a closing file or a history CSV is far smaller`,
  );
}

function sizeText(bytes: number): string {
  const MB = 1024 * 1024;
  return bytes >= MB ? `${Math.floor(bytes / MB)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
