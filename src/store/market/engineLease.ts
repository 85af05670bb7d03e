import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../database.js';

/** The lease's one row. */
const LEASE = 'market';

// The database's clock, in epoch milliseconds: every node judges expiry by the same clock, whatever its own says.
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** The lease as a node reads it. */
export interface EngineLeaseView {
  readonly holder: string;
  readonly epoch: number;
  readonly engineUrl: string;
  readonly secret: string;
  /** The engine's replication sequence at its last renewal. */
  readonly seq: number;
  /** Whether it has not lapsed, on the database's clock. */
  readonly live: boolean;
}

/** What a node asks to hold the lease with. */
export interface LeaseClaim {
  readonly holder: string;
  readonly engineUrl: string;
  readonly secret: string;
  readonly ttlMs: number;
}

/**
 * The market engine's lease in PostgreSQL (docs/adr/0006-market-authority.md).
 * Taking it over raises the epoch, the fencing token the market log checks on
 * every append (`holdsEpoch`), so an engine that lost it cannot write.
 */
export interface EngineLeaseStore {
  /** The lease, or null before any node took it. */
  read(): Promise<EngineLeaseView | null>;
  /** Takes the lease when nobody holds it or it lapsed; the new epoch, or null when another node holds it. */
  tryAcquire(claim: LeaseClaim): Promise<number | null>;
  /** Extends the holder's lease and publishes its sequence; false when it is no longer the holder at `epoch`. */
  renew(holder: string, epoch: number, seq: number, ttlMs: number): Promise<boolean>;
  /** Lets the lease lapse at once (a clean stop), so another node need not wait out the expiry. */
  release(holder: string, epoch: number): Promise<void>;
}

export function createEngineLeaseStore(db: Kysely<Database>): EngineLeaseStore {
  return {
    async read() {
      const row = await db
        .selectFrom('market_engine_lease')
        .select(['holder', 'epoch', 'engine_url', 'secret', 'seq', 'expires_at', NOW_MS.as('now')])
        .where('name', '=', LEASE)
        .executeTakeFirst();
      if (row === undefined) return null;
      return {
        holder: row.holder,
        epoch: Number(row.epoch),
        engineUrl: row.engine_url,
        secret: row.secret,
        seq: Number(row.seq),
        live: Number(row.expires_at) > Number(row.now),
      };
    },
    async tryAcquire(claim) {
      const row = await db
        .insertInto('market_engine_lease')
        .values({
          name: LEASE,
          holder: claim.holder,
          epoch: 1,
          expires_at: sql<number>`${NOW_MS} + ${claim.ttlMs}`,
          engine_url: claim.engineUrl,
          secret: claim.secret,
          seq: 0,
          renewed_at: NOW_MS,
        })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet({
              holder: (eb) => eb.ref('excluded.holder'),
              epoch: sql<number>`market_engine_lease.epoch + 1`,
              expires_at: (eb) => eb.ref('excluded.expires_at'),
              engine_url: (eb) => eb.ref('excluded.engine_url'),
              secret: (eb) => eb.ref('excluded.secret'),
              seq: 0,
              renewed_at: (eb) => eb.ref('excluded.renewed_at'),
            })
            .where('market_engine_lease.expires_at', '<', sql<number>`excluded.renewed_at`),
        )
        .returning('epoch')
        .executeTakeFirst();
      return row === undefined ? null : Number(row.epoch);
    },
    async renew(holder, epoch, seq, ttlMs) {
      const result = await db
        .updateTable('market_engine_lease')
        .set({ expires_at: sql<number>`${NOW_MS} + ${ttlMs}`, seq, renewed_at: NOW_MS })
        .where('name', '=', LEASE)
        .where('holder', '=', holder)
        .where('epoch', '=', epoch)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async release(holder, epoch) {
      await db
        .updateTable('market_engine_lease')
        .set({ expires_at: 0, engine_url: '' })
        .where('name', '=', LEASE)
        .where('holder', '=', holder)
        .where('epoch', '=', epoch)
        .execute();
    },
  };
}

/**
 * Whether the lease is still at `epoch`, read inside the log's transaction
 * with a shared row lock: a takeover's update waits until this transaction
 * ends (so the new engine's replay sees its rows), and a transaction that
 * starts after a takeover sees the new epoch and writes nothing.
 */
export async function holdsEpoch(trx: Transaction<Database>, epoch: number): Promise<boolean> {
  const row = await trx
    .selectFrom('market_engine_lease')
    .select('epoch')
    .where('name', '=', LEASE)
    .forShare()
    .executeTakeFirst();
  return row !== undefined && Number(row.epoch) === epoch;
}
