import type { InstrumentAmendment } from '../../market/book/deskChange.js';
import type { MarketListing } from '../../market/book/market.js';
import type { CorporateAction, CorporateActionType } from '../../market/corporateActions/corporateAction.js';
import { FX_PAIRS } from '../../market/fx/fxBook.js';
import type { FxMarket, FxRateUpdate } from '../../market/fx/fxRate.js';
import { paisa } from '../../market/money/money.js';
import type { TradingCalendar } from '../../market/sessions/tradingCalendar.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { FieldReader } from './deskInput.js';

/** A form's fields as the browser sent them (a ticked box list may come as several values). */
export type FormFields = Readonly<Record<string, string | undefined>>;

export type FormReading<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export const CORPORATE_ACTION_TYPES: readonly CorporateActionType[] = ['bonus', 'right', 'split', 'cashDividend'];
export const FX_MARKETS: readonly FxMarket[] = ['interbank', 'open'];
const MAX_SHARES = 1_000_000_000_000;

function reading<T>(reader: FieldReader, value: T | undefined): FormReading<T> {
  if (reader.problems.length > 0 || value === undefined) return { ok: false, problems: reader.problems };
  return { ok: true, value };
}

/** The "add an instrument" form: free float in %, tick size and LDCP in rupees. */
export function readListingForm(fields: FormFields): FormReading<MarketListing> {
  const read = new FieldReader(fields);
  const symbol = read.symbol('symbol');
  const name = read.text('name', 'Company name', { max: 120 });
  const sector = read.text('sector', 'Sector', { max: 80 });
  const sharesOutstanding = read.wholeNumber('sharesOutstanding', 'Shares outstanding', { min: 1, max: MAX_SHARES });
  const freeFloat = read.percent('freeFloat', 'Free float', { min: 0, max: 10_000 });
  const tickSize = read.rupees('tickSize', 'Tick size', { optional: true }) ?? paisa(1);
  const lotSize = read.wholeNumber('lotSize', 'Lot size', { min: 1, max: 1_000_000, optional: true }) ?? 1;
  const ldcp = read.rupees('ldcp', 'LDCP');
  if (ldcp !== undefined && ldcp % tickSize !== 0) read.fail('ldcp', 'LDCP must be a whole number of ticks.');
  const complete =
    symbol !== undefined &&
    name !== undefined &&
    sector !== undefined &&
    sharesOutstanding !== undefined &&
    freeFloat !== undefined &&
    ldcp !== undefined;
  return reading(
    read,
    complete
      ? { instrument: { symbol, name, sector, sharesOutstanding, freeFloat, tickSize, lotSize }, ldcp }
      : undefined,
  );
}

/** The edit form: every field is sent; the desk service keeps only what differs. */
export function readAmendmentForm(fields: FormFields): FormReading<Required<InstrumentAmendment>> {
  const read = new FieldReader(fields);
  const name = read.text('name', 'Company name', { max: 120 });
  const sector = read.text('sector', 'Sector', { max: 80 });
  const sharesOutstanding = read.wholeNumber('sharesOutstanding', 'Shares outstanding', { min: 1, max: MAX_SHARES });
  const freeFloat = read.percent('freeFloat', 'Free float', { min: 0, max: 10_000 });
  const complete =
    name !== undefined && sector !== undefined && sharesOutstanding !== undefined && freeFloat !== undefined;
  return reading(read, complete ? { name, sector, sharesOutstanding, freeFloat } : undefined);
}

/** The corporate action form: one set of fields per kind, only the chosen kind's are read. */
export function readCorporateActionForm(fields: FormFields): FormReading<CorporateAction> {
  const read = new FieldReader(fields);
  const type = read.choice('type', 'Kind of action', CORPORATE_ACTION_TYPES);
  const symbol = read.symbol('symbol');
  const exDate = read.date('exDate', 'Ex-date');
  let action: CorporateAction | undefined;
  if (type !== undefined && symbol !== undefined && exDate !== undefined) {
    const base = { symbol, exDate };
    switch (type) {
      case 'bonus': {
        const bonusBasisPoints = read.percent('bonusPercent', 'Bonus', { min: 1, max: 1_000_000 });
        action = bonusBasisPoints === undefined ? undefined : { type, ...base, bonusBasisPoints };
        break;
      }
      case 'right': {
        const rightBasisPoints = read.percent('rightPercent', 'Right', { min: 1, max: 1_000_000 });
        const subscriptionPrice = read.rupees('subscriptionPrice', 'Subscription price');
        action =
          rightBasisPoints === undefined || subscriptionPrice === undefined
            ? undefined
            : { type, ...base, rightBasisPoints, subscriptionPrice };
        break;
      }
      case 'split': {
        const sharesBefore = read.wholeNumber('sharesBefore', 'Shares before', { min: 1, max: 1_000_000 });
        const sharesAfter = read.wholeNumber('sharesAfter', 'Shares after', { min: 1, max: 1_000_000 });
        if (sharesBefore !== undefined && sharesBefore === sharesAfter) {
          read.fail('sharesAfter', 'A split must change the number of shares.');
        }
        action =
          sharesBefore === undefined || sharesAfter === undefined
            ? undefined
            : { type, ...base, sharesBefore, sharesAfter };
        break;
      }
      case 'cashDividend': {
        const dividend = read.rupees('dividend', 'Dividend per share');
        action = dividend === undefined ? undefined : { type, ...base, dividend };
        break;
      }
    }
  }
  return reading(read, action);
}

/** A rate typed by the desk: interbank has one rate (selling may be left empty), time on Karachi's clock. */
export function readFxForm(fields: FormFields, calendar: TradingCalendar): FormReading<FxRateUpdate> {
  const read = new FieldReader(fields);
  const pair = read.choice('pair', 'Currency pair', FX_PAIRS);
  const market = read.choice('market', 'Market', FX_MARKETS);
  const buying = read.rupees('buying', 'Buying rate');
  const selling = read.rupees('selling', 'Selling rate', { optional: market === 'interbank' }) ?? buying;
  const time = read.instant('date', 'time', calendar);
  const source = read.text('source', 'Source', { max: 40 });
  if (market === 'interbank' && buying !== undefined && selling !== buying) {
    read.fail('selling', 'Interbank has one rate: leave selling empty or equal to buying.');
  }
  if (market === 'open' && buying !== undefined && selling !== undefined && selling < buying) {
    read.fail('selling', 'The selling rate must not be below the buying rate.');
  }
  const complete =
    pair !== undefined &&
    market !== undefined &&
    buying !== undefined &&
    selling !== undefined &&
    time !== undefined &&
    source !== undefined;
  return reading(read, complete ? { pair, market, buying, selling, time, source } : undefined);
}
