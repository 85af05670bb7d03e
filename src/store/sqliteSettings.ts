import type Sqlite from 'better-sqlite3';

/**
 * The settings of every connection of ours to a SQLite file: the site's own (connect.ts) and each writer
 * thread's (writerThreadMain.ts), so a commit is as durable, and a busy file waited for as long, on any of them.
 */
export function applyConnectionSettings(database: Sqlite.Database): void {
  database.pragma('journal_mode = WAL');
  // In WAL mode, synchronous=NORMAL keeps every committed transaction across a
  // crash or kill -9 of the process (the WAL is in the OS's hands once written);
  // only a power loss or OS crash can drop the last few commits. FULL would add
  // an fsync per commit for that case alone.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // Another connection (a CLI import, another process, a writer thread) may hold the write lock briefly: wait
  // for it on the connection's own thread rather than fail.
  database.pragma('busy_timeout = 5000');
}
