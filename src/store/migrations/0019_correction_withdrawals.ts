import { type Kysely, type Migration, sql } from 'kysely';

/**
 * A correction or update on a published story can be amended (its text
 * replaced, with the time of the amendment shown) or withdrawn: a withdrawn
 * note is not deleted but stays as a visible line saying when and why, as
 * newspapers leave a trace of a withdrawn correction.
 */
export function correctionWithdrawalsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // One ALTER per column: SQLite adds a single column per statement.
      await sql`alter table article_corrections add column amended_at bigint`.execute(db);
      await sql`alter table article_corrections add column withdrawn_at bigint`.execute(db);
      await sql`alter table article_corrections add column withdrawal_note text`.execute(db);
    },
  };
}
