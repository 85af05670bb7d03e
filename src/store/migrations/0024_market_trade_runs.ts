import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * One log row may hold a run of one feed's trades with consecutive seqs
 * (`seq` to `seq_last`), the push API's usual batch: one row per run instead
 * of one per trade is most of the log's cost saved (bench/RESULTS.md). Rows
 * written before keep `seq_last` null and mean one event, as before.
 *
 * The unique (feed, seq) index only sees a run's first seq, so a trigger on
 * both databases refuses any row whose seqs meet a logged one the index does
 * not catch: a logged row starting inside the new run, or the row just below
 * it reaching up into it. Both are lookups on that index, and the trigger
 * runs once per row, not per trade.
 */
export function marketTradeRunsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      switch (dialect) {
        case 'postgres':
          await sql`alter table market_events add column seq_last bigint,
            add constraint market_events_seq_last_check check (seq_last is null or seq_last > seq)`.execute(db);
          await sql
            .raw(`create function market_events_seq_once() returns trigger language plpgsql as $$
            begin
              if exists (${LOGGED_IN_RUN}) or (${REACHED_FROM_BELOW}) >= new.seq then
                raise exception 'duplicate key value violates unique constraint "market_events_feed_seq_unique"'
                  using errcode = 'unique_violation', constraint = 'market_events_feed_seq_unique',
                    detail = format('Key (feed, seq)=(%s, %s..%s) meets a logged seq.', new.feed, new.seq,
                      coalesce(new.seq_last, new.seq));
              end if;
              return new;
            end $$`)
            .execute(db);
          await sql`create trigger market_events_seq_once before insert on market_events
            for each row when (new.seq is not null) execute function market_events_seq_once()`.execute(db);
          return;
        case 'sqlite':
          await sql`alter table market_events add column seq_last bigint
            check (seq_last is null or seq_last > seq)`.execute(db);
          await sql
            .raw(`create trigger market_events_seq_once before insert on market_events
            when new.seq is not null
            begin
              select raise(abort, 'UNIQUE constraint failed: market_events.feed, market_events.seq')
              where exists (${LOGGED_IN_RUN}) or (${REACHED_FROM_BELOW}) >= new.seq;
            end`)
            .execute(db);
          return;
      }
    },
  };
}

/**
 * A logged row starting inside the new run past its first seq (the first
 * itself is the unique index's, which keeps its own error for a repeat).
 */
const LOGGED_IN_RUN = `select 1 from market_events
  where feed = new.feed and seq > new.seq and seq <= new.seq_last`;

/** The last seq of the logged row starting just below the new row's first (null: none). */
const REACHED_FROM_BELOW = `select coalesce(seq_last, seq) from market_events
  where feed = new.feed and seq < new.seq order by seq desc limit 1`;
