import type { IndexReturnType } from './corporateAction.js';
import type { IndexCalculatorState } from './marketState.js';
import type { Paisa } from './money.js';
import { divideBigRoundingHalfAway } from './rounding.js';

/** One company in an index, with the share count the index uses for it. */
export interface IndexConstituent {
  readonly symbol: string;
  /** Shares counted by the index (whole shares). */
  readonly shares: number;
  /** Free float in basis points, 0..10000 (psx-market.md §4.9). */
  readonly freeFloat: number;
  /** Weight cap factor in basis points; 10000 (no cap) by default. KMI-30 style caps set it lower. */
  readonly capFactor?: number;
}

/**
 * A free-float market-capitalisation weighted index (KSE-100 since Oct 2012,
 * KSE-30, the paper's BR indices; psx-market.md §3, §4.9):
 * value = Σ pᵢ·sharesᵢ·ffᵢ·capᵢ / divisor.
 */
export interface IndexDefinition {
  readonly code: string;
  readonly name: string;
  /** Level, in hundredths of a point, the index has at the prices it is started with. */
  readonly baseValue: number;
  readonly constituents: readonly IndexConstituent[];
  /** `YYYY-MM-DD` of the base period (KSE-100: 1991-11-01 at 1,000; KSE-30: base 10,000; §4.9). For the record. */
  readonly baseDate?: string;
  /** KSE-100 is a total-return index, KSE-30 a price index (§0.6, §4.9). Default `price`. */
  readonly returnType?: IndexReturnType;
  /**
   * Largest weight one constituent may carry, basis points (KMI-30: 1200). When
   * set, cap factors are computed (`applyWeightCap`) at start and at each
   * recomposition, replacing any given ones.
   */
  readonly maxWeightBasisPoints?: number;
}

/**
 * Keeps one index up to date trade by trade. The capitalisation is an exact
 * BigInt in paisa × shares × bp × bp and moves by (new − old) price × weight,
 * so a day of trades never accumulates rounding. The divisor is kept as an
 * exact fraction: value = capitalisation × divisorDenominator ÷ divisorNumerator.
 */
export class IndexCalculator {
  readonly code: string;
  readonly name: string;
  /** Each constituent's weight (shares·ff·cap) and the price the index holds; one look-up per trade. */
  private readonly members = new Map<string, Member>();
  private currentConstituents: readonly IndexConstituent[] = [];
  private capitalisation = 0n;
  private divisorNumerator: bigint;
  private divisorDenominator: bigint;
  /**
   * The last level worked out and the capitalisation it was for: the halt rule
   * reads its index after every trade, most of which do not move it. Any change
   * of divisor resets it (a capitalisation is never negative).
   */
  private levelFor = -1n;
  private level = 0;

  /** `prices` must hold a positive price for every constituent; the index starts at `definition.baseValue`. */
  constructor(definition: IndexDefinition, prices: ReadonlyMap<string, Paisa>) {
    if (!Number.isSafeInteger(definition.baseValue) || definition.baseValue <= 0) {
      throw new RangeError(`${definition.code}: base value must be a positive number of hundredths`);
    }
    this.code = definition.code;
    this.name = definition.name;
    this.setConstituents(definition.constituents, prices);
    this.divisorNumerator = this.capitalisation;
    this.divisorDenominator = BigInt(definition.baseValue);
    this.reduceDivisor();
  }

  /** Rebuilds a calculator exactly as `exportState` left it: same constituents, prices and divisor. */
  static fromState(state: IndexCalculatorState): IndexCalculator {
    const prices = new Map(state.prices.map(([symbol, price]) => [symbol, price]));
    const calculator = new IndexCalculator(
      { code: state.code, name: state.name, baseValue: 1, constituents: state.constituents },
      prices,
    );
    calculator.divisorNumerator = BigInt(state.divisorNumerator);
    calculator.divisorDenominator = BigInt(state.divisorDenominator);
    calculator.levelFor = -1n;
    if (calculator.divisorNumerator <= 0n || calculator.divisorDenominator <= 0n) {
      throw new RangeError(`${state.code}: the divisor must be positive`);
    }
    return calculator;
  }

  exportState(): IndexCalculatorState {
    return {
      code: this.code,
      name: this.name,
      constituents: this.currentConstituents,
      prices: [...this.members].map(([symbol, member]) => [symbol, Number(member.price) as Paisa] as const),
      divisorNumerator: this.divisorNumerator.toString(),
      divisorDenominator: this.divisorDenominator.toString(),
    };
  }

  /** Whether a trade in this symbol moves the index. */
  includes(symbol: string): boolean {
    return this.members.has(symbol);
  }

  /** The constituents in force, as last set. */
  constituents(): readonly IndexConstituent[] {
    return this.currentConstituents;
  }

  /** The price the index holds for a constituent. */
  price(symbol: string): Paisa | undefined {
    const member = this.members.get(symbol);
    return member === undefined ? undefined : (Number(member.price) as Paisa);
  }

  /** Symbols in the index, in definition order. */
  symbols(): string[] {
    return [...this.members.keys()];
  }

  /** A constituent traded at `price`; symbols outside the index are ignored. */
  applyPrice(symbol: string, price: Paisa): void {
    const member = this.members.get(symbol);
    if (member === undefined) return;
    const next = BigInt(price);
    this.capitalisation += (next - member.price) * member.weight;
    member.price = next;
  }

  /** Current level in hundredths of a point, rounded half away from zero. */
  value(): number {
    if (this.capitalisation !== this.levelFor) {
      this.level = this.valueAt(this.capitalisation);
      this.levelFor = this.capitalisation;
    }
    return this.level;
  }

  /**
   * The exact capitalisation (paisa·shares·bp·bp). While the divisor stands
   * the level only rises with it, so levels compare as capitalisations do.
   */
  currentCapitalisation(): bigint {
    return this.capitalisation;
  }

  /** The level, at today's divisor, of a capitalisation this index had. */
  valueAt(capitalisation: bigint): number {
    return Number(divideBigRoundingHalfAway(capitalisation * this.divisorDenominator, this.divisorNumerator));
  }

  /** The divisor in capitalisation units (paisa·shares·bp·bp) per hundredth of a point. */
  divisor(): { readonly numerator: bigint; readonly denominator: bigint } {
    return { numerator: this.divisorNumerator, denominator: this.divisorDenominator };
  }

  /**
   * Recomposition or a corporate action: replaces the constituents (and, for
   * the symbols in `prices`, their prices, e.g. an ex-bonus LDCP) and moves the
   * divisor so that the level does not jump. The new divisor is exact:
   * newCap ÷ (oldCap ÷ oldDivisor).
   */
  recompose(constituents: readonly IndexConstituent[], prices: ReadonlyMap<string, Paisa> = new Map()): void {
    const oldCapitalisation = this.capitalisation;
    const known = new Map<string, Paisa>();
    for (const [symbol, member] of this.members) known.set(symbol, Number(member.price) as Paisa);
    for (const [symbol, price] of prices) known.set(symbol, price);
    this.setConstituents(constituents, known);
    // value = oldCap·den/num must equal newCap·den'/num'  ⇒  num' = num·newCap, den' = den·oldCap.
    this.divisorNumerator *= this.capitalisation;
    this.divisorDenominator *= oldCapitalisation;
    this.reduceDivisor();
  }

  /** A bonus issue, rights or buy-back changed one constituent's share count. */
  setShares(symbol: string, shares: number, price?: Paisa): void {
    if (!this.includes(symbol)) throw new RangeError(`${this.code}: ${symbol} is not a constituent`);
    const constituents = this.currentConstituents.map((c) => (c.symbol === symbol ? { ...c, shares } : c));
    this.recompose(constituents, price === undefined ? new Map() : new Map([[symbol, price]]));
  }

  private setConstituents(constituents: readonly IndexConstituent[], prices: ReadonlyMap<string, Paisa>): void {
    const weights = new Map<string, bigint>();
    const chosenPrices = new Map<string, bigint>();
    let capitalisation = 0n;
    for (const constituent of constituents) {
      const price = prices.get(constituent.symbol);
      const problem = constituentProblem(constituent, price, weights);
      if (problem) throw new RangeError(`${this.code}: ${constituent.symbol}: ${problem}`);
      const weight =
        BigInt(constituent.shares) * BigInt(constituent.freeFloat) * BigInt(constituent.capFactor ?? 10_000);
      weights.set(constituent.symbol, weight);
      chosenPrices.set(constituent.symbol, BigInt(price as Paisa));
      capitalisation += weight * BigInt(price as Paisa);
    }
    if (capitalisation <= 0n) throw new RangeError(`${this.code}: the index needs a positive capitalisation`);
    this.members.clear();
    for (const [symbol, weight] of weights)
      this.members.set(symbol, { weight, price: chosenPrices.get(symbol) as bigint });
    this.capitalisation = capitalisation;
    this.currentConstituents = constituents;
  }

  private reduceDivisor(): void {
    this.levelFor = -1n;
    const divisor = gcd(this.divisorNumerator, this.divisorDenominator);
    this.divisorNumerator /= divisor;
    this.divisorDenominator /= divisor;
  }
}

interface Member {
  readonly weight: bigint;
  price: bigint;
}

function constituentProblem(
  constituent: IndexConstituent,
  price: Paisa | undefined,
  seen: ReadonlyMap<string, bigint>,
): string | null {
  if (seen.has(constituent.symbol)) return 'listed twice';
  if (price === undefined || !Number.isSafeInteger(price) || price <= 0) return 'needs a positive price';
  if (!Number.isSafeInteger(constituent.shares) || constituent.shares < 0) return 'shares must be a whole number';
  if (!isBasisPoints(constituent.freeFloat)) return 'free float must be 0..10000 basis points';
  if (constituent.capFactor !== undefined && !isBasisPoints(constituent.capFactor)) {
    return 'cap factor must be 0..10000 basis points';
  }
  return null;
}

function isBasisPoints(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 10_000;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
