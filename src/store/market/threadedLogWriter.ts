import { Worker } from 'node:worker_threads';
import type { LogWriterAnswer } from './logWriterProtocol.js';

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
   * (nothing of it written). Batches are committed in the order given.
   */
  write(values: readonly (string | number | null)[]): Promise<void>;
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

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The thread starts at the first write. It holds the process open only while
 * a write is pending, so a command that recorded its last change can exit.
 * A thread that dies fails the writes it had (as a failed COMMIT would) and
 * is started again at the next.
 */
export function createThreadedLogWriter(path: string): ThreadedLogWriter {
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  // The newest write, settled: batches commit in order, so once it has, all have.
  let last: Promise<unknown> = Promise.resolve();

  const failAll = (error: unknown) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = FROM_SOURCES
      ? new Worker(SOURCES_STARTER, { eval: true, workerData: { path } })
      : new Worker(ENTRY, { workerData: { path } });
    started.on('message', (answer: LogWriterAnswer) => {
      const waiting = pending.get(answer.id);
      if (waiting === undefined) return;
      pending.delete(answer.id);
      if (pending.size === 0) started.unref();
      if (answer.ok) waiting.resolve();
      else waiting.reject(new LogWriteError(answer.message, answer.code));
    });
    const ended = (reason: string) => {
      if (worker !== started) return;
      worker = null;
      failAll(new LogWriteError(`the market log writer thread ended: ${reason}`, null));
    };
    started.on('error', (error) => ended(error.message));
    started.on('exit', (code) => ended(`exit code ${code}`));
    return started;
  };

  return {
    write(values) {
      if (closed) return Promise.reject(new LogWriteError('the market log writer is closed', null));
      worker ??= start();
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
