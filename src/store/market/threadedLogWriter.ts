import { createThreadedWriter, type ThreadedWriter, type ThreadedWriterOptions } from '../writerThread.js';
import type { LogJob } from './logWriterProtocol.js';

/**
 * Writes a SQLite market log's event rows on a thread of its own (logWriterThread.ts): a job is one batch's
 * rows, written in one transaction; batches commit in the order given.
 */
export type ThreadedLogWriter = ThreadedWriter<LogJob>;

export function createThreadedLogWriter(path: string, options: ThreadedWriterOptions = {}): ThreadedLogWriter {
  return createThreadedWriter<LogJob>(
    { name: 'market log writer', entry: new URL('./logWriterThread.js', import.meta.url) },
    path,
    options,
  );
}
