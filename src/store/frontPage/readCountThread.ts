/**
 * Adds the site's story reads to a SQLite file on a thread of its own, with its own connection. A flush of an
 * archive's long tail is thousands of upserts every few seconds; on the site's thread (better-sqlite3 is
 * synchronous) they, and the wait for the write lock while another process's flush holds it, stopped every page
 * in flight (bench/RESULTS.md, 2026-12-06). Each batch commits on its own, as on the site's connection.
 */
import { serveWrites } from '../writerThreadMain.js';
import { type ReadsJob, readsBatches, SQLITE_ADD_READS } from './readCountStatement.js';

serveWrites<ReadsJob>((database) => {
  const addReads = database.prepare(SQLITE_ADD_READS);
  return ({ day, reads }) => {
    for (const batch of readsBatches(reads)) addReads.run(day, batch);
  };
});
