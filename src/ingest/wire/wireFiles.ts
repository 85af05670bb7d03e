import { lstat, open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file found for the wire inbox: its bytes, or why they were not read. */
export type WireFileRead =
  | { readonly ok: true; readonly path: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly path: string; readonly reason: string };

/** Files under `root` (or `root` itself), recursively, sorted by path; hidden entries and `*.reason.txt` skipped. */
export async function wireFilesUnder(root: string, skipDirs: readonly string[] = []): Promise<string[]> {
  const info = await lstat(root);
  if (info.isFile()) return [root];
  if (!info.isDirectory()) return [];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name.endsWith('.reason.txt')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDirs.includes(relative(root, path))) await walk(path);
      } else if (entry.isFile()) found.push(path);
    }
  };
  await walk(root);
  return found;
}

/**
 * Reads a file of at most `maxBytes`. A larger one is refused after looking at
 * its size only (and a file growing past the limit while read stops at it),
 * so a huge drop never fills memory.
 */
export async function readWireFile(path: string, maxBytes: number): Promise<WireFileRead> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return { ok: false, path, reason: `The file is ${size} bytes; the wire inbox takes at most ${maxBytes}.` };
    }
    // One byte more than the size: a file still being written shows itself by filling it.
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > size)
      return { ok: false, path, reason: 'The file grew while it was read; it will be read again later.' };
    return { ok: true, path, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return {
      ok: false,
      path,
      reason: `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    };
  } finally {
    await handle?.close();
  }
}
