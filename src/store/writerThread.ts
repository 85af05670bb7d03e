import { Worker } from 'node:worker_threads';

// Built, a thread's entry is the .js beside its module. Run from the sources under tsx (the tests), it is the
// .ts, and a worker does not inherit tsx's loader on Node 20, so a two-line starter loads it first.
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/** What a writer thread's entry answers each job with (writerThreadMain.ts). */
export type WriterAnswer =
  | { readonly id: number; readonly ok: true }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string | null };

/** A writer thread's first message, once its connection is open: from then on it takes jobs. */
export interface WriterReady {
  readonly ready: true;
}

/** One job as the thread receives it. */
export interface WriterJob<Job> {
  readonly id: number;
  readonly job: Job;
}

/** Writes a SQLite file's rows on a thread of its own, with a connection of its own. */
export interface ThreadedWriter<Job> {
  /**
   * Runs the job on the thread; resolves once it is written (after its
   * COMMIT), rejects with `ThreadWriteError` when it failed, or with
   * `WriterThreadUnavailable` when the thread could not be started (nothing of
   * it tried). Jobs run one at a time, in the order given.
   */
  write(job: Job): Promise<void>;
  /** False once the thread could not be started: every job is then refused at once. */
  readonly available: boolean;
  /** Waits for the jobs sent, then ends the thread. */
  close(): Promise<void>;
}

/** The writer thread's SQLite error (its `code`, e.g. SQLITE_CONSTRAINT_UNIQUE, SQLITE_FULL), or its end. */
export class ThreadWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ThreadWriteError';
  }
}

/** The thread could not be made or ended before its connection was open: no job reached it. */
export class WriterThreadUnavailable extends Error {
  constructor(thread: string, reason: string) {
    super(`the ${thread} thread could not start: ${reason}`);
    this.name = 'WriterThreadUnavailable';
  }
}

export interface ThreadedWriterOptions {
  /** How the thread is made (tests make one that cannot start); by default from the writer's entry. */
  readonly startThread?: (path: string) => Worker;
  /** Told once, when the thread could not be started. */
  readonly onUnavailable?: (error: WriterThreadUnavailable) => void;
}

export interface WriterThreadEntry {
  /** Named in errors: "the {name} thread could not start". */
  readonly name: string;
  /** The built entry module, `new URL('./xThread.js', import.meta.url)`; its .ts is run from the sources. */
  readonly entry: URL;
}

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function threadStarter(entry: URL): (path: string) => Worker {
  if (!FROM_SOURCES) return (path) => new Worker(entry, { workerData: { path } });
  const source = new URL(entry.href.replace(/\.js$/, '.ts'));
  const starter = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return (path) => new Worker(starter, { eval: true, workerData: { path } });
}

/**
 * The thread starts at the first job. It holds the process open only while
 * a job is pending, so a command that recorded its last change can exit.
 * A thread that dies fails the jobs it had (as a failed COMMIT would) and is
 * started again at the next. A thread that cannot start at all (no worker
 * can be made, or it ends before its connection is open) is not tried again:
 * the writer says it is unavailable, and its caller writes on the site's own
 * connection instead.
 */
export function createThreadedWriter<Job>(
  thread: WriterThreadEntry,
  path: string,
  options: ThreadedWriterOptions = {},
): ThreadedWriter<Job> {
  const startThread = options.startThread ?? threadStarter(thread.entry);
  let worker: Worker | null = null;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let unavailable: WriterThreadUnavailable | null = null;
  // The newest job, settled: jobs run in order, so once it has, all have.
  let last: Promise<unknown> = Promise.resolve();

  const failAll = (error: unknown) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

  const giveUp = (reason: string): WriterThreadUnavailable => {
    const error = new WriterThreadUnavailable(thread.name, reason);
    unavailable = error;
    failAll(error);
    options.onUnavailable?.(error);
    return error;
  };

  const start = (): Worker => {
    const started = startThread(path);
    let ready = false;
    started.on('message', (message: WriterAnswer | WriterReady) => {
      if ('ready' in message) {
        ready = true;
        return;
      }
      const waiting = pending.get(message.id);
      if (waiting === undefined) return;
      pending.delete(message.id);
      if (pending.size === 0) started.unref();
      if (message.ok) waiting.resolve();
      else waiting.reject(new ThreadWriteError(message.message, message.code));
    });
    const ended = (reason: string) => {
      if (worker !== started) return;
      worker = null;
      if (ready) {
        failAll(new ThreadWriteError(`the ${thread.name} thread ended: ${reason}`, null));
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
    write(job) {
      if (closed) return Promise.reject(new ThreadWriteError(`the ${thread.name} is closed`, null));
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
        current.postMessage({ id, job } satisfies WriterJob<Job>);
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
