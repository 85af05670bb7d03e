/**
 * Reads wire files off the site's main thread. A file near the size limit
 * can take the reader a second or more (parse5 and saxes go character by
 * character), and while it runs on the main thread no page, API call or
 * stream is answered: the inbox, and the whole site, would stall on one
 * hostile file. Here one worker thread reads files in turn, with its own
 * heap limit (a file that needs more is refused, the site's heap untouched)
 * and a time limit (a file that takes longer is refused and the thread
 * replaced). The thread starts at the first file and ends after a quiet
 * minute. If the thread cannot start at all, files are read in-process, as
 * the command line does.
 */
import { Worker } from 'node:worker_threads';
import { parseWireFile } from './parseWireFile.js';
import type { WireParseResult } from './wireItem.js';
import type { WireThreadAnswer, WireThreadRequest } from './wireParseThread.js';

// Built, the thread is the .js beside this file. Run from the sources under tsx (the tests), it is
// the .ts, and a worker does not inherit tsx's loader on Node 20, so a two-line starter loads it first.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`./wireParseThread${FROM_SOURCES ? '.ts' : '.js'}`, import.meta.url);
const SOURCES_STARTER = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`;

export interface WireThreadLimits {
  /** A file taking longer is refused and the thread replaced. */
  readonly timeoutMs: number;
  /** The thread's old-generation heap; a file needing more is refused. */
  readonly heapMb: number;
  /** The thread ends after this long without a file. */
  readonly idleMs: number;
}

export const WIRE_THREAD_LIMITS: WireThreadLimits = { timeoutMs: 30_000, heapMb: 512, idleMs: 60_000 };

interface Job {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly resolve: (result: WireParseResult) => void;
}

export interface WireParserThread {
  parse(bytes: Uint8Array, name: string): Promise<WireParseResult>;
  /** Ends the thread (files waiting are read in-process); for tests and shutdown. */
  close(): Promise<void>;
  /** Files answered so far by the thread and read in-process (when the thread could not be had). */
  reads(): { readonly inThread: number; readonly inProcess: number };
}

let shared: WireParserThread | null = null;

/**
 * The site's one reader thread, made at the first file (the API and the drop folder share it). It
 * holds the process open only while reading a file, and ends itself after a quiet minute, so the app
 * has nothing to stop.
 */
export function sharedWireParserThread(): WireParserThread {
  shared ??= createWireParserThread();
  return shared;
}

export function createWireParserThread(limits: WireThreadLimits = WIRE_THREAD_LIMITS): WireParserThread {
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let broken = false;
  let current: Job | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const counts = { inThread: 0, inProcess: 0 };

  const finish = (job: Job, result: WireParseResult) => {
    clearTimeout(timer);
    current = null;
    job.resolve(result);
    pump();
  };

  const inProcess = (job: Job) => {
    counts.inProcess += 1;
    try {
      job.resolve(parseWireFile(job.bytes, job.name));
    } catch (error) {
      job.resolve({
        ok: false,
        reason: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  /** Drops the thread after a fault; the file it was reading is refused with `reason`. */
  const lose = (reason: string) => {
    const lost = worker;
    worker = null;
    ready = false;
    void lost?.terminate();
    const job = current;
    if (job === null) {
      pump();
      return;
    }
    // A thread that never started refuses nothing: the file is read in-process instead.
    if (broken) {
      clearTimeout(timer);
      current = null;
      inProcess(job);
      pump();
      return;
    }
    finish(job, { ok: false, reason });
  };

  const start = (): Worker => {
    const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb };
    const started = FROM_SOURCES
      ? new Worker(SOURCES_STARTER, { eval: true, resourceLimits })
      : new Worker(ENTRY, { resourceLimits });
    ready = false;
    started.on('message', (answer: WireThreadAnswer) => {
      if (started !== worker) return;
      if (answer.kind === 'ready') {
        ready = true;
        return;
      }
      if (current !== null && answer.id === current.id) {
        counts.inThread += 1;
        finish(current, answer.result);
      }
    });
    started.on('error', (error: Error & { code?: string }) => {
      if (started !== worker) return;
      // Failing before it is loaded (not for a file's sake) means this thread cannot be had here.
      if (!ready && error.code !== 'ERR_WORKER_OUT_OF_MEMORY') broken = true;
      lose(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The file could not be read: it needs more than ${limits.heapMb} MB to read.`
          : `The file could not be read: ${error.message}`,
      );
    });
    started.on('exit', () => {
      if (started !== worker) return;
      if (!ready) broken = true;
      lose('The file could not be read: the reader stopped.');
    });
    return started;
  };

  function pump(): void {
    while (current === null) {
      const job = queue.shift();
      if (job === undefined) {
        worker?.unref();
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
          const idle = worker;
          worker = null;
          ready = false;
          void idle?.terminate();
        }, limits.idleMs);
        idleTimer.unref();
        return;
      }
      clearTimeout(idleTimer);
      if (!broken) {
        try {
          worker ??= start();
        } catch {
          broken = true;
        }
      }
      if (broken || worker === null) {
        inProcess(job);
        continue;
      }
      worker.ref();
      current = job;
      timer = setTimeout(() => {
        if (current === job)
          lose(`The file could not be read: it took longer than ${limits.timeoutMs / 1000} s to read.`);
      }, limits.timeoutMs);
      // Structured-cloned to the thread: the caller's buffer stays the caller's.
      worker.postMessage({ id: job.id, bytes: job.bytes, name: job.name } satisfies WireThreadRequest);
    }
  }

  return {
    parse(bytes, name) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, bytes, name, resolve });
        pump();
      });
    },
    reads: () => ({ ...counts }),
    async close() {
      clearTimeout(idleTimer);
      const closing = worker;
      worker = null;
      broken = true;
      if (current !== null) {
        const job = current;
        clearTimeout(timer);
        current = null;
        inProcess(job);
      }
      while (queue.length > 0) {
        const job = queue.shift();
        if (job !== undefined) inProcess(job);
      }
      await closing?.terminate();
    },
  };
}
