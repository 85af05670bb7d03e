/**
 * The market log's SQLite writer, on a thread of its own with its own
 * connection: the INSERT and COMMIT of a group commit (about a third of the
 * push API's CPU per trade) run here while the site's thread takes the next
 * requests. One batch at a time, in the order sent, each answered only after
 * its COMMIT returned, so an acknowledged trade is as durable as before.
 */
import type Sqlite from 'better-sqlite3';
import { serveWrites } from '../writerThreadMain.js';
import { EVENT_COLUMNS, LOG_ROWS_PER_INSERT, type LogJob } from './logWriterProtocol.js';

serveWrites<LogJob>((database) => {
  const statements = new Map<number, Sqlite.Statement>();
  const insertOf = (rows: number): Sqlite.Statement => {
    let statement = statements.get(rows);
    if (statement === undefined) {
      const tuple = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
      const columns = EVENT_COLUMNS.map((column) => `"${column}"`).join(', ');
      statement = database.prepare(
        `insert into "market_events" (${columns}) values ${Array(rows).fill(tuple).join(', ')}`,
      );
      statements.set(rows, statement);
    }
    return statement;
  };

  const width = EVENT_COLUMNS.length;
  const insertAll = database.transaction((values: LogJob) => {
    const rows = values.length / width;
    for (let start = 0; start < rows; start += LOG_ROWS_PER_INSERT) {
      const end = Math.min(rows, start + LOG_ROWS_PER_INSERT);
      insertOf(end - start).run(values.slice(start * width, end * width));
    }
  });
  // IMMEDIATE: the write lock is taken at BEGIN, so a writer in another process makes this wait
  // (busy_timeout) instead of failing half-way through the batch.
  return (values) => insertAll.immediate(values);
});
