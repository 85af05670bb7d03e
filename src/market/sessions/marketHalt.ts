/**
 * PSX's index-based market halt (psx-market.md §0.4, §4.4 [C]/[S]): when
 * KSE-30 stays 5 % or more above or below its previous close for five
 * consecutive minutes, all equity trading stops for 60 minutes and reopens
 * after a five-minute pre-open. All figures are parameters: PSX started at
 * 4 % and 45 minutes in 2019.
 */
export interface HaltRule {
  readonly indexCode: string;
  /** Distance from the previous close that counts as a breach, basis points (500 = 5 %). */
  readonly thresholdBasisPoints: number;
  /** How long the breach must last before the halt. */
  readonly sustainMs: number;
  /** How long trading stays stopped. */
  readonly haltMs: number;
  /** The pre-open before trading resumes; trades are still refused in it. */
  readonly reopenPreOpenMs: number;
}

const MINUTE = 60_000;

export const PSX_HALT_RULE: HaltRule = {
  indexCode: 'KSE30',
  thresholdBasisPoints: 500,
  sustainMs: 5 * MINUTE,
  haltMs: 60 * MINUTE,
  reopenPreOpenMs: 5 * MINUTE,
};

/** Where the halt rule stands; driven only by the times of trades and ticks. */
export type HaltState =
  | { readonly kind: 'normal' }
  | { readonly kind: 'breaching'; readonly since: Date }
  | { readonly kind: 'halted'; readonly since: Date; readonly resumesAt: Date };

export const NORMAL: HaltState = { kind: 'normal' };

/** An index level and the close it is measured against, both in hundredths of a point. */
export interface IndexLevel {
  readonly value: number;
  readonly previousClose: number;
}

/** Whether the level is at least the threshold away from the previous close (exact integers). */
export function isBreach(level: IndexLevel, rule: HaltRule): boolean {
  return Math.abs(level.value - level.previousClose) * 10_000 >= rule.thresholdBasisPoints * level.previousClose;
}

/**
 * The state at `now` when nothing has been observed since: a breach that has
 * lasted long enough became a halt at the moment it reached `sustainMs`, and
 * a halt whose time is up is over.
 */
export function haltStateAt(state: HaltState, rule: HaltRule, now: Date): HaltState {
  let next = state;
  if (next.kind === 'breaching' && now.getTime() - next.since.getTime() >= rule.sustainMs) {
    const since = new Date(next.since.getTime() + rule.sustainMs);
    next = { kind: 'halted', since, resumesAt: new Date(since.getTime() + rule.haltMs + rule.reopenPreOpenMs) };
  }
  if (next.kind === 'halted' && now >= next.resumesAt) next = NORMAL;
  return next;
}

/**
 * The state after seeing the index at `level` at `now`. A breach starts its
 * clock at the first observation beyond the threshold and is cleared by any
 * observation back inside it. After a halt the clock starts afresh, so a
 * market still 5 % away when it reopens can halt again five minutes later.
 */
export function observeIndex(state: HaltState, rule: HaltRule, level: IndexLevel, now: Date): HaltState {
  return observeBreach(state, rule, isBreach(level, rule), now);
}

/** As `observeIndex`, told only whether the level is a breach (`isBreach`). */
export function observeBreach(state: HaltState, rule: HaltRule, breach: boolean, now: Date): HaltState {
  const current = haltStateAt(state, rule, now);
  if (current.kind === 'halted') return current;
  if (!breach) return NORMAL;
  return current.kind === 'breaching' ? current : { kind: 'breaching', since: now };
}

/** What a halt shows at `now`: `halted`, then the reopening `pre-open`; null when trading is not halted. */
export function haltPhase(
  state: HaltState,
  rule: HaltRule,
  now: Date,
): { readonly phase: 'halted' | 'pre-open'; readonly until: Date } | null {
  if (state.kind !== 'halted' || now >= state.resumesAt) return null;
  const preOpenFrom = new Date(state.resumesAt.getTime() - rule.reopenPreOpenMs);
  return now < preOpenFrom ? { phase: 'halted', until: preOpenFrom } : { phase: 'pre-open', until: state.resumesAt };
}
