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
