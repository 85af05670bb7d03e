import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Every kind the market log holds; `deskChange` (the market desk's listings, amendments, recompositions, calendar edits) is new here. */
const KIND_CHECK = sql`kind in ('trade', 'fxRate', 'corporateAction', 'dayClose', 'deskChange')`;

/**
 * Lets the market log hold the desk's changes. PostgreSQL swaps the check
 * constraint; SQLite cannot alter one, so the table is rebuilt with the same
 * rows, positions and AUTOINCREMENT counter (positions are never reused).
 */
export function marketDeskEventsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      switch (dialect) {
        case 'postgres':
          await sql`alter table market_events drop constraint market_events_kind_check`.execute(db);
          await sql`alter table market_events add constraint market_events_kind_check check (${KIND_CHECK})`.execute(
            db,
          );
          return;
        case 'sqlite':
          await db.schema
            .createTable('market_events_next')
            .addColumn('position', 'integer', (c) => c.primaryKey().autoIncrement())
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('feed', 'text')
            .addColumn('seq', 'bigint')
            .addColumn('body_json', 'text', (c) => c.notNull())
            .addColumn('event_time', 'bigint', (c) => c.notNull())
            .addColumn('recorded_at', 'bigint', (c) => c.notNull())
            .addCheckConstraint('market_events_kind_check', KIND_CHECK)
            .addCheckConstraint('market_events_seq_check', sql`(feed is null) = (seq is null)`)
            .addUniqueConstraint('market_events_feed_seq_unique', ['feed', 'seq'])
            .execute();
          await sql`insert into market_events_next (position, kind, feed, seq, body_json, event_time, recorded_at)
            select position, kind, feed, seq, body_json, event_time, recorded_at from market_events`.execute(db);
          await sql`update sqlite_sequence set seq = coalesce((select seq from sqlite_sequence where name = 'market_events'), seq)
            where name = 'market_events_next'`.execute(db);
          await db.schema.dropTable('market_events').execute();
          await db.schema.alterTable('market_events_next').renameTo('market_events').execute();
          return;
      }
    },
  };
}
