import { gunzipSync, inflateRawSync } from 'node:zlib';

/** How an import file was packed, told by its first bytes, never by its name. */
export type Packing = 'plain' | 'gzip' | 'zip';

/** A file that cannot be unpacked: the import stops with exit code 2. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/**
 * The exchange serves its closing file as `{date}.Z`: a ZIP since 2019, a gzip
 * before (psx-market.md §5.2). A real LZW `.Z` (compress) is refused: Node has
 * no decoder for it and the exchange no longer sends one.
 */
export function unpack(bytes: Buffer): {
  readonly packing: Packing;
  readonly content: Buffer;
  readonly entry?: string;
} {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return { packing: 'gzip', content: gunzipSync(bytes) };
    } catch (error) {
      throw new UnreadableFileError(`gzip data is damaged: ${message(error)}`);
    }
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x9d) {
    throw new UnreadableFileError('an LZW-compressed (.Z, compress) file; unpack it first or fetch the ZIP');
  }
  if (bytes.length >= 30 && bytes.readUInt32LE(0) === LOCAL_HEADER) return { packing: 'zip', ...unzipFirst(bytes) };
  return { packing: 'plain', content: bytes };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;

/**
 * The archive's `.lis` entry, or else its first file. Read through the central
 * directory, because a streamed ZIP leaves sizes out of the local header.
 */
function unzipFirst(zip: Buffer): { readonly content: Buffer; readonly entry: string } {
  const entries = centralDirectory(zip);
  const chosen = entries.find((e) => /\.lis$/i.test(e.name)) ?? entries.find((e) => !e.name.endsWith('/'));
  if (!chosen) throw new UnreadableFileError('the ZIP archive holds no file');
  if (zip.readUInt32LE(chosen.localOffset) !== LOCAL_HEADER) throw new UnreadableFileError('ZIP entry header missing');
  const nameLength = zip.readUInt16LE(chosen.localOffset + 26);
  const extraLength = zip.readUInt16LE(chosen.localOffset + 28);
  const start = chosen.localOffset + 30 + nameLength + extraLength;
  const data = zip.subarray(start, start + chosen.compressedSize);
  if (data.length !== chosen.compressedSize) throw new UnreadableFileError('the ZIP archive is cut short');
  let content: Buffer;
  switch (chosen.method) {
    case 0:
      content = Buffer.from(data);
      break;
    case 8:
      try {
        content = inflateRawSync(data);
      } catch (error) {
        throw new UnreadableFileError(`ZIP entry ${chosen.name} is damaged: ${message(error)}`);
      }
      break;
    default:
      throw new UnreadableFileError(
        `ZIP entry ${chosen.name} uses compression method ${chosen.method}; only stored and deflate are read`,
      );
  }
  if (content.length !== chosen.size) throw new UnreadableFileError(`ZIP entry ${chosen.name} has the wrong size`);
  return { content, entry: chosen.name };
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function centralDirectory(zip: Buffer): ZipEntry[] {
  // The end record is 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnreadableFileError('not a complete ZIP archive (no central directory)');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_HEADER) {
      throw new UnreadableFileError('the ZIP central directory is damaged');
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('latin1', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
