import { deflateRawSync } from 'node:zlib';

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

/**
 * A one-entry ZIP as the exchange serves it. `streamed` leaves sizes out of
 * the local header (general-purpose bit 3), as streaming zippers do.
 */
export function zipOf(name: string, content: Buffer, options: { method?: 0 | 8; streamed?: boolean } = {}): Buffer {
  const method = options.method ?? 8;
  const data = method === 8 ? deflateRawSync(content) : content;
  const nameBytes = Buffer.from(name, 'latin1');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(options.streamed ? 8 : 0, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(options.streamed ? 0 : crc, 14);
  local.writeUInt32LE(options.streamed ? 0 : data.length, 18);
  local.writeUInt32LE(options.streamed ? 0 : content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const descriptor = Buffer.alloc(options.streamed ? 16 : 0);
  if (options.streamed) {
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(data.length, 8);
    descriptor.writeUInt32LE(content.length, 12);
  }
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(options.streamed ? 8 : 0, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + data.length + descriptor.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, descriptor, central, nameBytes, end]);
}
