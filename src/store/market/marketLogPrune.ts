import { type Kysely, sql } from 'kysely';
import type { MarketEventKind } from '../../market/book/marketEvent.js';
import type { Database } from '../database.js';
import { eventsInRow } from './marketLogRows.js';

/**
 * The kinds a prune removes: the bulk of the log. Corporate actions, day
 * closes and desk changes are few and are the desk's own history (the
 * corporate-actions page lists them from the log), so they stay.
 */
export const PRUNABLE_KINDS: readonly MarketEventKind[] = ['trade', 'fxRate'];

const ROWS_PER_DELETE = 10_000;

/** The events a row holds: a run of trades (migration 0024) counts each of them. */
const EVENTS_IN_ROW = sql`case when seq_last is null then 1 else seq_last - seq + 1 end`;

export interface LogPruneRequest {
  /** Events stamped before this instant (and checkpoints taken before it) go. */
  readonly beforeMs: number;
  /** Count only; delete nothing. */
  readonly dryRun?: boolean;
}

export type LogPruneResult =
  | {
      readonly outcome: 'pruned';
      /** The newest checkpoint, which a restart loads; nothing at or after its position was touched. */
      readonly checkpoint: { readonly position: number; readonly createdAt: number };
      /** Events removed (a run row's trades counted one by one). */
      readonly events: number;
      readonly checkpoints: number;
      readonly dryRun: boolean;
    }
  /** Without a checkpoint a restart replays the whole log: every event is needed. */
  | { readonly outcome: 'noCheckpoint' }
  /** The date reaches past the newest checkpoint, whose following events a restart replays. */
  | {
      readonly outcome: 'afterCheckpoint';
      readonly checkpoint: { readonly position: number; readonly createdAt: number };
    };

/**
 * Removes trades and rates a restart no longer needs: those before the
 * newest checkpoint (the market is loaded from it and the events after it),
 * stamped before `beforeMs`, and the older checkpoints taken before then.
 * The event at the checkpoint's own position stays, so the log's head never
 * moves back. Deletes run in bounded statements, each its own transaction,
 * so a serving site's recorder waits for at most one of them; every row they
 * remove was already unneeded, so stopping half-way loses nothing.
 */
export async function pruneMarketLog(db: Kysely<Database>, request: LogPruneRequest): Promise<LogPruneResult> {
  const newest = await db
    .selectFrom('market_checkpoints')
    .select(['position', 'created_at'])
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (newest === undefined) return { outcome: 'noCheckpoint' };
  const checkpoint = { position: Number(newest.position), createdAt: Number(newest.created_at) };
  if (request.beforeMs > checkpoint.createdAt) return { outcome: 'afterCheckpoint', checkpoint };

  const prunable = db
    .selectFrom('market_events')
    .select('position')
    .where('position', '<', checkpoint.position)
    .where('event_time', '<', request.beforeMs)
    .where('kind', 'in', PRUNABLE_KINDS);
  const olderCheckpoints = db
    .selectFrom('market_checkpoints')
    .where('position', '<', checkpoint.position)
    .where('created_at', '<', request.beforeMs);

  if (request.dryRun) {
    const events = await db
      .selectFrom('market_events')
      .where('position', 'in', prunable)
      .select(sql<number | string | null>`sum(${EVENTS_IN_ROW})`.as('n'))
      .executeTakeFirstOrThrow();
    const checkpoints = await olderCheckpoints
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      outcome: 'pruned',
      checkpoint,
      events: Number(events.n ?? 0),
      checkpoints: Number(checkpoints.n),
      dryRun: true,
    };
  }

  let events = 0;
  for (;;) {
    const deleted = await db
      .deleteFrom('market_events')
      .where('position', 'in', prunable.orderBy('position').limit(ROWS_PER_DELETE))
      .returning(['seq', 'seq_last'])
      .execute();
    for (const row of deleted) events += eventsInRow(row);
    if (deleted.length < ROWS_PER_DELETE) break;
  }
  const removed = await db
    .deleteFrom('market_checkpoints')
    .where('position', '<', checkpoint.position)
    .where('created_at', '<', request.beforeMs)
    .executeTakeFirst();
  return { outcome: 'pruned', checkpoint, events, checkpoints: Number(removed.numDeletedRows), dryRun: false };
}
