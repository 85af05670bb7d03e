import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The market's durable side: an append-only event log with day-close
 * checkpoints, the instrument master kept by imports and the desk, daily bars,
 * and the API tokens of feeds and (later) newsroom roles.
 */
export function marketMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const position = logPositionColumn(dialect);

      await db.schema
        .createTable('market_events')
        .addColumn('position', position.type, position.build)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('feed', 'text')
        .addColumn('seq', 'bigint')
        .addColumn('body_json', 'text', (c) => c.notNull())
        .addColumn('event_time', 'bigint', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addCheckConstraint('market_events_kind_check', sql`kind in ('trade', 'fxRate', 'corporateAction', 'dayClose')`)
        .addCheckConstraint('market_events_seq_check', sql`(feed is null) = (seq is null)`)
        // A feed's trade is taken once, however often it is sent (NULLs never collide).
        .addUniqueConstraint('market_events_feed_seq_unique', ['feed', 'seq'])
        .execute();

      await db.schema
        .createTable('market_checkpoints')
        .addColumn('position', 'bigint', (c) => c.primaryKey())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('state_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('market_instruments')
        .addColumn('symbol', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sector', 'text', (c) => c.notNull())
        .addColumn('shares_outstanding', 'bigint')
        .addColumn('free_float', 'integer')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('daily_bars')
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
        .addCheckConstraint(
          'daily_bars_range_check',
          sql`low <= open and low <= close and high >= open and high >= close`,
        )
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
    },
  };
}

interface LogPositionColumn {
  readonly type: 'integer' | 'bigserial';
  build(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}

/** The log's order: strictly increasing, never reused (AUTOINCREMENT on SQLite). */
function logPositionColumn(dialect: StoreDialect): LogPositionColumn {
  switch (dialect) {
    case 'sqlite':
      return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
    case 'postgres':
      return { type: 'bigserial', build: (c) => c.primaryKey() };
  }
}
