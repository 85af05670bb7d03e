import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { readWireFile, wireFilesUnder } from '../../ingest/wire/wireFiles.js';
import type { WireReader } from '../../news/wireItem.js';
import type { Service } from '../../shared/service.js';
import type { WireInboxStore } from '../../store/wire/wireInboxStore.js';
import {
  ingestWireFile,
  MAX_WIRE_FILE_BYTES,
  tallyOutcomes,
  type WireItemOutcome,
  wireFileRejected,
} from './wireIngest.js';

export interface WireDropFolderOptions {
  readonly dir: string;
  readonly wire: Pick<WireInboxStore, 'store'>;
  readonly parse: WireReader;
  readonly now: () => Date;
  /**
   * Whether this process watches now. With several processes on one database
   * only the market engine does (docs/wire.md), so two never ingest the same
   * drop; a file taken twice at a hand-over is only a duplicate.
   */
  readonly isWatcher: () => boolean;
  /** Time between looks at the folder. */
  readonly intervalMs?: number;
  /** A file changed more recently than this is left for the next look: it may still be being written. */
  readonly settleMs?: number;
  readonly onFile?: (file: string, outcomes: readonly WireItemOutcome[]) => void;
  readonly onError: (error: unknown) => void;
}

export const DONE_DIR = 'done';
export const REJECTED_DIR = 'rejected';

/**
 * The drop folder: every file put in `dir` (or a folder under it) goes into
 * the wire inbox, then moves to `done/`, or to `rejected/` with a
 * `.reason.txt` beside it when nothing of it could be used. A file is moved
 * only after its items are committed, so a restart at any point takes it
 * again (a repeat is a duplicate, never a second copy); a bad file is moved
 * aside and never holds up the files after it.
 */
export function wireDropFolder(options: WireDropFolderOptions): Service {
  const intervalMs = options.intervalMs ?? 1000;
  const settleMs = options.settleMs ?? 500;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = true;

  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  const tick = () => {
    running = (options.isWatcher() ? sweep() : Promise.resolve()).catch(options.onError).finally(() => {
      running = null;
      schedule();
    });
  };

  async function sweep(): Promise<void> {
    const files = await wireFilesUnder(options.dir, [DONE_DIR, REJECTED_DIR]);
    for (const file of files) {
      if (stopped) return;
      const info = await stat(file).catch(() => null);
      if (info === null || options.now().getTime() - info.mtimeMs < settleMs) continue;
      const read = await readWireFile(file, MAX_WIRE_FILE_BYTES);
      if (!read.ok && /grew while/.test(read.reason)) continue;
      // A database failure throws here and ends this look; the file stays and is taken on the next.
      const outcomes = read.ok
        ? await ingestWireFile(options, read.bytes, relative(options.dir, file))
        : [wireFileRejected(relative(options.dir, file), read.reason)];
      const tally = tallyOutcomes(outcomes);
      const usable = outcomes.length - tally.rejected;
      await moveAside(file, usable > 0 ? DONE_DIR : REJECTED_DIR, outcomes);
      options.onFile?.(file, outcomes);
    }
  }

  async function moveAside(file: string, into: string, outcomes: readonly WireItemOutcome[]): Promise<void> {
    const folder = join(options.dir, into);
    await mkdir(folder, { recursive: true });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    const target = join(folder, `${stamp}-${basename(file)}`);
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    if (rejected.length > 0) {
      const lines = rejected.map((outcome) =>
        outcome.agencyId === null ? `${outcome.reason}` : `${outcome.agencyId}: ${outcome.reason}`,
      );
      await writeFile(`${target}.reason.txt`, `${lines.join('\n')}\n`);
    }
    try {
      await rename(file, target);
    } catch (error) {
      // Another watcher at a lease hand-over moved it first: nothing is lost.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  return {
    name: 'wire drop folder',
    async start() {
      await mkdir(join(options.dir, DONE_DIR), { recursive: true });
      await mkdir(join(options.dir, REJECTED_DIR), { recursive: true });
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
