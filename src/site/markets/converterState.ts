import type { FxRateView } from '../../market/book/marketSnapshot.js';
import { type ConversionDirection, convertAmount, formatHundredths, parseTypedAmount } from './currencyConverter.js';

export const USD_PKR = 'USD/PKR';

/** As much of a rate as the converter reads; the server passes whole snapshot rates, the island parsed JSON. */
export type ConverterRate = Pick<FxRateView, 'pair' | 'market' | 'buying' | 'selling'>;

/** One converted figure, at one market's rate. */
export interface ConversionLine {
  readonly market: FxRateView['market'];
  /** Rate used, in paisa per dollar, as text: `267.89`. */
  readonly rate: string;
  readonly result: string;
}

/** What the Dollar to PKR converter shows after a GET with `amount` and `direction`. */
export type ConverterState =
  | { readonly kind: 'empty'; readonly amount: string; readonly direction: ConversionDirection }
  | {
      readonly kind: 'invalid';
      readonly amount: string;
      readonly direction: ConversionDirection;
      readonly message: string;
    }
  /** The amount is fine but there is no rate to convert at (a site before its first rate): not the reader's error. */
  | {
      readonly kind: 'unavailable';
      readonly amount: string;
      readonly direction: ConversionDirection;
      readonly message: string;
    }
  | {
      readonly kind: 'converted';
      readonly amount: string;
      readonly direction: ConversionDirection;
      readonly amountText: string;
      readonly lines: readonly ConversionLine[];
    };

/**
 * Converts at the interbank rate and at the open market's rate on the side a
 * reader deals on: an exchange company buys your dollars at its buying rate
 * and sells you dollars at its selling rate.
 */
export function converterState(
  fx: readonly ConverterRate[],
  query: { readonly amount?: string; readonly direction?: ConversionDirection },
): ConverterState {
  const direction = query.direction ?? 'usd-pkr';
  const amount = query.amount?.trim() ?? '';
  if (amount === '') return { kind: 'empty', amount, direction };
  const hundredths = parseTypedAmount(amount);
  if (hundredths === null) {
    return {
      kind: 'invalid',
      amount,
      direction,
      message: 'Enter an amount in figures, with at most two decimals, e.g. 100, 1,000 or 99.50.',
    };
  }
  const lines: ConversionLine[] = [];
  for (const rate of fx) {
    if (rate.pair !== USD_PKR) continue;
    const paisaPerDollar = direction === 'usd-pkr' ? rate.buying : rate.selling;
    lines.push({
      market: rate.market,
      rate: formatHundredths(BigInt(paisaPerDollar)),
      result: formatHundredths(convertAmount(hundredths, direction, paisaPerDollar)),
    });
  }
  if (lines.length === 0) {
    return { kind: 'unavailable', amount, direction, message: 'No US dollar rate is available right now.' };
  }
  return { kind: 'converted', amount, direction, amountText: formatHundredths(hundredths), lines };
}

const RATE_NAMES: Record<FxRateView['market'], string> = { interbank: 'interbank', open: 'open market' };

/** How one converted line reads, on the server's page and in the island alike. */
export function conversionText(
  direction: ConversionDirection,
  amountText: string,
  line: ConversionLine,
): { readonly figure: string; readonly rateNote: string } {
  const figure =
    direction === 'usd-pkr' ? `US$ ${amountText} = Rs ${line.result}` : `Rs ${amountText} = US$ ${line.result}`;
  return { figure, rateNote: `at the ${RATE_NAMES[line.market]} rate of Rs ${line.rate}` };
}
