import type { Kysely } from 'kysely';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import {
  articleStatuses,
  latestPlannedDate,
  loadPrintPlan,
  plannedEdition,
  plannedNeighbours,
  savePrintPlan,
  searchPublishedByHeadline,
  summariesByIds,
} from './printEditionPlan.js';

/** The print desk's plans of editions, and the stories a plan may place. */
export interface PrintStore {
  loadPlan: Bound<typeof loadPrintPlan>;
  savePlan: Bound<typeof savePrintPlan>;
  plannedEdition: Bound<typeof plannedEdition>;
  plannedNeighbours: Bound<typeof plannedNeighbours>;
  latestPlannedDate: Bound<typeof latestPlannedDate>;
  searchPublishedByHeadline: Bound<typeof searchPublishedByHeadline>;
  summariesByIds: Bound<typeof summariesByIds>;
  articleStatuses: Bound<typeof articleStatuses>;
}

export function createPrintStore(db: Kysely<Database>): PrintStore {
  return {
    loadPlan: (date) => loadPrintPlan(db, date),
    savePlan: (plan) => savePrintPlan(db, plan),
    plannedEdition: (date) => plannedEdition(db, date),
    plannedNeighbours: (date) => plannedNeighbours(db, date),
    latestPlannedDate: () => latestPlannedDate(db),
    searchPublishedByHeadline: (query) => searchPublishedByHeadline(db, query),
    summariesByIds: (ids) => summariesByIds(db, ids),
    articleStatuses: (ids) => articleStatuses(db, ids),
  };
}
