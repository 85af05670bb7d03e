/**
 * The market log's SQLite writer, on a thread of its own with its own
 * connection: the INSERT and COMMIT of a group commit (about a third of the
 * push API's CPU per trade) run here while the site's thread takes the next
 * requests. One batch at a time, in the order sent, each answered only after
 * its COMMIT returned, so an acknowledged trade is as durable as before.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import {
  EVENT_COLUMNS,
  LOG_ROWS_PER_INSERT,
  type LogWriterAnswer,
  type LogWriterReady,
  type LogWriterRequest,
} from './logWriterProtocol.js';

const port = parentPort;
if (port === null) throw new Error('the market log writer runs as a worker thread');
const { path } = workerData as { readonly path: string };

const database = new Sqlite(path);
// The same settings as the site's own connection (store/connect.ts): a commit in WAL mode with
// synchronous=NORMAL survives a kill -9 of the process once it returned.
database.pragma('journal_mode = WAL');
database.pragma('synchronous = NORMAL');
database.pragma('busy_timeout = 5000');

const statements = new Map<number, Sqlite.Statement>();
function insertOf(rows: number): Sqlite.Statement {
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
}

const width = EVENT_COLUMNS.length;
// IMMEDIATE: the write lock is taken at BEGIN, so a writer in another process makes this wait
// (busy_timeout) instead of failing half-way through the batch.
const insertAll = database.transaction((values: readonly unknown[]) => {
  const rows = values.length / width;
  for (let start = 0; start < rows; start += LOG_ROWS_PER_INSERT) {
    const end = Math.min(rows, start + LOG_ROWS_PER_INSERT);
    insertOf(end - start).run(values.slice(start * width, end * width));
  }
});
const writeBatch = (values: readonly unknown[]) => insertAll.immediate(values);

port.on('message', (request: LogWriterRequest) => {
  let answer: LogWriterAnswer;
  try {
    writeBatch(request.values);
    answer = { id: request.id, ok: true };
  } catch (error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    answer = {
      id: request.id,
      ok: false,
      message: typeof message === 'string' ? message : String(error),
      code: typeof code === 'string' ? code : null,
    };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies LogWriterReady);
