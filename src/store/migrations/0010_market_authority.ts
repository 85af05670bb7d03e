import { type Kysely, type Migration, sql } from 'kysely';

/**
 * One market engine among many processes (docs/adr/0006-market-authority.md):
 * the lease that names it, and the days it closed. The lease is one row per
 * name (`market`): who holds it, its epoch (the fencing token, one more on
 * every takeover), until when, where the holder answers and the secret the
 * other nodes show it. A closed trading date is a primary key, so a second
 * close of one date fails its whole log batch whatever the market in memory
 * believed; the dates already closed in the log are entered here first.
 */
export function marketAuthorityMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('market_engine_lease')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('epoch', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('engine_url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('renewed_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('market_day_closes')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('closed_at', 'bigint', (c) => c.notNull())
        .execute();
      const { rows } = await sql<{ body_json: string; event_time: number | string }>`
        select body_json, event_time from market_events where kind = 'dayClose' order by position`.execute(db);
      const closed = new Map<string, number>();
      for (const row of rows) {
        const date = (JSON.parse(row.body_json) as { date?: unknown }).date;
        if (typeof date === 'string' && !closed.has(date)) closed.set(date, Number(row.event_time));
      }
      for (const [date, closedAt] of closed) {
        await sql`insert into market_day_closes (date, closed_at) values (${date}, ${closedAt})`.execute(db);
      }
    },
  };
}
