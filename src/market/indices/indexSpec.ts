import type { IndexReturnType } from '../corporateActions/corporateAction.js';
import { isSymbol } from '../quotes/instrument.js';
import type { IndexConstituent, IndexDefinition } from './indexCalculator.js';

/**
 * How members are weighted: by free-float market capitalisation (KSE-100
 * since 2012, KSE-30, KMI-30) or by full market capitalisation (the
 * KSE-100's method before 2012, KSE All Share), where every member counts
 * with all its shares.
 */
export type IndexWeighting = 'free-float' | 'full-cap';

/**
 * An index as the market desk defines it from scratch. With constituents the
 * site computes it trade by trade; without, it is an index only the exchange
 * computes, whose published daily history the site imports and shows
 * (`PublishedIndex`).
 */
export interface IndexSpec {
  readonly code: string;
  readonly name: string;
  readonly weighting: IndexWeighting;
  /** Price index, or total return (cash dividends reinvested: the divisor moves at an ex-date). */
  readonly returnType: IndexReturnType;
  /** `YYYY-MM-DD` of the base period, for the record. */
  readonly baseDate?: string;
  /** The index's level at its base date, hundredths of a point (KSE-100: 1,000 points → 100000). */
  readonly baseValue: number;
  /**
   * The level, hundredths of a point, the index stands at on the members' last
   * closes when the site starts computing it: this sets the divisor. Default
   * `baseValue` (an index started today). To continue an index the exchange
   * already publishes, give its last official close.
   */
  readonly startLevel?: number;
  /** Largest weight one member may carry, basis points; members' cap factors are worked out from it. */
  readonly maxWeightBasisPoints?: number;
  /** Empty for an index the site does not compute. */
  readonly constituents: readonly IndexConstituent[];
}

/** An index the site names and shows but does not compute: its figures are the exchange's published closes. */
export interface PublishedIndex {
  readonly code: string;
  readonly name: string;
  readonly returnType: IndexReturnType;
  readonly baseDate?: string;
  readonly baseValue: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A hundred million points: far above any index, far below unsafe arithmetic. */
const MAX_LEVEL = 10_000_000_000;

/** Why the spec cannot define an index (field and message), or null. Members are checked against the market later. */
export function indexSpecProblem(spec: IndexSpec): { readonly field: string; readonly message: string } | null {
  if (!isSymbol(spec.code)) {
    return { field: 'code', message: 'The code must be 1 to 16 upper-case letters and digits, such as KSE100.' };
  }
  if (spec.name.trim() === '' || spec.name.length > 120) {
    return { field: 'name', message: 'The name must be 1 to 120 characters.' };
  }
  if (spec.baseDate !== undefined && (!DATE.test(spec.baseDate) || Number.isNaN(Date.parse(spec.baseDate)))) {
    return { field: 'baseDate', message: 'The base date must read YYYY-MM-DD.' };
  }
  if (!isLevel(spec.baseValue)) {
    return { field: 'baseValue', message: 'The base value must be a positive level with at most 2 decimals.' };
  }
  if (spec.startLevel !== undefined && !isLevel(spec.startLevel)) {
    return { field: 'startLevel', message: 'The starting level must be a positive level with at most 2 decimals.' };
  }
  const cap = spec.maxWeightBasisPoints;
  if (cap !== undefined && (!Number.isSafeInteger(cap) || cap <= 0 || cap > 10_000)) {
    return { field: 'maxWeight', message: 'The weight cap must be above 0 % and at most 100 %.' };
  }
  if (spec.constituents.length === 0 && (spec.startLevel !== undefined || cap !== undefined)) {
    return {
      field: 'constituents',
      message:
        'A starting level or a weight cap needs constituents: the site computes only an index it has members for.',
    };
  }
  const seen = new Set<string>();
  for (const member of spec.constituents) {
    if (seen.has(member.symbol)) {
      return { field: 'constituents', message: `${member.symbol} is listed twice among the constituents.` };
    }
    seen.add(member.symbol);
  }
  if (cap !== undefined && spec.constituents.length > 0 && cap * spec.constituents.length < 10_000) {
    const least = Math.ceil(10_000 / cap);
    return {
      field: 'maxWeight',
      message: `A cap of ${cap / 100} % needs at least ${least} members for the weights to add up to 100 %.`,
    };
  }
  return null;
}

/** The members as the weighting counts them: a full-cap index takes every share, whatever the free float. */
export function weightedMembers(
  constituents: readonly IndexConstituent[],
  weighting: IndexWeighting,
): readonly IndexConstituent[] {
  return weighting === 'full-cap' ? constituents.map((member) => ({ ...member, freeFloat: 10_000 })) : constituents;
}

/** The calculator's definition, started at `startLevel` (or the base value); `trackIndex` applies the weighting. */
export function definitionOf(spec: IndexSpec): IndexDefinition {
  return {
    code: spec.code,
    name: spec.name,
    baseValue: spec.startLevel ?? spec.baseValue,
    constituents: spec.constituents,
    returnType: spec.returnType,
    ...(spec.baseDate === undefined ? {} : { baseDate: spec.baseDate }),
    ...(spec.maxWeightBasisPoints === undefined ? {} : { maxWeightBasisPoints: spec.maxWeightBasisPoints }),
  };
}

export function publishedIndexOf(spec: IndexSpec): PublishedIndex {
  return {
    code: spec.code,
    name: spec.name,
    returnType: spec.returnType,
    baseValue: spec.baseValue,
    ...(spec.baseDate === undefined ? {} : { baseDate: spec.baseDate }),
  };
}

function isLevel(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_LEVEL;
}
