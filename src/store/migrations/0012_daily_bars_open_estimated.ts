import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Whether a day's open is the site's estimate: the exchange's closing file
 * left OPEN at 0 on a traded row, and the import took the previous close
 * held within the day's range (docs/api.md, "End-of-day import"). Pages mark
 * such an open rather than present it as the exchange's.
 */
export function dailyBarsOpenEstimatedMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`alter table daily_bars add column open_estimated integer not null default 0`.execute(db);
    },
  };
}
