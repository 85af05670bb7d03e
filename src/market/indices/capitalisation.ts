/**
 * Exact index capitalisations (paisa·shares·bp·bp) in plain Numbers, so a
 * trade moves an index without allocating a BigInt.
 *
 * A capitalisation is six limbs of 26 bits, least significant first:
 * value = Σ limbᵢ·2^(26·i). Between operations it is normalised: limbs 0–4
 * lie in [0, 2^26) and limb 5 holds the rest (with the sign), so one value
 * has one form and two values compare limb by limb from the top.
 *
 * Why every step is exact (every Number stays an integer of magnitude below 2^53):
 * - A weight is shares·ff·cap < 2^53·10^4·10^4 < 2^80, four 26-bit limbs.
 * - A move (new − old price) taken here has |move| < 2^26, so each
 *   |move·weightᵢ| < 2^52; with the limb (< 2^26) and the carry from below
 *   (|carry| ≤ 2^27) the sum stays below 2^53. Larger moves take BigInt.
 * - Carries: floor(x·2^-26) scales by a power of two, exactly; x − carry·2^26
 *   is the exact remainder in [0, 2^26).
 * - Size: an index holds fewer than 2^32 constituents (an array's length),
 *   each worth below 2^53·2^80, so any capitalisation is below 2^165 and the
 *   top limb below 2^35.
 */
export class Capitalisation {
  private l0 = 0;
  private l1 = 0;
  private l2 = 0;
  private l3 = 0;
  private l4 = 0;
  private l5 = 0;

  /** Values of magnitude below 2^182; no index's capitalisation comes near. */
  static of(value: bigint): Capitalisation {
    const capitalisation = new Capitalisation();
    capitalisation.set(value);
    return capitalisation;
  }

  set(value: bigint): void {
    if (value <= -LARGEST || value >= LARGEST) throw new RangeError(`capitalisation ${value} is out of range`);
    let rest = value;
    this.l0 = Number(rest & LIMB_MASK);
    rest >>= LIMB_SHIFT;
    this.l1 = Number(rest & LIMB_MASK);
    rest >>= LIMB_SHIFT;
    this.l2 = Number(rest & LIMB_MASK);
    rest >>= LIMB_SHIFT;
    this.l3 = Number(rest & LIMB_MASK);
    rest >>= LIMB_SHIFT;
    this.l4 = Number(rest & LIMB_MASK);
    this.l5 = Number(rest >> LIMB_SHIFT);
  }

  toBigInt(): bigint {
    let value = BigInt(this.l5);
    value = (value << LIMB_SHIFT) + BigInt(this.l4);
    value = (value << LIMB_SHIFT) + BigInt(this.l3);
    value = (value << LIMB_SHIFT) + BigInt(this.l2);
    value = (value << LIMB_SHIFT) + BigInt(this.l1);
    return (value << LIMB_SHIFT) + BigInt(this.l0);
  }

  /** A copy that nothing else changes. */
  copy(): Capitalisation {
    const copy = new Capitalisation();
    copy.l0 = this.l0;
    copy.l1 = this.l1;
    copy.l2 = this.l2;
    copy.l3 = this.l3;
    copy.l4 = this.l4;
    copy.l5 = this.l5;
    return copy;
  }

  /** −1, 0 or 1 as this is below, equal to or above `other`. */
  compare(other: Capitalisation): number {
    if (this.l5 !== other.l5) return this.l5 < other.l5 ? -1 : 1;
    if (this.l4 !== other.l4) return this.l4 < other.l4 ? -1 : 1;
    if (this.l3 !== other.l3) return this.l3 < other.l3 ? -1 : 1;
    if (this.l2 !== other.l2) return this.l2 < other.l2 ? -1 : 1;
    if (this.l1 !== other.l1) return this.l1 < other.l1 ? -1 : 1;
    if (this.l0 !== other.l0) return this.l0 < other.l0 ? -1 : 1;
    return 0;
  }

  /** Adds move × weight; move must be a safe integer (a price move in paisa). */
  addMove(move: number, weight: Weight): void {
    if (move >= LIMB || move <= -LIMB) {
      // A price move of Rs 671,089 or more: rare enough for BigInt.
      this.set(this.toBigInt() + BigInt(move) * weight.exact);
      return;
    }
    let sum = this.l0 + move * weight.w0;
    let carry = Math.floor(sum * INVERSE_LIMB);
    this.l0 = sum - carry * LIMB;
    sum = this.l1 + move * weight.w1 + carry;
    carry = Math.floor(sum * INVERSE_LIMB);
    this.l1 = sum - carry * LIMB;
    sum = this.l2 + move * weight.w2 + carry;
    carry = Math.floor(sum * INVERSE_LIMB);
    this.l2 = sum - carry * LIMB;
    sum = this.l3 + move * weight.w3 + carry;
    carry = Math.floor(sum * INVERSE_LIMB);
    this.l3 = sum - carry * LIMB;
    sum = this.l4 + carry;
    carry = Math.floor(sum * INVERSE_LIMB);
    this.l4 = sum - carry * LIMB;
    this.l5 += carry;
  }
}

/**
 * A threshold to compare capitalisations against: one above every index's
 * capitalisation (all are below 2^165, see above) stands at 2^165, which none
 * reaches either.
 */
export function thresholdOf(value: bigint): Capitalisation {
  return Capitalisation.of(value > UNREACHED ? UNREACHED : value);
}

/** A constituent's weight (shares·ff·cap), exact and as the four 26-bit limbs `addMove` multiplies. */
export interface Weight {
  readonly exact: bigint;
  readonly w0: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
}

/** The largest weight a constituent can have: (2^53 − 1) shares at 10,000 bp free float and cap. */
export const MAX_WEIGHT = BigInt(Number.MAX_SAFE_INTEGER) * 100_000_000n;

export function weightOf(exact: bigint): Weight {
  if (exact < 0n || exact > MAX_WEIGHT) throw new RangeError(`weight ${exact} is out of range`);
  return {
    exact,
    w0: Number(exact & LIMB_MASK),
    w1: Number((exact >> LIMB_SHIFT) & LIMB_MASK),
    w2: Number((exact >> (2n * LIMB_SHIFT)) & LIMB_MASK),
    w3: Number(exact >> (3n * LIMB_SHIFT)),
  };
}

const LIMB = 2 ** 26;
const INVERSE_LIMB = 2 ** -26;
const LIMB_SHIFT = 26n;
const LIMB_MASK = (1n << LIMB_SHIFT) - 1n;
/** Limb 5 must stay a safe integer: magnitudes below 2^(5·26+52) leave room for carries. */
const LARGEST = 1n << 182n;
const UNREACHED = 1n << 165n;
