/**
 * The body of a SQLite writer thread (writerThread.ts): opens its own
 * connection to the file and runs the jobs it is sent, one at a time, in
 * the order sent, each answered only once it returned (after its COMMIT).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import { applyConnectionSettings } from './sqliteSettings.js';
import type { WriterAnswer, WriterJob, WriterReady } from './writerThread.js';

/** Runs `write` for every job the thread is sent, on a connection to the file it was started for. */
export function serveWrites<Job>(prepare: (database: Sqlite.Database) => (job: Job) => void): void {
  const port = parentPort;
  if (port === null) throw new Error('a writer thread runs as a worker thread');
  const { path } = workerData as { readonly path: string };

  const database = new Sqlite(path);
  // The site connection's settings: a commit survives a kill -9 once it returned, and a writer in another
  // process makes this thread wait, not the site's.
  applyConnectionSettings(database);
  const write = prepare(database);

  port.on('message', ({ id, job }: WriterJob<Job>) => {
    let answer: WriterAnswer;
    try {
      write(job);
      answer = { id, ok: true };
    } catch (error) {
      const { message, code } = error as { message?: unknown; code?: unknown };
      answer = {
        id,
        ok: false,
        message: typeof message === 'string' ? message : String(error),
        code: typeof code === 'string' ? code : null,
      };
    }
    port.postMessage(answer);
  });
  port.postMessage({ ready: true } satisfies WriterReady);
}
