import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipOptions {
  readonly method?: 0 | 8;
  /** Leaves sizes out of the local header (general-purpose bit 3), as streaming zippers do. */
  readonly streamed?: boolean;
  /** Sets the "encrypted" flag (bit 0) without encrypting: enough for a reader to refuse. */
  readonly encrypted?: boolean;
  /** A CRC-32 other than the content's, as in a damaged archive. */
  readonly crc?: number;
  /** An uncompressed size other than the content's, as a crafted archive declares. */
  readonly declaredSize?: number;
  /** Where the end record says the central directory starts, other than where it does. */
  readonly directoryOffset?: number;
}

/** A one-entry ZIP as the exchange serves it, or a damaged or crafted one through `options`. */
export function zipOf(name: string, content: Buffer, options: ZipOptions = {}): Buffer {
  return zipOfEntries([{ name, content }], options);
}

/** An entry's content, or content already deflated (with its CRC-32 and size) for entries too large to hold. */
export type ZipEntryInput =
  | { readonly name: string; readonly content: Buffer }
  | { readonly name: string; readonly deflated: Buffer; readonly crc: number; readonly size: number };

/** A ZIP of several entries, each packed as `options` says. */
export function zipOfEntries(files: readonly ZipEntryInput[], options: ZipOptions = {}): Buffer {
  const method = options.method ?? 8;
  const flags = (options.streamed ? 8 : 0) | (options.encrypted ? 1 : 0);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const packed =
      'content' in file
        ? {
            data: method === 8 ? deflateRawSync(file.content) : file.content,
            crc: crc32(file.content),
            size: file.content.length,
          }
        : { data: file.deflated, crc: file.crc, size: file.size };
    const { data } = packed;
    const entryMethod = 'content' in file ? method : 8;
    const nameBytes = Buffer.from(file.name, 'latin1');
    const crc = options.crc ?? packed.crc;
    const size = options.declaredSize ?? packed.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entryMethod, 8);
    local.writeUInt32LE(options.streamed ? 0 : crc, 14);
    local.writeUInt32LE(options.streamed ? 0 : data.length, 18);
    local.writeUInt32LE(options.streamed ? 0 : size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const descriptor = Buffer.alloc(options.streamed ? 16 : 0);
    if (options.streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(entryMethod, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data, descriptor);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(options.directoryOffset ?? offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
