import type { CorporateAction } from '../corporateActions/corporateAction.js';
import type { ClosingRow, UntradedRow } from '../endOfDay/closingFileDay.js';
import type { ScheduledRecomposition } from '../endOfDay/closingRules.js';
import type { IndexSpec } from '../indices/indexSpec.js';
import type { Paisa } from '../money/money.js';
import type { Instrument } from '../quotes/instrument.js';
import type { ListingEntry } from '../quotes/listingEntry.js';
import type { CalendarEdit } from '../sessions/calendarEdit.js';
import type { Market, MarketChange } from './market.js';

/** The master-list figures the desk may change on a listed instrument; absent fields stay as they are. */
export interface InstrumentAmendment {
  readonly name?: string;
  readonly sector?: string;
  /** Whole shares in issue. */
  readonly sharesOutstanding?: number;
  /** Basis points of shares outstanding, 0..10000. */
  readonly freeFloat?: number;
}

/**
 * A change the market desk makes to the market's reference data, logged like
 * a trade so it is replayed after a restart: a new listing, an amended
 * instrument, a recomposition scheduled for a date (or withdrawn), a waiting corporate action
 * withdrawn or amended, a calendar edit, or a day's closing file.
 */
export type DeskChange =
  | { readonly type: 'listInstrument'; readonly instrument: Instrument; readonly ldcp: Paisa }
  | { readonly type: 'amendInstrument'; readonly symbol: string; readonly amendment: InstrumentAmendment }
  | { readonly type: 'scheduleRecomposition'; readonly recomposition: ScheduledRecomposition }
  | { readonly type: 'cancelRecomposition'; readonly code: string; readonly effective: string }
  /** A corporate action withdrawn before its ex-date (`Market.withdrawCorporateAction`). */
  | { readonly type: 'withdrawCorporateAction'; readonly action: CorporateAction }
  /** A waiting corporate action replaced by a corrected one, in one step. */
  | { readonly type: 'amendCorporateAction'; readonly before: CorporateAction; readonly after: CorporateAction }
  | { readonly type: 'editCalendar'; readonly edit: CalendarEdit }
  | { readonly type: 'defineIndex'; readonly spec: IndexSpec }
  | { readonly type: 'withdrawIndex'; readonly code: string }
  | { readonly type: 'loadListing'; readonly entries: readonly ListingEntry[] }
  /** The exchange's closing-rate file for one day, uploaded while the site runs (`Market.importClosingSession`). */
  | {
      readonly type: 'importClosingSession';
      readonly date: string;
      readonly rows: readonly ClosingRow[];
      /** Listed stocks without a trade that day; absent in changes logged before untraded rows were laid. */
      readonly untraded?: readonly UntradedRow[];
    };

export type DeskChangeType = DeskChange['type'];

/** Offers the change to the market; a refused change leaves the market as it was. */
export function applyDeskChange(market: Market, change: DeskChange, time: Date): MarketChange {
  switch (change.type) {
    case 'listInstrument':
      return market.listInstrument({ instrument: change.instrument, ldcp: change.ldcp }, time);
    case 'amendInstrument':
      return market.amendInstrument(change.symbol, change.amendment, time);
    case 'scheduleRecomposition': {
      const { code, effective, constituents } = change.recomposition;
      return market.scheduleRecomposition(code, effective, constituents);
    }
    case 'cancelRecomposition':
      return market.cancelRecomposition(change.code, change.effective);
    case 'withdrawCorporateAction':
      return market.withdrawCorporateAction(change.action);
    case 'amendCorporateAction':
      return market.amendCorporateAction(change.before, change.after, time);
    case 'editCalendar':
      return market.editCalendar(change.edit, time);
    case 'defineIndex':
      return market.defineIndex(change.spec, time);
    case 'withdrawIndex':
      return market.withdrawIndex(change.code, time);
    case 'loadListing':
      return market.loadListing(change.entries, time);
    case 'importClosingSession':
      return market.importClosingSession(change.rows, change.untraded);
  }
}
