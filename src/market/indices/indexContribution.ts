import type { Paisa } from '../money/money.js';
import { divideBigRoundingHalfAway } from '../money/rounding.js';
import type { IndexConstituent } from './indexCalculator.js';
import { indexWeights } from './weightCap.js';

/** A constituent with its price now and its LDCP, as the index counts it. */
export interface ConstituentMove extends IndexConstituent {
  readonly price: Paisa;
  readonly ldcp: Paisa;
}

/**
 * The index divisor as an exact fraction: value (hundredths of a point) =
 * capitalisation × denominator ÷ numerator, as `IndexCalculator.divisor()` gives it.
 */
export interface IndexDivisor {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** One constituent's share of the index and of today's move. */
export interface Contribution {
  readonly symbol: string;
  /** Share of the index at today's prices, basis points (rounded down). */
  readonly weightBasisPoints: number;
  /** Points it moved the index today, in hundredths of a point, rounded half away from zero. */
  readonly points: number;
}

/**
 * Points each constituent added to or took from the index today:
 * (pᵢ − ldcpᵢ)·sharesᵢ·ffᵢ·capᵢ ÷ divisor (psx-market.md §4.9, the index
 * formula). Unrounded they sum to the index change exactly; each is rounded
 * to a hundredth, so the rounded sum is off by at most half a hundredth per
 * constituent.
 */
export function indexContributions(members: readonly ConstituentMove[], divisor: IndexDivisor): Contribution[] {
  if (divisor.numerator <= 0n || divisor.denominator <= 0n) throw new RangeError('the divisor must be positive');
  const weights = indexWeights(members, new Map(members.map((member) => [member.symbol, member.price])));
  return members.map((member) => {
    const move = BigInt(member.price - member.ldcp) * capitalisationWeight(member);
    return {
      symbol: member.symbol,
      weightBasisPoints: weights.get(member.symbol) ?? 0,
      points: Number(divideBigRoundingHalfAway(move * divisor.denominator, divisor.numerator)),
    };
  });
}

/**
 * Points each constituent moved the index today, with the divisor in force
 * (`IndexCalculator.divisor()`), so that they add up to the index's change
 * even after an intraday recomposition or corporate action moved the divisor:
 * pointsᵢ = pᵢ·wᵢ ÷ divisor − ldcpᵢ·wᵢ × previousClose ÷ Σ ldcpⱼ·wⱼ.
 * The second term shares the previous close among the members by their
 * capitalisation at the LDCPs; with no divisor change today it is
 * ldcpᵢ·wᵢ ÷ divisor (up to the close's rounding), the plain
 * (pᵢ − ldcpᵢ)·wᵢ ÷ divisor. Unrounded the points sum to value − previous
 * close exactly; each is rounded half away from zero to a hundredth.
 */
export function indexContributionsInForce(
  members: readonly ConstituentMove[],
  divisor: IndexDivisor,
  previousClose: number,
): Contribution[] {
  if (divisor.numerator <= 0n || divisor.denominator <= 0n) throw new RangeError('the divisor must be positive');
  const atLdcps = members.reduce((sum, member) => sum + BigInt(member.ldcp) * capitalisationWeight(member), 0n);
  if (atLdcps <= 0n) throw new RangeError('the index needs a positive capitalisation at its LDCPs');
  const weights = indexWeights(members, new Map(members.map((member) => [member.symbol, member.price])));
  const close = BigInt(previousClose);
  const denominator = divisor.numerator * atLdcps;
  return members.map((member) => {
    const weight = capitalisationWeight(member);
    const numerator =
      BigInt(member.price) * weight * divisor.denominator * atLdcps -
      BigInt(member.ldcp) * weight * close * divisor.numerator;
    return {
      symbol: member.symbol,
      weightBasisPoints: weights.get(member.symbol) ?? 0,
      points: Number(divideBigRoundingHalfAway(numerator, denominator)),
    };
  });
}

/**
 * The divisor that puts the index at `previousClose` (hundredths) at the
 * constituents' LDCPs: what the calculator's divisor is after the day's
 * roll-over, up to the rounding of the close to a hundredth.
 */
export function divisorAtPreviousClose(members: readonly ConstituentMove[], previousClose: number): IndexDivisor {
  const capitalisation = members.reduce((sum, member) => sum + BigInt(member.ldcp) * capitalisationWeight(member), 0n);
  if (capitalisation <= 0n || previousClose <= 0) throw new RangeError('the index needs a positive previous close');
  return { numerator: capitalisation, denominator: BigInt(previousClose) };
}

function capitalisationWeight(member: IndexConstituent): bigint {
  return BigInt(member.shares) * BigInt(member.freeFloat) * BigInt(member.capFactor ?? 10_000);
}
