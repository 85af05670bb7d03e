import type { IndexCalculatorState } from '../book/marketState.js';
import type { IndexReturnType } from '../corporateActions/corporateAction.js';
import type { Paisa } from '../money/money.js';
import { divideBigRoundingHalfAway } from '../money/rounding.js';
import { Capitalisation, type Weight, weightOf } from './capitalisation.js';

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
 * Keeps one index up to date trade by trade. The capitalisation is exact in
 * paisa × shares × bp × bp (kept in Number limbs, see `Capitalisation`) and
 * moves by (new − old) price × weight, so a day of trades never accumulates
 * rounding. The divisor is kept as an exact fraction:
 * value = capitalisation × divisorDenominator ÷ divisorNumerator.
 */
export class IndexCalculator {
  readonly code: string;
  readonly name: string;
  /**
   * Each constituent's weight (shares·ff·cap) and the price the index holds;
   * a new map with every constituent set (see `applyMemberPrice`).
   */
  private members = new Map<string, Member>();
  private currentConstituents: readonly IndexConstituent[] = [];
  private capitalisation = new Capitalisation();
  private divisorNumerator: bigint;
  private divisorDenominator: bigint;
  /**
   * The last level worked out, while no price or divisor has moved since:
   * snapshots read every index, most of which the last trade did not move.
   */
  private levelKnown = false;
  private level = 0;
  private divisorChanges = 0;

  /** `prices` must hold a positive price for every constituent; the index starts at `definition.baseValue`. */
  constructor(definition: IndexDefinition, prices: ReadonlyMap<string, Paisa>) {
    if (!Number.isSafeInteger(definition.baseValue) || definition.baseValue <= 0) {
      throw new RangeError(`${definition.code}: base value must be a positive number of hundredths`);
    }
    this.code = definition.code;
    this.name = definition.name;
    this.setConstituents(definition.constituents, prices);
    this.divisorNumerator = this.capitalisation.toBigInt();
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
    calculator.levelKnown = false;
    calculator.divisorChanges += 1;
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
      prices: [...this.members].map(([symbol, member]) => [symbol, member.price] as const),
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
    return member?.price;
  }

  /** Symbols in the index, in definition order. */
  symbols(): string[] {
    return [...this.members.keys()];
  }

  /** A constituent traded at `price` (whole paisa); symbols outside the index are ignored. */
  applyPrice(symbol: string, price: Paisa): void {
    const member = this.members.get(symbol);
    if (member !== undefined) this.move(member, price);
  }

  /**
   * The constituent's handle for `applyMemberPrice`, which skips the look-up
   * by symbol; undefined for a symbol outside the index.
   */
  member(symbol: string): IndexMember | undefined {
    return this.members.get(symbol);
  }

  /** As `applyPrice`, by the handle `member` gave; a handle from before a recomposition goes by its symbol. */
  applyMemberPrice(member: IndexMember, price: Paisa): void {
    // The handle is one of this.members' own (a Member) exactly when it belongs to the set in force.
    if (member.owner === this.members) this.move(member as Member, price);
    else this.applyPrice(member.symbol, price);
  }

  /** Current level in hundredths of a point, rounded half away from zero. */
  value(): number {
    if (!this.levelKnown) {
      this.level = this.valueAt(this.capitalisation.toBigInt());
      this.levelKnown = true;
    }
    return this.level;
  }

  /**
   * The exact capitalisation (paisa·shares·bp·bp). While the divisor stands
   * the level only rises with it, so levels compare as capitalisations do.
   */
  currentCapitalisation(): bigint {
    return this.capitalisation.toBigInt();
  }

  /** The capitalisation now, as a copy later trades do not change (a day's high or low). */
  capitalisationMark(): Capitalisation {
    return this.capitalisation.copy();
  }

  /** −1, 0 or 1 as the capitalisation now is below, at or above `mark`; exact, and allocates nothing. */
  compareCapitalisation(mark: Capitalisation): number {
    return this.capitalisation.compare(mark);
  }

  /** Grows by one whenever the divisor changes: a level worked out from a capitalisation holds until then. */
  get divisorVersion(): number {
    return this.divisorChanges;
  }

  /**
   * The least capitalisation whose level (rounded half away from zero) is at
   * least `level` hundredths at today's divisor; 0 when every one's is.
   * level ≥ V ⇔ cap·den/num ≥ V − ½ ⇔ cap ≥ ⌈(2V − 1)·num ÷ 2·den⌉.
   */
  capitalisationForLevel(level: bigint): bigint {
    const numerator = (2n * level - 1n) * this.divisorNumerator;
    if (numerator <= 0n) return 0n;
    const denominator = 2n * this.divisorDenominator;
    return (numerator + denominator - 1n) / denominator;
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
    const oldCapitalisation = this.capitalisation.toBigInt();
    const known = new Map<string, Paisa>();
    for (const [symbol, member] of this.members) known.set(symbol, member.price);
    for (const [symbol, price] of prices) known.set(symbol, price);
    this.setConstituents(constituents, known);
    // value = oldCap·den/num must equal newCap·den'/num'  ⇒  num' = num·newCap, den' = den·oldCap.
    this.divisorNumerator *= this.capitalisation.toBigInt();
    this.divisorDenominator *= oldCapitalisation;
    this.reduceDivisor();
  }

  /** A bonus issue, rights or buy-back changed one constituent's share count. */
  setShares(symbol: string, shares: number, price?: Paisa): void {
    if (!this.includes(symbol)) throw new RangeError(`${this.code}: ${symbol} is not a constituent`);
    const constituents = this.currentConstituents.map((c) => (c.symbol === symbol ? { ...c, shares } : c));
    this.recompose(constituents, price === undefined ? new Map() : new Map([[symbol, price]]));
  }

  private move(member: Member, price: Paisa): void {
    // Limb arithmetic is exact for whole numbers only.
    if (!Number.isSafeInteger(price)) throw new RangeError(`${this.code}: ${member.symbol}: price must be whole paisa`);
    const move = price - member.price;
    if (move === 0) return;
    this.capitalisation.addMove(move, member.weight);
    member.price = price;
    this.levelKnown = false;
  }

  private setConstituents(constituents: readonly IndexConstituent[], prices: ReadonlyMap<string, Paisa>): void {
    // A new map, so handles lent out for the old set stop matching (`applyMemberPrice`).
    const members = new Map<string, Member>();
    let capitalisation = 0n;
    for (const constituent of constituents) {
      const { symbol } = constituent;
      const price = prices.get(symbol);
      const problem = constituentProblem(constituent, price, members);
      if (problem) throw new RangeError(`${this.code}: ${symbol}: ${problem}`);
      const weight =
        BigInt(constituent.shares) * BigInt(constituent.freeFloat) * BigInt(constituent.capFactor ?? 10_000);
      members.set(symbol, { symbol, owner: members, weight: weightOf(weight), price: price as Paisa });
      capitalisation += weight * BigInt(price as Paisa);
    }
    if (capitalisation <= 0n) throw new RangeError(`${this.code}: the index needs a positive capitalisation`);
    this.capitalisation = Capitalisation.of(capitalisation);
    this.members = members;
    this.levelKnown = false;
    this.currentConstituents = constituents;
  }

  private reduceDivisor(): void {
    this.levelKnown = false;
    this.divisorChanges += 1;
    const divisor = gcd(this.divisorNumerator, this.divisorDenominator);
    this.divisorNumerator /= divisor;
    this.divisorDenominator /= divisor;
  }
}

/** A constituent as the calculator holds it; see `IndexCalculator.member`. */
export interface IndexMember {
  readonly symbol: string;
  /** The calculator's constituent set the member belongs to. */
  readonly owner: ReadonlyMap<string, IndexMember>;
}

interface Member extends IndexMember {
  readonly weight: Weight;
  price: Paisa;
}

function constituentProblem(
  constituent: IndexConstituent,
  price: Paisa | undefined,
  seen: ReadonlyMap<string, Member>,
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
