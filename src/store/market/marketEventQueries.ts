import type { Kysely } from 'kysely';
import type { MarketEventKind } from '../../market/book/marketEvent.js';
import type { Database } from '../database.js';
import { decodeEvent } from './marketEventCodec.js';
import type { LoggedEvent } from './marketLog.js';

/** The latest `limit` logged events of one kind, newest first (the market desk's history of its actions). */
export async function latestEventsOfKind(
  db: Kysely<Database>,
  kind: MarketEventKind,
  limit: number,
): Promise<LoggedEvent[]> {
  const rows = await db
    .selectFrom('market_events')
    .select(['position', 'kind', 'feed', 'seq', 'body_json', 'event_time'])
    .where('kind', '=', kind)
    .orderBy('position', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ position: Number(row.position), event: decodeEvent(row) }));
}
