import { type CorporateAction, corporateActionKey } from '../../market/corporateActions/corporateAction.js';
import type { MarketStore } from '../../store/market/marketStore.js';
import type { RecordedAction } from './CorporateActionsPage.js';

/**
 * The corporate actions on record, newest first, each with where it stands:
 * waiting for its ex-date, applied, withdrawn, or replaced by an amendment
 * (whose corrected action is listed in its own right).
 */
export async function recordedActions(
  store: Pick<MarketStore, 'latestEventsOfKind' | 'latestCorporateActionChanges'>,
  pending: readonly CorporateAction[],
  limit: number,
): Promise<RecordedAction[]> {
  const waiting = new Set(pending.map(corporateActionKey));
  const [announced, changes] = await Promise.all([
    store.latestEventsOfKind('corporateAction', limit),
    store.latestCorporateActionChanges(limit),
  ]);
  const takenBack = new Map<string, 'withdrawn' | 'amended'>();
  const entries: { readonly position: number; readonly action: CorporateAction; readonly at: Date }[] = [];
  for (const { position, event } of announced) {
    if (event.kind === 'corporateAction') entries.push({ position, action: event.action, at: event.time });
  }
  for (const { position, event } of changes) {
    if (event.kind !== 'deskChange') continue;
    const { change } = event;
    if (change.type === 'withdrawCorporateAction') takenBack.set(corporateActionKey(change.action), 'withdrawn');
    if (change.type === 'amendCorporateAction') {
      takenBack.set(corporateActionKey(change.before), 'amended');
      entries.push({ position, action: change.after, at: event.time });
    }
  }
  entries.sort((a, b) => b.position - a.position);
  return entries.slice(0, limit).map(({ action, at }) => {
    const key = corporateActionKey(action);
    // Waiting wins: the same figures announced again after a withdrawal are pending.
    const status = waiting.has(key) ? 'pending' : (takenBack.get(key) ?? 'applied');
    return { action, recordedAt: at, status, key };
  });
}
