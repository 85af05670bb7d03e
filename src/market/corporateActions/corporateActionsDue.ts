import { compareSymbols, findIndex, type MarketBook } from '../book/marketBook.js';
import type { ScheduledRecomposition } from '../endOfDay/closingRules.js';
import { recompose } from '../indices/indexRecomposition.js';
import { settleRange } from '../quotes/dayTally.js';
import { untradedQuote } from '../quotes/quote.js';
import {
  adjustForAction,
  type CorporateAction,
  corporateActionProblem,
  type ExAdjustment,
  indexKeepsLevel,
  sharesAfter,
} from './corporateAction.js';

/** Moves one stock to its ex-price and share count, and every index holding it by its rule. */
export function adjustForCorporateAction(book: MarketBook, action: CorporateAction, time: Date): ExAdjustment | string {
  const quote = book.quotes.get(action.symbol);
  const instrument = book.instruments.get(action.symbol);
  if (!quote || !instrument) return `unknown symbol ${action.symbol}`;
  const problem = corporateActionProblem(action, quote.ldcp);
  if (problem) return problem;
  const adjustment = adjustForAction(action, quote.ldcp, instrument.sharesOutstanding);
  if (adjustment.sharesOutstanding !== null && !Number.isSafeInteger(adjustment.sharesOutstanding))
    return 'shares outstanding beyond exact arithmetic';
  for (const index of book.indicesBySymbol.get(action.symbol) ?? []) {
    const constituent = index.calculator.constituents().find((c) => c.symbol === action.symbol);
    if (!constituent) continue;
    if (indexKeepsLevel(action, index.returnType)) {
      settleRange(index);
      index.calculator.setShares(
        action.symbol,
        sharesAfter(action, constituent.shares, quote.ldcp),
        adjustment.exPrice,
      );
    } else {
      index.calculator.applyPrice(action.symbol, adjustment.exPrice);
    }
    index.time = time;
  }
  book.instruments.set(action.symbol, { ...instrument, sharesOutstanding: adjustment.sharesOutstanding });
  book.quotes.set(action.symbol, untradedQuote(action.symbol, adjustment.exPrice, time));
  return adjustment;
}

export interface DueChanges {
  readonly applied: CorporateAction[];
  readonly recomposed: ScheduledRecomposition[];
  readonly problems: string[];
}

/** Applies (and removes from the queues) the actions and recompositions due by `date`, in ex-date order. */
export function applyDue(
  book: MarketBook,
  queues: { readonly actions: CorporateAction[]; readonly recompositions: ScheduledRecomposition[] },
  date: string,
  time: Date,
): DueChanges {
  const applied: CorporateAction[] = [];
  const recomposed: ScheduledRecomposition[] = [];
  const problems: string[] = [];
  const dueActions = takeDue(queues.actions, (a) => a.exDate <= date).sort((a, b) =>
    compareSymbols(a.exDate, b.exDate),
  );
  for (const action of dueActions) {
    const outcome = adjustForCorporateAction(book, action, time);
    if (typeof outcome === 'string') problems.push(`${action.type} ${action.symbol}: ${outcome}`);
    else applied.push(action);
  }
  for (const recomposition of takeDue(queues.recompositions, (r) => r.effective <= date)) {
    const index = findIndex(book, recomposition.code);
    const problem = index ? recompose(book, index, recomposition.constituents) : `unknown index ${recomposition.code}`;
    if (problem) problems.push(`recomposition ${recomposition.code}: ${problem}`);
    else recomposed.push(recomposition);
  }
  return { applied, recomposed, problems };
}

/** Removes and returns the items that are due, keeping the rest in order. */
function takeDue<T>(items: T[], due: (item: T) => boolean): T[] {
  const taken = items.filter(due);
  const kept = items.filter((item) => !due(item));
  items.splice(0, items.length, ...kept);
  return taken;
}
