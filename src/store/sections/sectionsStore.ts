import type { Kysely } from 'kysely';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import {
  createSection,
  deleteSection,
  listSectionsWithCounts,
  moveSection,
  renameSection,
  sectionRedirect,
} from './sectionAdmin.js';

/** The newsroom's sections: listed with their stories, created, renamed (old addresses redirect), moved, deleted when empty. */
export interface SectionsStore {
  listWithCounts: Bound<typeof listSectionsWithCounts>;
  redirect: Bound<typeof sectionRedirect>;
  create: Bound<typeof createSection>;
  rename: Bound<typeof renameSection>;
  move: Bound<typeof moveSection>;
  delete: Bound<typeof deleteSection>;
}

export function createSectionsStore(db: Kysely<Database>): SectionsStore {
  return {
    listWithCounts: () => listSectionsWithCounts(db),
    redirect: (slug) => sectionRedirect(db, slug),
    create: (input) => createSection(db, input),
    rename: (input) => renameSection(db, input),
    move: (input) => moveSection(db, input),
    delete: (slug) => deleteSection(db, slug),
  };
}
