import type { Kysely } from 'kysely';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import { findTag, listTagsWithCounts, mergeTags, renameTag, tagRedirect } from './tagAdmin.js';

/** The newsroom's tags: listed with their use, found as typed, renamed and merged (old addresses redirect). */
export interface TagsStore {
  listWithCounts: Bound<typeof listTagsWithCounts>;
  find: Bound<typeof findTag>;
  redirect: Bound<typeof tagRedirect>;
  rename: Bound<typeof renameTag>;
  merge: Bound<typeof mergeTags>;
}

export function createTagsStore(db: Kysely<Database>): TagsStore {
  return {
    listWithCounts: (query) => listTagsWithCounts(db, query),
    find: (typed) => findTag(db, typed),
    redirect: (slug) => tagRedirect(db, slug),
    rename: (input) => renameTag(db, input),
    merge: (input) => mergeTags(db, input),
  };
}
