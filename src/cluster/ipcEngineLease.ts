import type { EngineLeaseStore } from '../store/market/engineLease.js';
import type { PrimaryChannel } from './primaryChannel.js';

const ANSWER_WAIT_MS = 2000;

/**
 * The engine lease of `--workers N` on SQLite, kept by the primary
 * (primaryLease.ts) rather than in the database: the workers contend for it
 * as PostgreSQL nodes do for theirs, so the same market authority
 * (engine/marketAuthority.ts) runs on both.
 */
export function createIpcEngineLease(channel: PrimaryChannel): EngineLeaseStore {
  return {
    read: () => channel.ask({ kind: 'lease.read' }, ANSWER_WAIT_MS),
    tryAcquire: (claim) => channel.ask({ kind: 'lease.acquire', claim }, ANSWER_WAIT_MS),
    renew: (holder, epoch, seq) => channel.ask({ kind: 'lease.renew', holder, epoch, seq }, ANSWER_WAIT_MS),
    release: async (holder, epoch) => {
      await channel.ask({ kind: 'lease.release', holder, epoch }, ANSWER_WAIT_MS);
    },
  };
}
