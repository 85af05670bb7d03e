/**
 * The body of a SQLite writer thread (writerThread.ts): opens its own
 * connection to the file and runs the jobs it is sent, one at a time, in
 * the order sent, each answered only once it returned (after its COMMIT).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import type { WriterAnswer, WriterJob, WriterReady } from './writerThread.js';

/** Runs `write` for every job the thread is sent, on a connection to the file it was started for. */
export function serveWrites<Job>(prepare: (database: Sqlite.Database) => (job: Job) => void): void {
  const port = parentPort;
  if (port === null) throw new Error('a writer thread runs as a worker thread');
  const { path } = workerData as { readonly path: string };

  const database = new Sqlite(path);
  // The same settings as the site's own connection (store/connect.ts): a commit in WAL mode with
  // synchronous=NORMAL survives a kill -9 of the process once it returned. A writer in another process
  // makes this thread wait (busy_timeout), not the site's.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
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
