import { type Paisa, paisa } from '../money/money.js';

/**
 * A listed equity as the market desk keeps it. Tick size Rs 0.01 and lot size
 * 1 share are PSX's regular-market values since 2024 (psx-market.md §4.5, §4.6).
 */
export interface Instrument {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  /**
   * Number of shares issued (whole shares); null while unknown (a stock first
   * met in a closing file, which carries no share counts, until the desk or a
   * listing file gives them).
   */
  readonly sharesOutstanding: number | null;
  /** Free float in basis points of shares outstanding, 0..10000 (psx-market.md §4.9); null while unknown. */
  readonly freeFloat: number | null;
  readonly tickSize: Paisa;
  /** Smallest tradable number of shares; a trade's volume is a multiple of it. */
  readonly lotSize: number;
}

export type InstrumentFields = Omit<Instrument, 'tickSize' | 'lotSize'> &
  Partial<Pick<Instrument, 'tickSize' | 'lotSize'>>;

/**
 * Whether text reads like a PSX symbol: upper-case letters and digits, `.` and
 * `-` (`OGDC`, `OGDC-JAN`), 1 to 16 characters, the first a letter or digit;
 * the pattern /^[A-Z0-9][A-Z0-9.-]{0,15}$/, checked by character because every
 * trade asks.
 */
export function isSymbol(text: string): boolean {
  // As RegExp.test would, for a value that slipped past the types.
  if (typeof text !== 'string') return isSymbol(String(text));
  const length = text.length;
  if (length === 0 || length > 16) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const letterOrDigit = (code >= 65 && code <= 90) || (code >= 48 && code <= 57); // A–Z, 0–9
    if (!letterOrDigit && (i === 0 || (code !== 46 && code !== 45))) return false; // '.', '-'
  }
  return true;
}

/** Builds an instrument with PSX defaults and refuses impossible figures. */
export function defineInstrument(fields: InstrumentFields): Instrument {
  const instrument: Instrument = { ...fields, tickSize: fields.tickSize ?? paisa(1), lotSize: fields.lotSize ?? 1 };
  const problem = instrumentProblem(instrument);
  if (problem) {
    throw new RangeError(`${fields.symbol}: ${problem}`);
  }
  return instrument;
}

/** Why the instrument's figures are impossible, or null. */
export function instrumentProblem(instrument: Instrument): string | null {
  if (!isSymbol(instrument.symbol)) return 'symbol must be upper-case letters and digits';
  const shares = instrument.sharesOutstanding;
  if (shares !== null && (!Number.isSafeInteger(shares) || shares <= 0)) {
    return 'shares outstanding must be a positive whole number';
  }
  const freeFloat = instrument.freeFloat;
  if (freeFloat !== null && (!Number.isInteger(freeFloat) || freeFloat < 0 || freeFloat > 10_000)) {
    return 'free float must be 0..10000 basis points';
  }
  if (!Number.isSafeInteger(instrument.tickSize) || instrument.tickSize <= 0) return 'tick size must be positive';
  if (!Number.isSafeInteger(instrument.lotSize) || instrument.lotSize <= 0) return 'lot size must be positive';
  return null;
}
