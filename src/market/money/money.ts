declare const paisaBrand: unique symbol;

/**
 * An exact amount of Pakistani money in paisa (1 rupee = 100 paisa). Prices on
 * PSX are quoted to Rs 0.01, so every price is a whole number of paisa and sums
 * of them never meet binary rounding.
 */
export type Paisa = number & { readonly [paisaBrand]: 'Paisa' };

/** Brands a whole number of paisa; throws on fractions and on unsafe integers. */
export function paisa(amount: number): Paisa {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Not a whole number of paisa: ${amount}`);
  }
  return amount as Paisa;
}

const RUPEES_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads a rupee amount written as at most two decimals (`'64.80'`, `'-0.02'`,
 * `'7'`) without passing through a float, so `'0.29'` is exactly 29 paisa.
 */
export function parseRupees(text: string): Paisa {
  const plain = plainRupees(text);
  if (plain >= 0) return plain as Paisa;
  const match = RUPEES_PATTERN.exec(text);
  if (!match) {
    throw new RangeError(`Not a rupee amount with at most two decimals: ${JSON.stringify(text)}`);
  }
  const [, minus, whole = '0', fraction = ''] = match;
  const digits = `${whole}${fraction.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    throw new RangeError(`Rupee amount too large: ${JSON.stringify(text)}`);
  }
  return paisa(minus && magnitude !== 0 ? -magnitude : magnitude);
}

/**
 * The paisa of the usual shape, unsigned with at most 13 rupee digits and an
 * optional one- or two-digit fraction (`64.80`), read digit by digit: a feed
 * sends one price per trade. −1 for any other text, which `parseRupees`'
 * pattern then judges; at most 13 + 2 digits, so the sum is exact.
 */
function plainRupees(text: string): number {
  const length = text.length;
  let value = 0;
  let i = 0;
  for (; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit === -2) break; // '.'
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  if (i === 0 || i > 13) return -1;
  const decimals = length - i - 1;
  if (decimals === -1) return value * 100;
  if (decimals < 1 || decimals > 2) return -1;
  for (let j = i + 1; j < length; j++) {
    const digit = text.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return decimals === 1 ? value * 10 : value;
}

export interface RupeeFormat {
  /** Group the rupees in threes with commas (`1,234.50`); off for the API. */
  readonly thousands?: boolean;
}

/** Writes paisa as rupees with exactly two decimals, e.g. `64.80`, `-0.02`, `1,234.50`. */
export function formatRupees(amount: Paisa, format: RupeeFormat = {}): string {
  const sign = amount < 0 ? '-' : '';
  const magnitude = Math.abs(amount);
  const rupees = Math.trunc(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  const whole = format.thousands ? groupThousands(String(rupees)) : String(rupees);
  return `${sign}${whole}.${fraction}`;
}

/** Inserts a comma between each group of three digits of a string of digits. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
