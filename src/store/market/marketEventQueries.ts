import type { Kysely } from 'kysely';
import type { MarketEventKind } from '../../market/book/marketEvent.js';
import type { Database } from '../database.js';
import type { LoggedEvent } from './marketLog.js';
import { decodeLogRow } from './marketLogRows.js';

/** The latest `limit` logged events of one kind, newest first (the market desk's history of its actions). */
export async function latestEventsOfKind(
  db: Kysely<Database>,
  kind: MarketEventKind,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('market_events')
    .select(['position', 'kind', 'feed', 'seq', 'seq_last', 'body_json', 'event_time'])
    .where('kind', '=', kind)
    .orderBy('position', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap(loggedEventsOf);
}

/**
 * The latest withdrawals and amendments of waiting corporate actions, newest
 * first. Picked by the change's type, which every encoded desk change starts
 * with (`{"type":…`), so the day's large closing files are never read.
 */
export async function latestCorporateActionChanges(db: Kysely<Database>, limit: number): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('market_events')
    .select(['position', 'kind', 'feed', 'seq', 'seq_last', 'body_json', 'event_time'])
    .where('kind', '=', 'deskChange')
    .where((eb) =>
      eb.or([
        eb('body_json', 'like', '{"type":"withdrawCorporateAction"%'),
        eb('body_json', 'like', '{"type":"amendCorporateAction"%'),
      ]),
    )
    .orderBy('position', 'desc')
    .limit(limit)
    .execute();
  return rows.flatMap(loggedEventsOf);
}

/** A row's events, newest first as the lists read (a run row holds a feed's trades in seq order). */
function loggedEventsOf(row: Parameters<typeof decodeLogRow>[0] & { readonly position: number }): LoggedEvent[] {
  return decodeLogRow(row)
    .reverse()
    .map((event) => ({ position: Number(row.position), event }));
}
