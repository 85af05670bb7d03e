import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Newsroom workflow facts beyond the status: the embargo (a time before which
 * a story may be neither published nor scheduled), the note of the last
 * send-back to the writer (shown in the editor until the story is submitted
 * again), and the bylines after the first one (a JSON list; the first byline
 * keeps its columns so every existing reader query, index and feed goes on
 * reading it).
 */
export function articleEmbargoSendBackMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // One ALTER per column: SQLite adds a single column per statement.
      await sql`alter table articles add column embargo_until bigint`.execute(db);
      await sql`alter table articles add column sent_back_note text`.execute(db);
      await sql`alter table articles add column sent_back_by text`.execute(db);
      await sql`alter table articles add column sent_back_at bigint`.execute(db);
      await sql`alter table articles add column more_bylines_json text`.execute(db);
    },
  };
}
