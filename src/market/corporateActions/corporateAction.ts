import { type Paisa, paisa } from '../money/money.js';
import { divideBigRoundingHalfAway } from '../money/rounding.js';

/**
 * An entitlement that changes a stock's price mechanically on its ex-date
 * (psx-market.md §4.10). Percentages are in basis points of the shares held
 * (a 25 % bonus is 2500); amounts in paisa per share.
 */
export type CorporateAction =
  | {
      readonly type: 'bonus';
      readonly symbol: string;
      readonly exDate: string;
      /** New shares per 10,000 held. */
      readonly bonusBasisPoints: number;
    }
  | {
      readonly type: 'right';
      readonly symbol: string;
      readonly exDate: string;
      /** New shares offered per 10,000 held. */
      readonly rightBasisPoints: number;
      /** What a subscriber pays per new share: face value, plus a premium or less a discount. */
      readonly subscriptionPrice: Paisa;
    }
  | {
      readonly type: 'split';
      readonly symbol: string;
      readonly exDate: string;
      /** `sharesBefore` old shares become `sharesAfter` new ones (1 → 10 for a Rs 10 → Rs 1 face value split). */
      readonly sharesBefore: number;
      readonly sharesAfter: number;
    }
  | {
      readonly type: 'cashDividend';
      readonly symbol: string;
      readonly exDate: string;
      /** Rupees per share in paisa (a 50 % dividend on a Rs 10 face value is Rs 5.00 = 500). */
      readonly dividend: Paisa;
    };

export type CorporateActionType = CorporateAction['type'];

/** Whether an index counts dividends back in (KSE-100, PSX's "total return index") or not (KSE-30) (§0.6, §4.9). */
export type IndexReturnType = 'total' | 'price';

/** A stock's figures just after the action: its ex-price becomes the LDCP. */
export interface ExAdjustment {
  readonly exPrice: Paisa;
  readonly sharesOutstanding: number;
}

const TEN_THOUSAND = 10_000n;

/**
 * PSX's ex-price (psx-market.md §4.10, PSX notice "Price Adjustments while
 * calculating Ex-Dividend, Ex-Bonus, Ex-Right…"), rounded half away from zero
 * to the paisa:
 *   XD = close − dividend
 *   XB = close × 100 ÷ (100 + bonus %)
 *   XR = (close × 100 + subscription price × right %) ÷ (100 + right %)
 *   split: close × before ÷ after (the same value spread over more shares).
 */
export function exPrice(action: CorporateAction, close: Paisa): Paisa {
  const c = BigInt(close);
  switch (action.type) {
    case 'cashDividend':
      return paisa(close - action.dividend);
    case 'bonus':
      return toPaisa(divideBigRoundingHalfAway(c * TEN_THOUSAND, TEN_THOUSAND + BigInt(action.bonusBasisPoints)));
    case 'right': {
      const bp = BigInt(action.rightBasisPoints);
      return toPaisa(
        divideBigRoundingHalfAway(c * TEN_THOUSAND + BigInt(action.subscriptionPrice) * bp, TEN_THOUSAND + bp),
      );
    }
    case 'split':
      return toPaisa(divideBigRoundingHalfAway(c * BigInt(action.sharesBefore), BigInt(action.sharesAfter)));
  }
}

/**
 * Shares in issue after the action. Fractional bonus entitlements are not
 * issued (rounded down); a right issue is counted as fully subscribed, which
 * is what the ex-price formula assumes.
 */
export function sharesAfter(action: CorporateAction, shares: number): number {
  switch (action.type) {
    case 'cashDividend':
      return shares;
    case 'bonus':
      return shares + Math.floor((shares * action.bonusBasisPoints) / 10_000);
    case 'right':
      return shares + Math.floor((shares * action.rightBasisPoints) / 10_000);
    case 'split':
      return Math.floor((shares * action.sharesAfter) / action.sharesBefore);
  }
}

/** The ex-price and share count the action leaves. */
export function adjustForAction(action: CorporateAction, close: Paisa, shares: number): ExAdjustment {
  return { exPrice: exPrice(action, close), sharesOutstanding: sharesAfter(action, shares) };
}

/**
 * Whether an index moves its divisor so that its level does not change at
 * the action. Bonus, rights and splits are always neutralised; a cash
 * dividend only in a total-return index (reinvested through the divisor),
 * while a price index drops by it (§4.9, mechanics [I]).
 */
export function indexKeepsLevel(action: CorporateAction, returnType: IndexReturnType): boolean {
  switch (action.type) {
    case 'cashDividend':
      return returnType === 'total';
    case 'bonus':
    case 'right':
    case 'split':
      return true;
  }
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Why the action cannot be applied to a stock closing at `close`, or null. */
export function corporateActionProblem(action: CorporateAction, close: Paisa): string | null {
  if (!DATE_PATTERN.test(action.exDate)) return `ex-date must read YYYY-MM-DD: ${action.exDate}`;
  switch (action.type) {
    case 'cashDividend':
      if (!isPositiveInteger(action.dividend)) return 'dividend must be a positive whole number of paisa';
      if (action.dividend >= close) return `dividend ${action.dividend} paisa is not below the close ${close}`;
      return null;
    case 'bonus':
      return isPositiveInteger(action.bonusBasisPoints) ? null : 'bonus must be positive basis points';
    case 'right':
      if (!isPositiveInteger(action.rightBasisPoints)) return 'right must be positive basis points';
      return isPositiveInteger(action.subscriptionPrice) ? null : 'subscription price must be positive paisa';
    case 'split':
      if (!isPositiveInteger(action.sharesBefore) || !isPositiveInteger(action.sharesAfter)) {
        return 'split ratio must be two positive whole numbers';
      }
      return action.sharesBefore === action.sharesAfter ? 'a split must change the share count' : null;
  }
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function toPaisa(amount: bigint): Paisa {
  // An ex-price is at least one paisa: a price of zero would freeze the quote.
  return paisa(Math.max(1, Number(amount)));
}
