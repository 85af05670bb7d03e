import type { IndexConstituent } from '../../market/indices/indexCalculator.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { FieldProblem } from '../../shared/outcome.js';

/** A stock to add; shares and free float default to the instrument's own figures. */
export interface AddedMember {
  readonly symbol: string;
  readonly shares?: number;
  readonly freeFloat?: number;
  readonly capFactor?: number;
}

/** What the desk asks of an index's membership. */
export interface MembershipChange {
  readonly add: readonly AddedMember[];
  readonly remove: readonly string[];
}

export type PlannedMembers =
  | { readonly ok: true; readonly constituents: readonly IndexConstituent[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * The constituents after removing and adding members: kept members keep
 * their figures, new ones come in with the instrument's shares outstanding
 * and free float (what the index counts, psx-market.md §4.9) unless given.
 */
export function plannedConstituents(
  current: readonly IndexConstituent[],
  change: MembershipChange,
  instrumentOf: (symbol: string) => Instrument | undefined,
): PlannedMembers {
  const problems: FieldProblem[] = [];
  const members = new Set(current.map((c) => c.symbol));
  for (const symbol of change.remove) {
    if (!members.has(symbol)) problems.push({ field: 'remove', message: `${symbol} is not in this index.` });
  }
  const added: IndexConstituent[] = [];
  const seen = new Set<string>();
  for (const member of change.add) {
    const instrument = instrumentOf(member.symbol);
    if (instrument === undefined) {
      problems.push({ field: 'add', message: `${member.symbol} is not listed.` });
    } else if (members.has(member.symbol) && !change.remove.includes(member.symbol)) {
      problems.push({ field: 'add', message: `${member.symbol} is already in this index.` });
    } else if (seen.has(member.symbol)) {
      problems.push({ field: 'add', message: `${member.symbol} is named twice.` });
    } else {
      seen.add(member.symbol);
      // An index never counts a share figure nobody gave: unknown must be given here or on the instrument first.
      const shares = member.shares ?? instrument.sharesOutstanding;
      const freeFloat = member.freeFloat ?? instrument.freeFloat;
      if (shares === null) {
        problems.push({ field: 'add', message: `${member.symbol}'s shares outstanding are unknown: give them.` });
      } else if (freeFloat === null) {
        problems.push({ field: 'add', message: `${member.symbol}'s free float is unknown: give it.` });
      } else {
        added.push({
          symbol: member.symbol,
          shares,
          freeFloat,
          ...(member.capFactor === undefined ? {} : { capFactor: member.capFactor }),
        });
      }
    }
  }
  if (change.add.length === 0 && change.remove.length === 0) {
    problems.push({ field: 'add', message: 'Name a stock to add or tick one to remove.' });
  }
  const kept = current.filter((c) => !change.remove.includes(c.symbol));
  const constituents = [...kept, ...added];
  if (problems.length === 0 && constituents.length === 0) {
    problems.push({ field: 'remove', message: 'An index needs at least one constituent.' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, constituents };
}

/** Symbols typed into one box, separated by commas or spaces ("OGDC, PPL HUBC"). */
export function symbolList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((symbol) => symbol.trim().toUpperCase())
    .filter((symbol) => symbol !== '');
}
