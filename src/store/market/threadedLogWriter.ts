import { Worker } from 'node:worker_threads';
import type { LogWriterAnswer, LogWriterReady } from './logWriterProtocol.js';

// Built, the thread is the .js beside this file. Run from the sources under tsx (the tests), it is
// the .ts, and a worker does not inherit tsx's loader on Node 20, so a two-line starter loads it first.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./logWriterThread${FROM_SOURCES ? '.ts' : '.js'}`, import.meta.url);
const SOURCES_STARTER = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`;

/** Writes a SQLite market log's event rows on a thread of its own (logWriterThread.ts). */
export interface ThreadedLogWriter {
  /**
   * Writes the rows (EVENT_COLUMNS.length values each) in one transaction;
   * resolves after its COMMIT, rejects with `LogWriteError` when it failed
   * (nothing of it written), or with `LogWriterUnavailable` when the thread
   * could not be started (nothing of it tried). Batches commit in the order given.
   */
  write(values: readonly (string | number | null)[]): Promise<void>;
  /** False once the thread could not be started: every write is then refused at once. */
  readonly available: boolean;
  /** Waits for the batches sent, then ends the thread. */
  close(): Promise<void>;
}

/** The writer thread's SQLite error (its `code`, e.g. SQLITE_CONSTRAINT_UNIQUE, SQLITE_FULL), or its end. */
export class LogWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'LogWriteError';
  }
}

/** The thread could not be made or ended before its connection was open: no batch reached it. */
export class LogWriterUnavailable extends Error {
  constructor(reason: string) {
    super(`the market log writer thread could not start: ${reason}`);
    this.name = 'LogWriterUnavailable';
  }
}

export interface ThreadedLogWriterOptions {
  /** How the thread is made (tests make one that cannot start); by default logWriterThread.ts. */
  readonly startThread?: (path: string) => Worker;
  /** Told once, when the thread could not be started. */
  readonly onUnavailable?: (error: LogWriterUnavailable) => void;
}

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function startWriterThread(path: string): Worker {
  return FROM_SOURCES
    ? new Worker(SOURCES_STARTER, { eval: true, workerData: { path } })
    : new Worker(ENTRY, { workerData: { path } });
}

/**
 * The thread starts at the first write. It holds the process open only while
 * a write is pending, so a command that recorded its last change can exit.
 * A thread that dies fails the writes it had (as a failed COMMIT would) and
 * is started again at the next. A thread that cannot start at all (no
 * worker can be made, or it ends before its connection is open) is not tried
 * again: the writer says it is unavailable and the log writes on the site's
 * own connection instead (marketLog.ts).
 */
export function createThreadedLogWriter(path: string, options: ThreadedLogWriterOptions = {}): ThreadedLogWriter {
  const startThread = options.startThread ?? startWriterThread;
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let unavailable: LogWriterUnavailable | null = null;
  // The newest write, settled: batches commit in order, so once it has, all have.
  let last: Promise<unknown> = Promise.resolve();

  const failAll = (error: unknown) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const giveUp = (reason: string): LogWriterUnavailable => {
    const error = new LogWriterUnavailable(reason);
    unavailable = error;
    failAll(error);
    options.onUnavailable?.(error);
    return error;
  };

  const start = (): Worker => {
    const started = startThread(path);
    let ready = false;
    started.on('message', (message: LogWriterAnswer | LogWriterReady) => {
      if ('ready' in message) {
        ready = true;
        return;
      }
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (message.ok) waiting.resolve();
      else waiting.reject(new LogWriteError(message.message, message.code));
    });
    const ended = (reason: string) => {
      if (worker !== started) return;
      worker = null;
      if (ready) {
        failAll(new LogWriteError(`the market log writer thread ended: ${reason}`, null));
      } else {
        giveUp(reason);
      }
    };
    started.on('error', (error) => ended(error.message));
    started.on('exit', (code) => ended(`exit code ${code}`));
    return started;
  };

  return {
    get available() {
      return unavailable === null;
    },
    write(values) {
      if (closed) return Promise.reject(new LogWriteError('the market log writer is closed', null));
      if (unavailable !== null) return Promise.reject(unavailable);
      if (worker === null) {
        try {
          worker = start();
        } catch (error) {
          return Promise.reject(giveUp(error instanceof Error ? error.message : String(error)));
        }
      }
      const id = nextId++;
      const current = worker;
      const written = new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        current.ref();
        current.postMessage({ id, values });
      });
      last = written.catch(() => undefined);
      return written;
    },
    async close() {
      closed = true;
      await last;
      const running = worker;
      worker = null;
      if (running !== null) await running.terminate();
    },
  };
}
