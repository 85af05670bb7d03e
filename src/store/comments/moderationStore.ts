import type { Kysely } from 'kysely';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import {
  banAddress,
  commentAddress,
  isAddressBanned,
  listBans,
  moderateComments,
  moderationCounts,
  moderationQueue,
  pendingCountsByArticle,
  unbanAddress,
} from './moderation.js';

/** Comment moderation: the queue, its counts, decisions on comments and bans on addresses. */
export interface ModerationStore {
  queue: Bound<typeof moderationQueue>;
  counts: Bound<typeof moderationCounts>;
  pendingCountsByArticle: Bound<typeof pendingCountsByArticle>;
  moderate: Bound<typeof moderateComments>;
  banAddress: Bound<typeof banAddress>;
  unbanAddress: Bound<typeof unbanAddress>;
  commentAddress: Bound<typeof commentAddress>;
  isAddressBanned: Bound<typeof isAddressBanned>;
  listBans: Bound<typeof listBans>;
}

export function createModerationStore(db: Kysely<Database>): ModerationStore {
  return {
    queue: (query) => moderationQueue(db, query),
    counts: () => moderationCounts(db),
    pendingCountsByArticle: (limit) => pendingCountsByArticle(db, limit),
    moderate: (input) => moderateComments(db, input),
    banAddress: (input) => banAddress(db, input),
    unbanAddress: (ip) => unbanAddress(db, ip),
    commentAddress: (commentId) => commentAddress(db, commentId),
    isAddressBanned: (ip) => isAddressBanned(db, ip),
    listBans: (limit) => listBans(db, limit),
  };
}
