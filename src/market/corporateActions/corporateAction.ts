import { type Paisa, paisa } from '../money/money.js';
import { divideBigRoundingHalfAway } from '../money/rounding.js';

/**
 * New shares per shares held, both whole numbers: 1 for 55 is exact, where
 * basis points would round it (182 bp is 1 for 54.9). PSX announces bonus and
 * right issues as a percentage or as such a ratio (psx-market.md §4.10).
 */
export interface ShareRatio {
  readonly newShares: number;
  readonly heldShares: number;
}

/**
 * How many new shares per share held: a percentage in basis points (a 25 %
 * bonus is 2500, i.e. 2,500 per 10,000) or an exact `ratio`.
 */
export type Entitlement<Field extends string> =
  | ({ readonly [key in Field]: number } & { readonly ratio?: undefined })
  | ({ readonly [key in Field]?: undefined } & { readonly ratio: ShareRatio });

/**
 * An entitlement that changes a stock's price mechanically on its ex-date
 * (psx-market.md §4.10). Entitlements are basis points of the shares held
 * or an exact ratio; amounts in paisa per share.
 */
export type CorporateAction =
  | ({
      readonly type: 'bonus';
      readonly symbol: string;
      readonly exDate: string;
    } & Entitlement<'bonusBasisPoints'>)
  | ({
      readonly type: 'right';
      readonly symbol: string;
      readonly exDate: string;
      /** What a subscriber pays per new share: face value, plus a premium or less a discount. */
      readonly subscriptionPrice: Paisa;
    } & Entitlement<'rightBasisPoints'>)
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
      /**
       * A special (non-ordinary) dividend, outside the company's regular
       * payouts: a price index adjusts its divisor for it, as for a return of
       * capital, where it lets an ordinary dividend lower its level.
       */
      readonly special?: boolean;
    };

export type CorporateActionType = CorporateAction['type'];

/** Whether an index counts dividends back in (KSE-100, PSX's "total return index") or not (KSE-30) (§0.6, §4.9). */
export type IndexReturnType = 'total' | 'price';

/** A stock's figures just after the action: its ex-price becomes the LDCP. */
export interface ExAdjustment {
  readonly exPrice: Paisa;
  /** Null when the stock's share count is unknown: the action cannot tell it either. */
  readonly sharesOutstanding: number | null;
}

const TEN_THOUSAND = 10_000n;

/** New shares per share held as an exact fraction `numerator / denominator`; undefined for splits and dividends. */
export function entitlementRatio(action: CorporateAction): { numerator: bigint; denominator: bigint } | undefined {
  switch (action.type) {
    case 'bonus':
      return action.ratio === undefined
        ? { numerator: BigInt(action.bonusBasisPoints), denominator: TEN_THOUSAND }
        : { numerator: BigInt(action.ratio.newShares), denominator: BigInt(action.ratio.heldShares) };
    case 'right':
      return action.ratio === undefined
        ? { numerator: BigInt(action.rightBasisPoints), denominator: TEN_THOUSAND }
        : { numerator: BigInt(action.ratio.newShares), denominator: BigInt(action.ratio.heldShares) };
    case 'split':
    case 'cashDividend':
      return undefined;
  }
}

/**
 * Whether a right issue is worth taking up: its subscription price is below
 * the cum-rights close. One that is not (at or above the close) changes
 * neither the price nor, until the result is known, the share count
 * (standard index methodology; psx-market.md §4.10 gives no rule for it).
 */
export function rightInTheMoney(action: CorporateAction & { readonly type: 'right' }, close: Paisa): boolean {
  return action.subscriptionPrice < close;
}

/**
 * PSX's ex-price (psx-market.md §4.10, PSX notice "Price Adjustments while
 * calculating Ex-Dividend, Ex-Bonus, Ex-Right…"), for n new shares per d held,
 * computed exactly and rounded half away from zero to the paisa once, at the end:
 *   XD = close − dividend
 *   XB = close × d ÷ (d + n)            (= close × 100 ÷ (100 + bonus %))
 *   XR = (close × d + S × n) ÷ (d + n)  (S the subscription price), only in the money
 *   split: close × before ÷ after (the same value spread over more shares).
 */
export function exPrice(action: CorporateAction, close: Paisa): Paisa {
  const c = BigInt(close);
  switch (action.type) {
    case 'cashDividend':
      return paisa(close - action.dividend);
    case 'bonus': {
      const { numerator: n, denominator: d } = entitlementRatio(action) as { numerator: bigint; denominator: bigint };
      return toPaisa(divideBigRoundingHalfAway(c * d, d + n));
    }
    case 'right': {
      if (!rightInTheMoney(action, close)) return close;
      const { numerator: n, denominator: d } = entitlementRatio(action) as { numerator: bigint; denominator: bigint };
      return toPaisa(divideBigRoundingHalfAway(c * d + BigInt(action.subscriptionPrice) * n, d + n));
    }
    case 'split':
      return toPaisa(divideBigRoundingHalfAway(c * BigInt(action.sharesBefore), BigInt(action.sharesAfter)));
  }
}

/**
 * Shares in issue after the action, for a stock closing at `close` before it.
 * Fractional entitlements are not issued (rounded down); a right issue in the
 * money is counted as fully subscribed, which is what the ex-price formula
 * assumes, and one out of the money adds none.
 */
export function sharesAfter(action: CorporateAction, shares: number, close: Paisa): number {
  switch (action.type) {
    case 'cashDividend':
      return shares;
    case 'right':
      if (!rightInTheMoney(action, close)) return shares;
      return shares + newShares(action, shares);
    case 'bonus':
      return shares + newShares(action, shares);
    case 'split':
      return Math.floor((shares * action.sharesAfter) / action.sharesBefore);
  }
}

function newShares(action: CorporateAction, shares: number): number {
  const ratio = entitlementRatio(action);
  return ratio === undefined ? 0 : Number((BigInt(shares) * ratio.numerator) / ratio.denominator);
}

/** The ex-price and share count the action leaves. */
export function adjustForAction(action: CorporateAction, close: Paisa, shares: number | null): ExAdjustment {
  const sharesOutstanding = shares === null ? null : sharesAfter(action, shares, close);
  return { exPrice: exPrice(action, close), sharesOutstanding };
}

/**
 * Whether an index moves its divisor so that its level does not change at
 * the action. Bonus, rights and splits are always neutralised (a right out
 * of the money changes nothing to neutralise); a cash dividend in a
 * total-return index (reinvested through the divisor), and in a price index
 * only when special: an ordinary dividend lowers a price index (§4.9,
 * mechanics [I]; standard index methodology).
 */
export function indexKeepsLevel(action: CorporateAction, returnType: IndexReturnType): boolean {
  switch (action.type) {
    case 'cashDividend':
      return returnType === 'total' || action.special === true;
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
      return entitlementProblem('bonus', action.bonusBasisPoints, action.ratio);
    case 'right':
      return (
        entitlementProblem('right', action.rightBasisPoints, action.ratio) ??
        (isPositiveInteger(action.subscriptionPrice) ? null : 'subscription price must be positive paisa')
      );
    case 'split':
      if (!isPositiveInteger(action.sharesBefore) || !isPositiveInteger(action.sharesAfter)) {
        return 'split ratio must be two positive whole numbers';
      }
      return action.sharesBefore === action.sharesAfter ? 'a split must change the share count' : null;
  }
}

/** Basis points or a ratio, exactly one of them, in positive whole numbers. */
function entitlementProblem(
  kind: 'bonus' | 'right',
  basisPoints: number | undefined,
  ratio: ShareRatio | undefined,
): string | null {
  if (ratio === undefined) {
    return basisPoints !== undefined && isPositiveInteger(basisPoints)
      ? null
      : `${kind} must be positive basis points or a ratio`;
  }
  if (basisPoints !== undefined) return `${kind}: give basis points or a ratio, not both`;
  return isPositiveInteger(ratio.newShares) && isPositiveInteger(ratio.heldShares)
    ? null
    : `${kind} ratio must be two positive whole numbers`;
}

function isPositiveInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

function toPaisa(amount: bigint): Paisa {
  // An ex-price is at least one paisa: a price of zero would freeze the quote.
  return paisa(Math.max(1, Number(amount)));
}

/**
 * One action's identity, whatever order its fields came in: the desk names a
 * pending action by it to withdraw or amend it (two identical announcements
 * are one identity; the first waiting one is taken).
 */
export function corporateActionKey(action: CorporateAction): string {
  return JSON.stringify(action, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
