import { type Paisa, paisa } from './money.js';

/**
 * A listed equity as the market desk keeps it. Tick size Rs 0.01 and lot size
 * 1 share are PSX's regular-market values since 2024 (psx-market.md §4.5, §4.6).
 */
export interface Instrument {
  readonly symbol: string;
  readonly name: string;
  readonly sector: string;
  /** Number of shares issued (whole shares). */
  readonly sharesOutstanding: number;
  /** Free float in basis points of shares outstanding, 0..10000 (psx-market.md §4.9). */
  readonly freeFloat: number;
  readonly tickSize: Paisa;
  /** Smallest tradable number of shares; a trade's volume is a multiple of it. */
  readonly lotSize: number;
}

export type InstrumentFields = Omit<Instrument, 'tickSize' | 'lotSize'> &
  Partial<Pick<Instrument, 'tickSize' | 'lotSize'>>;

const SYMBOL_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;

/** Whether text reads like a PSX symbol: upper-case letters and digits, `.` and `-` (`OGDC`, `OGDC-JAN`). */
export function isSymbol(text: string): boolean {
  return SYMBOL_PATTERN.test(text);
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
  if (!SYMBOL_PATTERN.test(instrument.symbol)) return 'symbol must be upper-case letters and digits';
  if (!Number.isSafeInteger(instrument.sharesOutstanding) || instrument.sharesOutstanding <= 0) {
    return 'shares outstanding must be a positive whole number';
  }
  if (!Number.isInteger(instrument.freeFloat) || instrument.freeFloat < 0 || instrument.freeFloat > 10_000) {
    return 'free float must be 0..10000 basis points';
  }
  if (!Number.isSafeInteger(instrument.tickSize) || instrument.tickSize <= 0) return 'tick size must be positive';
  if (!Number.isSafeInteger(instrument.lotSize) || instrument.lotSize <= 0) return 'lot size must be positive';
  return null;
}
