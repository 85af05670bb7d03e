import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * A day's open and close need not lie inside its high–low: the exchange's
 * official close follows its closing-price rule and can fall outside the
 * traded range, and an index opens before its members' first trades
 * (psx-market.md §4.7). Only low ≤ high is a real constraint. PostgreSQL
 * swaps the check; SQLite cannot alter one, so the table is rebuilt with the
 * same rows.
 */
export function dailyBarsOfficialCloseMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      switch (dialect) {
        case 'postgres':
          await sql`alter table daily_bars drop constraint daily_bars_range_check`.execute(db);
          await sql`alter table daily_bars add constraint daily_bars_range_check check (low <= high)`.execute(db);
          return;
        case 'sqlite':
          await db.schema
            .createTable('daily_bars_next')
            .addColumn('code', 'text', (c) => c.notNull())
            .addColumn('date', 'text', (c) => c.notNull())
            .addColumn('open', 'bigint', (c) => c.notNull())
            .addColumn('high', 'bigint', (c) => c.notNull())
            .addColumn('low', 'bigint', (c) => c.notNull())
            .addColumn('close', 'bigint', (c) => c.notNull())
            .addColumn('volume', 'bigint', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'bigint', (c) => c.notNull())
            .addPrimaryKeyConstraint('daily_bars_pk', ['code', 'date'])
            .addCheckConstraint('daily_bars_range_check', sql`low <= high`)
            .execute();
          await sql`insert into daily_bars_next (code, date, open, high, low, close, volume, source, updated_at)
            select code, date, open, high, low, close, volume, source, updated_at from daily_bars`.execute(db);
          await db.schema.dropTable('daily_bars').execute();
          await db.schema.alterTable('daily_bars_next').renameTo('daily_bars').execute();
          return;
      }
    },
  };
}
