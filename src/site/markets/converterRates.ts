import type { Paisa } from '../../market/money/money.js';
import type { ConverterRate } from './converterState.js';
import { parseAmount } from './currencyConverter.js';

/** Id of the page's JSON block of rates, which the converter island reads. */
export const CONVERTER_RATES_ID = 'converter-rates';

/**
 * Reads rates as `/api/v1/market/fx` and the page's JSON block carry them,
 * `{ rates: [{ pair, market, buying: "278.40", selling }] }`, into paisa
 * without a float; null when the shape is wrong. Runs in the browser too, so it
 * imports nothing but pure modules.
 */
export function readConverterRates(body: unknown): ConverterRate[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const rates: unknown = (body as { rates?: unknown }).rates;
  if (!Array.isArray(rates)) return null;
  const read: ConverterRate[] = [];
  for (const entry of rates as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { pair, market, buying, selling } = entry as Record<string, unknown>;
    if (typeof pair !== 'string' || (market !== 'interbank' && market !== 'open')) return null;
    const buyingPaisa = ratePaisa(buying);
    const sellingPaisa = ratePaisa(selling);
    if (buyingPaisa === null || sellingPaisa === null) return null;
    read.push({ pair, market, buying: buyingPaisa, selling: sellingPaisa });
  }
  return read;
}

/** A positive rate as a decimal string; zero would divide by nothing when converting rupees to dollars. */
function ratePaisa(text: unknown): Paisa | null {
  if (typeof text !== 'string') return null;
  const hundredths = parseAmount(text);
  if (hundredths === null || hundredths === 0n) return null;
  // parseAmount admits at most 14 digits, well inside a safe integer.
  return Number(hundredths) as Paisa;
}
