import type { IndexConstituent } from '../../market/indices/indexCalculator.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { FieldProblem } from '../../shared/outcome.js';

/** A member as the desk was given it: a figure left out comes from the instrument's master data. */
export interface MemberLine {
  readonly symbol: string;
  readonly shares?: number;
  /** Basis points. */
  readonly freeFloat?: number;
  /** The line of the file it came from, for problems. */
  readonly line?: number;
}

export type ResolvedMembers =
  | { readonly ok: true; readonly constituents: readonly IndexConstituent[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

/**
 * The members with every figure known: the line's own, else the listed
 * instrument's shares outstanding and free float. Every member that cannot be
 * counted is named, not just the first.
 */
export function resolveMembers(
  lines: readonly MemberLine[],
  instrumentOf: (symbol: string) => Instrument | undefined,
): ResolvedMembers {
  const problems: FieldProblem[] = [];
  const constituents: IndexConstituent[] = [];
  for (const line of lines) {
    const where = line.line === undefined ? line.symbol : `line ${line.line} (${line.symbol})`;
    const instrument = instrumentOf(line.symbol);
    if (instrument === undefined) {
      problems.push({ field: 'constituents', message: `${where}: ${line.symbol} is not listed.` });
      continue;
    }
    const shares = line.shares ?? instrument.sharesOutstanding;
    const freeFloat = line.freeFloat ?? instrument.freeFloat;
    if (shares === null || freeFloat === null) {
      const unknown = [shares === null ? 'shares' : null, freeFloat === null ? 'free float' : null].filter(Boolean);
      problems.push({
        field: 'constituents',
        message: `${where}: the ${unknown.join(' and ')} of ${line.symbol} ${unknown.length > 1 ? 'are' : 'is'} not known; give ${unknown.length > 1 ? 'them' : 'it'} in the file or load a listing file first.`,
      });
      continue;
    }
    constituents.push({ symbol: line.symbol, shares, freeFloat });
  }
  if (lines.length === 0) problems.push({ field: 'constituents', message: 'An index needs at least one member.' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, constituents };
}
