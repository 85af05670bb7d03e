import { type Capitalisation, thresholdOf } from '../indices/capitalisation.js';
import type { IndexCalculator } from '../indices/indexCalculator.js';
import type { TrackedIndex } from '../quotes/dayTally.js';
import { type HaltRule, isBreach } from './marketHalt.js';

/**
 * The halt rule's test (`isBreach`: |level − previous close|·10,000 ≥
 * threshold·previous close) as two capitalisations, worked out once per
 * divisor and previous close: the halt index is read after every trade, and
 * comparing its exact capitalisation costs far less than dividing it into a
 * level. Exact at the boundary, since `capitalisationForLevel` gives the least
 * capitalisation whose rounded level reaches a given one.
 */
export class BreachBand {
  private calculator: IndexCalculator | null = null;
  private divisorVersion = -1;
  private previousClose = Number.NaN;
  private rule: HaltRule | null = null;
  /** From here up the level is a breach upwards; null when the figures are not whole numbers. */
  private upper: Capitalisation | null = null;
  /** Below here the level is a breach downwards. */
  private lower: Capitalisation | null = null;

  isBreach(index: TrackedIndex, rule: HaltRule): boolean {
    const calculator = index.calculator;
    if (
      calculator !== this.calculator ||
      calculator.divisorVersion !== this.divisorVersion ||
      index.previousClose !== this.previousClose ||
      rule !== this.rule
    ) {
      this.markOut(calculator, index.previousClose, rule);
    }
    const { upper, lower } = this;
    if (upper === null || lower === null) {
      return isBreach({ value: calculator.value(), previousClose: index.previousClose }, rule);
    }
    return calculator.compareCapitalisation(upper) >= 0 || calculator.compareCapitalisation(lower) < 0;
  }

  private markOut(calculator: IndexCalculator, previousClose: number, rule: HaltRule): void {
    this.calculator = calculator;
    this.divisorVersion = calculator.divisorVersion;
    this.previousClose = previousClose;
    this.rule = rule;
    if (!Number.isSafeInteger(previousClose) || !Number.isSafeInteger(rule.thresholdBasisPoints)) {
      this.upper = null;
      this.lower = null;
      return;
    }
    // Levels are whole hundredths, so |level − close| ≥ reach with reach = ⌈threshold·close ÷ 10,000⌉:
    // a breach at level ≥ close + reach, or level < close − reach + 1.
    const close = BigInt(previousClose);
    const reach = ceilingDivide(BigInt(rule.thresholdBasisPoints) * close, 10_000n);
    this.upper = thresholdOf(calculator.capitalisationForLevel(close + reach));
    this.lower = thresholdOf(calculator.capitalisationForLevel(close - reach + 1n));
  }
}

/** ⌈n ÷ d⌉ for d > 0 (BigInt division truncates towards zero). */
function ceilingDivide(n: bigint, d: bigint): bigint {
  return n > 0n ? (n + d - 1n) / d : n / d;
}
