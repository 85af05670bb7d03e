import {
  type CorporateAction,
  corporateActionKey,
  corporateActionProblem,
  type ExAdjustment,
} from '../corporateActions/corporateAction.js';
import { adjustForCorporateAction, applyDue } from '../corporateActions/corporateActionsDue.js';
import { closeBook } from '../endOfDay/closeBook.js';
import { type ClosingRow, type UntradedRow, withClosingSession } from '../endOfDay/closingFileDay.js';
import {
  type ClosingRule,
  closingRuleProblem,
  type EndOfDay,
  LAST_TRADE_CLOSE,
  printsToKeep,
  type ScheduledRecomposition,
} from '../endOfDay/closingRules.js';
import { FxBook, type FxDailyChange, type FxDailyRate } from '../fx/fxBook.js';
import type { FxMarket, FxRateUpdate } from '../fx/fxRate.js';
import { IndexCalculator, type IndexConstituent, type IndexDefinition } from '../indices/indexCalculator.js';
import { recompose } from '../indices/indexRecomposition.js';
import {
  definitionOf,
  type IndexSpec,
  indexSpecProblem,
  type PublishedIndex,
  publishedIndexOf,
} from '../indices/indexSpec.js';
import { type Paisa, paisa } from '../money/money.js';
import {
  emptyRejectionCounts,
  emptyTally,
  indexRange,
  type MarketStats,
  type TrackedIndex,
} from '../quotes/dayTally.js';
import { defineInstrument, type Instrument, instrumentProblem } from '../quotes/instrument.js';
import { type ListingEntry, mergedEntry, withListing } from '../quotes/listingEntry.js';
import { type PriceBandRule, PSX_PRICE_BAND } from '../quotes/priceBand.js';
import { type Quote, type TradingRules, untradedQuote } from '../quotes/quote.js';
import { QuoteViews } from '../quotes/quoteViews.js';
import type { Trade } from '../quotes/trade.js';
import {
  MAX_TURNOVER,
  malformedFigures,
  malformedTrade,
  offRulesTrade,
  type TradeRejection,
} from '../quotes/tradeCheck.js';
import { printTrade } from '../quotes/tradePrint.js';
import { type TradeRoute, tradeRoute } from '../quotes/tradeRoute.js';
import { type CalendarEdit, editCalendar } from '../sessions/calendarEdit.js';
import { BreachBand } from '../sessions/haltThresholds.js';
import { type HaltRule, PSX_HALT_RULE } from '../sessions/marketHalt.js';
import { aheadOfClock, CLOCK_SKEW_MS, TimelyWindow, untimelyTrade } from '../sessions/timeliness.js';
import {
  dayNumber,
  isTradingDay,
  nextDate,
  nextTradingDate,
  PSX_CALENDAR,
  type TradingCalendar,
  tradingDateOf,
} from '../sessions/tradingCalendar.js';
import { TradingStatus } from '../sessions/tradingStatus.js';
import { exportBook, restoreBook } from './bookExport.js';
import type { InstrumentAmendment } from './deskChange.js';
import { FeedSequences } from './feedSequences.js';
import {
  compareSymbols,
  emptyBook,
  findIndex,
  lastPrices,
  reindexSymbols,
  sortBySymbol,
  trackIndex,
} from './marketBook.js';
import type { FxRateView, MarketSnapshot, MarketStatusView } from './marketSnapshot.js';
import type { MarketState } from './marketState.js';
import { figuresAsOf, indexView } from './snapshotViews.js';

/** An instrument with its last day closing price. */
export interface MarketListing {
  readonly instrument: Instrument;
  readonly ldcp: Paisa;
}

export interface MarketSetup {
  readonly listings: readonly MarketListing[];
  /** Each index starts at its `baseValue` at the LDCPs, which makes that its previous close. */
  readonly indices: readonly IndexDefinition[];
  readonly fx: readonly FxRateView[];
  /** When the LDCPs were set (the previous close); the time of untraded quotes. */
  readonly ldcpTime: Date;
  readonly priceBand?: PriceBandRule;
  /** Sessions, holidays and the snapshot's status; without one the market never closes by itself. */
  readonly calendar?: TradingCalendar;
  /** Refuse trades outside the calendar's open phases. Default: true when a calendar is given. */
  readonly enforceSessions?: boolean;
  /** The index-based halt; default PSX's (KSE30, 5 %, 5 min, 60 min) when sessions are enforced, else none. */
  readonly haltRule?: HaltRule | null;
  readonly closingRule?: ClosingRule;
  /**
   * How far ahead of the server's clock a feed may stamp a trade or rate and
   * still be taken; default `CLOCK_SKEW_MS` (5 s). The site sets it from `--feed-clock-skew`.
   */
  readonly clockSkewMs?: number;
  /** FX pairs the market quotes; default the six of `FX_PAIRS`. */
  readonly fxPairs?: readonly string[];
}

/** The rules a market runs by, as opposed to what it holds; a checkpoint restores state, never rules. */
export type MarketRules = Pick<
  MarketSetup,
  'priceBand' | 'calendar' | 'enforceSessions' | 'haltRule' | 'closingRule' | 'clockSkewMs'
>;

export type MarketChange = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** `applyTrade`'s answer: a duplicate is accepted once and then acknowledged. */
export type TradeResult =
  | { readonly ok: true; readonly duplicate?: true }
  | { readonly ok: false; readonly reason: string };

/** `submitTrade`'s answer, with the kind of rejection. */
export type TradeReceipt =
  | { readonly ok: true; readonly duplicate: boolean; readonly outOfOrder: boolean }
  | ({ readonly ok: false } & TradeRejection);

export type CorporateActionResult =
  | { readonly ok: true; readonly status: 'applied'; readonly adjustment: ExAdjustment }
  | { readonly ok: true; readonly status: 'scheduled' }
  | { readonly ok: false; readonly reason: string };

export type CloseDayResult =
  | { readonly ok: true; readonly endOfDay: EndOfDay }
  | { readonly ok: false; readonly reason: string };

/**
 * The trading day in memory: quotes, indices and FX, changed by accepted
 * trades and rates, corporate actions and the end-of-day roll-over. No I/O
 * and no clock: every time comes from the caller.
 */
export class Market {
  readonly priceBand: PriceBandRule;
  readonly enforceSessions: boolean;
  readonly haltRule: HaltRule | null;
  readonly closingRule: ClosingRule;
  readonly clockSkewMs: number;
  private readonly book = emptyBook();
  private readonly fxBook: FxBook;
  /** The setup's calendar until the desk edits it; the edited one is state (logged and checkpointed). */
  private currentCalendar: TradingCalendar | undefined;
  private readonly feedSeqs = new FeedSequences();
  private readonly trading: TradingStatus;
  private readonly pendingActions: CorporateAction[] = [];
  private readonly pendingRecompositions: ScheduledRecomposition[] = [];
  /** Indices the site names but only the exchange computes, in the order defined. */
  private readonly published: PublishedIndex[] = [];
  /** The listing file's and the desk's reference data, by symbol (`ListingEntry`). */
  private readonly listing = new Map<string, ListingEntry>();
  private readonly counts = { accepted: 0, duplicates: 0, outOfOrder: 0, rejected: emptyRejectionCounts() };
  private lastClosed: string | null = null;
  /** The closing rule's `printsToKeep`, fixed with the rule. */
  private readonly keepPrints: number;
  /** Each instrument's rules, built once: trades ask for them every time. */
  private readonly rulesByInstrument = new WeakMap<Instrument, TradingRules>();
  private currentVersion = 0;
  /** The latest traded quote time (`latestTradeTime`) as of market version `latestTradeVersion`. */
  private latestTradeMs = Number.NEGATIVE_INFINITY;
  private latestTradeVersion = -1;
  private lastChange: Date;
  /** `lastChange` as epoch ms: every change compares against it. */
  private lastChangeMs: number;
  private readonly quoteViews = new QuoteViews();
  private cached: MarketSnapshot | null = null;
  /** The halt index's breach thresholds as capitalisations, so a trade need not work out its level. */
  private readonly breachBand = new BreachBand();
  /** Each traded symbol's route (`keptRoute`), true at version `routesVersion`. */
  private readonly routes = new Map<string, TradeRoute>();
  private routesVersion = -1;
  /** The stamps on time for today's calendar and last closed day: most trades need no `untimelyTrade`. */
  private readonly timely = new TimelyWindow();
  /** The halt rule's index, looked up again (null) whenever the routes are dropped: only such a change replaces it. */
  private haltIndex: TrackedIndex | undefined | null = null;

  constructor(setup: MarketSetup) {
    this.priceBand = setup.priceBand ?? PSX_PRICE_BAND;
    this.currentCalendar = setup.calendar;
    this.enforceSessions = setup.calendar !== undefined && (setup.enforceSessions ?? true);
    this.haltRule = setup.haltRule === undefined ? (this.enforceSessions ? PSX_HALT_RULE : null) : setup.haltRule;
    this.closingRule = setup.closingRule ?? LAST_TRADE_CLOSE;
    this.clockSkewMs = setup.clockSkewMs ?? CLOCK_SKEW_MS;
    if (!Number.isSafeInteger(this.clockSkewMs) || this.clockSkewMs < 0) {
      throw new RangeError(`clock skew must be whole milliseconds, at least 0: ${this.clockSkewMs}`);
    }
    const closingProblem = closingRuleProblem(this.closingRule);
    if (closingProblem) throw new RangeError(`closing rule: ${closingProblem}`);
    this.keepPrints = printsToKeep(this.closingRule);
    this.lastChange = setup.ldcpTime;
    this.lastChangeMs = setup.ldcpTime.getTime();
    // Alphabetical once here, so every snapshot lists quotes as the reference ticker does.
    const listings = [...setup.listings].sort((a, b) => compareSymbols(a.instrument.symbol, b.instrument.symbol));
    const { instruments, quotes, tallies } = this.book;
    for (const { instrument, ldcp } of listings) {
      if (instruments.has(instrument.symbol)) throw new RangeError(`${instrument.symbol} is listed twice`);
      if (!Number.isSafeInteger(ldcp) || ldcp <= 0) throw new RangeError(`${instrument.symbol}: LDCP must be positive`);
      instruments.set(instrument.symbol, instrument);
      quotes.set(instrument.symbol, untradedQuote(instrument.symbol, ldcp, setup.ldcpTime));
      tallies.set(instrument.symbol, emptyTally());
    }
    const ldcps = lastPrices(this.book);
    for (const definition of setup.indices) this.book.indices.push(trackIndex(definition, ldcps, setup.ldcpTime));
    reindexSymbols(this.book);
    this.fxBook = new FxBook(setup.fx, setup.fxPairs);
    this.trading = new TradingStatus(
      {
        haltRule: this.haltRule,
        enforceSessions: this.enforceSessions,
        calendar: () => this.currentCalendar,
        lastClosed: () => this.lastClosed,
      },
      setup.ldcpTime,
    );
  }

  /** Sessions, holidays and special schedules in force; undefined for a market run without a calendar. */
  get calendar(): TradingCalendar | undefined {
    return this.currentCalendar;
  }

  /** Grows by one with every accepted trade, rate, action, roll-over or change of status. */
  get version(): number {
    return this.currentVersion;
  }

  /**
   * Moves the version counter up to at least `base`, so versions stay unique
   * across the site's processes and their restarts (clients hold them as ETags
   * and stream event ids); `versionBase` picks one.
   */
  startVersionsAfter(base: number): void {
    if (!Number.isSafeInteger(base) || base < 0)
      throw new RangeError(`Version base must be a safe integer, got ${base}`);
    if (base <= this.currentVersion) return;
    this.currentVersion = base;
    this.cached = null;
  }

  symbols(): string[] {
    return [...this.book.quotes.keys()];
  }

  /** The symbol's quote now, as a copy: the book's own moves with every trade (`printIntoQuote`). */
  quote(symbol: string): Quote | undefined {
    const quote = this.book.quotes.get(symbol);
    return quote === undefined ? undefined : { ...quote };
  }

  instrument(symbol: string): Instrument | undefined {
    return this.book.instruments.get(symbol);
  }

  tradingRules(symbol: string): TradingRules | undefined {
    const instrument = this.book.instruments.get(symbol);
    if (!instrument) return undefined;
    let rules = this.rulesByInstrument.get(instrument);
    if (rules === undefined) {
      rules = Object.freeze({ tickSize: instrument.tickSize, lotSize: instrument.lotSize, band: this.priceBand });
      this.rulesByInstrument.set(instrument, rules);
    }
    return rules;
  }

  /** Whether a trade stamped `now` could print: inside an open session (when enforced) and not halted. */
  isTradingAt(now: Date): boolean {
    return this.trading.isTradingAt(now);
  }

  fxRates(): FxRateView[] {
    return this.fxBook.rates();
  }

  fxHistory(pair: string, market: FxMarket): FxDailyRate[] {
    return this.fxBook.history(pair, market);
  }

  fxDailyChange(pair: string, market: FxMarket, date: string): FxDailyChange | null {
    return this.fxBook.dailyChange(pair, market, date);
  }

  stats(): MarketStats {
    return { ...this.counts, rejected: { ...this.counts.rejected } };
  }

  /** The index's constituents in force (with computed cap factors), or undefined for an unknown code. */
  indexConstituents(code: string): readonly IndexConstituent[] | undefined {
    return findIndex(this.book, code)?.calculator.constituents();
  }

  /** The index's divisor in force (`IndexCalculator.divisor`), or undefined for an unknown code. */
  indexDivisor(code: string): { readonly numerator: bigint; readonly denominator: bigint } | undefined {
    return findIndex(this.book, code)?.calculator.divisor();
  }

  pendingCorporateActions(): readonly CorporateAction[] {
    return [...this.pendingActions];
  }

  scheduledRecompositions(): readonly ScheduledRecomposition[] {
    return [...this.pendingRecompositions];
  }

  /** The last trading date closed by `closeDay`, or null. */
  get lastClosedDate(): string | null {
    return this.lastClosed;
  }

  /** Prints a trade, moving its quote and every index that holds the symbol; a refused trade changes nothing. */
  applyTrade(trade: Trade): TradeResult {
    const receipt = this.submitTrade(trade);
    if (!receipt.ok) return { ok: false, reason: receipt.reason };
    return receipt.duplicate ? { ok: true, duplicate: true } : { ok: true };
  }

  /**
   * As `applyTrade`, telling the kind of rejection and whether the trade was
   * late. `now`, the server's clock as the trade comes in, also refuses a
   * trade stamped ahead of it or on an earlier day (`untimelyTrade`); a
   * replay of the log gives none, as its trades were judged when they came.
   */
  submitTrade(trade: Trade, now?: Date): TradeReceipt {
    const receipt = this.receive(trade, now);
    if (!receipt.ok) {
      this.counts.rejected[receipt.code] += 1;
      // Otherwise a refused trade changes nothing, but it can be the moment the market is seen to halt.
      if (receipt.code === 'market halted' && this.trading.refresh(trade.time)) this.changed(trade.time);
    }
    return receipt;
  }

  /** Time passes without trades: the calendar's phase and the halt rule move on. Returns the status (null without one). */
  tick(now: Date): MarketStatusView | null {
    this.trading.advanceHalt(now);
    if (this.trading.refresh(now)) this.changed(now);
    return this.trading.view ?? null;
  }

  /**
   * Takes a new FX rate; the previous rates are the last ones of the day
   * before. With `now` (the server's clock as it comes in), a rate stamped
   * ahead of it is refused: it would stay the live rate and turn every later
   * one into mere history.
   */
  setFxRate(update: FxRateUpdate, now?: Date): MarketChange {
    const ahead =
      now === undefined || Number.isNaN(update.time.getTime())
        ? null
        : aheadOfClock(update.time, now, this.clockSkewMs);
    if (ahead !== null) return { ok: false, reason: `rate ${ahead}` };
    const change = this.fxBook.update(update);
    if (change.ok) this.changed(update.time);
    return change;
  }

  /**
   * The market desk changed an index's constituents or share counts; the
   * divisor moves so the level does not (every member is taken at its last price).
   */
  recomposeIndex(code: string, constituents: readonly IndexConstituent[], time: Date): MarketChange {
    const index = findIndex(this.book, code);
    if (!index) return { ok: false, reason: `unknown index ${code}` };
    const problem = recompose(this.book, index, constituents);
    if (problem) return { ok: false, reason: problem };
    index.time = time;
    this.changed(time);
    return { ok: true };
  }

  /** Queues a recomposition for the roll-over into `effective` (the first day it counts). */
  scheduleRecomposition(code: string, effective: string, constituents: readonly IndexConstituent[]): MarketChange {
    if (!findIndex(this.book, code)) return { ok: false, reason: `unknown index ${code}` };
    if (!isDate(effective)) return { ok: false, reason: `effective date must read YYYY-MM-DD: ${effective}` };
    try {
      // A trial build: refuses unknown symbols and impossible figures now, not at midnight.
      new IndexCalculator({ code, name: code, baseValue: 1, constituents }, lastPrices(this.book));
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    this.pendingRecompositions.push({ code, effective, constituents });
    return { ok: true };
  }

  /**
   * The desk defines an index from scratch. With constituents the market
   * computes it from now on, standing at its starting level on the members'
   * LDCPs (which sets the divisor) and moved at once to their last prices;
   * an index only published so far becomes computed this way. Without
   * constituents it is an index only the exchange computes, named so its
   * imported history can be shown.
   */
  defineIndex(spec: IndexSpec, time: Date): MarketChange {
    const problem = indexSpecProblem(spec);
    if (problem) return { ok: false, reason: problem.message };
    if (findIndex(this.book, spec.code)) return { ok: false, reason: `index ${spec.code} is already defined` };
    const publishedAt = this.published.findIndex((index) => index.code === spec.code);
    if (spec.constituents.length === 0) {
      if (publishedAt >= 0) return { ok: false, reason: `index ${spec.code} is already defined` };
      this.published.push(publishedIndexOf(spec));
      this.changed(time);
      return { ok: true };
    }
    const ldcps = new Map<string, Paisa>();
    for (const { symbol } of spec.constituents) {
      const quote = this.book.quotes.get(symbol);
      if (!quote) return { ok: false, reason: `${symbol} is not listed` };
      ldcps.set(symbol, quote.ldcp);
    }
    let index: TrackedIndex;
    try {
      index = { ...trackIndex(definitionOf(spec), ldcps, time, spec.weighting), baseValue: spec.baseValue };
      for (const symbol of ldcps.keys()) {
        const quote = this.book.quotes.get(symbol);
        if (quote && quote.last !== quote.ldcp) index.calculator.applyPrice(symbol, quote.last);
      }
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    if (publishedAt >= 0) this.published.splice(publishedAt, 1);
    this.book.indices.push(index);
    reindexSymbols(this.book);
    this.changed(time);
    return { ok: true };
  }

  /** The desk withdraws an index it defined (and any recomposition scheduled for it); its history stays stored. */
  withdrawIndex(code: string, time: Date): MarketChange {
    const computed = this.book.indices.findIndex((index) => index.calculator.code === code);
    const publishedAt = this.published.findIndex((index) => index.code === code);
    if (computed < 0 && publishedAt < 0) return { ok: false, reason: `unknown index ${code}` };
    if (computed >= 0) this.book.indices.splice(computed, 1);
    if (publishedAt >= 0) this.published.splice(publishedAt, 1);
    const kept = this.pendingRecompositions.filter((r) => r.code !== code);
    this.pendingRecompositions.splice(0, this.pendingRecompositions.length, ...kept);
    reindexSymbols(this.book);
    this.changed(time);
    return { ok: true };
  }

  /** The indices the site names but does not compute. */
  publishedIndices(): readonly PublishedIndex[] {
    return this.published;
  }

  /** How a computed index weights its members; undefined for an index the market does not compute. */
  indexSpecOf(code: string): Omit<IndexSpec, 'constituents' | 'startLevel'> | undefined {
    const index = findIndex(this.book, code);
    if (!index) return undefined;
    return {
      code,
      name: index.calculator.name,
      weighting: index.weighting,
      returnType: index.returnType,
      baseValue: index.baseValue ?? index.previousClose,
      ...(index.baseDate === undefined ? {} : { baseDate: index.baseDate }),
      ...(index.maxWeightBasisPoints === undefined ? {} : { maxWeightBasisPoints: index.maxWeightBasisPoints }),
    };
  }

  /**
   * A listing file's rows (or the desk's reference data): kept, so names,
   * sectors and share counts survive every closing-file import, and laid over
   * each listed instrument now; a row with a first LDCP lists a stock the
   * market does not hold, the others wait for the stock's first closing file.
   * Index holdings do not move (`amendInstrument`). All rows or none.
   */
  loadListing(entries: readonly ListingEntry[], time: Date): MarketChange {
    if (entries.length === 0) return { ok: false, reason: 'the listing has no rows' };
    const instruments = new Map<string, Instrument>();
    const newQuotes: string[] = [];
    const reference = new Map(this.listing);
    for (const entry of entries) {
      const merged = mergedEntry(reference.get(entry.symbol), entry);
      reference.set(entry.symbol, merged);
      const listed = this.book.instruments.get(entry.symbol);
      let next: Instrument | undefined;
      if (listed) next = withListing(listed, merged);
      else if (entry.ldcp !== undefined) {
        if (merged.name === undefined || merged.sector === undefined) {
          return { ok: false, reason: `${entry.symbol}: a new listing needs a name and a sector` };
        }
        if (!Number.isSafeInteger(entry.ldcp) || entry.ldcp <= 0) {
          return { ok: false, reason: `${entry.symbol}: LDCP must be positive paisa` };
        }
        try {
          next = defineInstrument({
            symbol: entry.symbol,
            name: merged.name,
            sector: merged.sector,
            sharesOutstanding: merged.sharesOutstanding ?? null,
            freeFloat: merged.freeFloat ?? null,
          });
        } catch (error) {
          return { ok: false, reason: (error as Error).message };
        }
        newQuotes.push(entry.symbol);
      }
      if (next === undefined) {
        const problem = listingProblem(entry);
        if (problem) return { ok: false, reason: `${entry.symbol}: ${problem}` };
        continue;
      }
      const problem = instrumentProblem(next) ?? describedProblem(next);
      if (problem) return { ok: false, reason: `${entry.symbol}: ${problem}` };
      instruments.set(entry.symbol, next);
    }
    const { quotes, tallies } = this.book;
    for (const [symbol, instrument] of instruments) this.book.instruments.set(symbol, instrument);
    for (const symbol of newQuotes) {
      const ldcp = entries.find((entry) => entry.symbol === symbol)?.ldcp as Paisa;
      quotes.set(symbol, untradedQuote(symbol, ldcp, time));
      tallies.set(symbol, emptyTally());
    }
    if (newQuotes.length > 0) {
      for (const map of [this.book.instruments, quotes, tallies] as Map<string, unknown>[]) sortBySymbol(map);
    }
    this.listing.clear();
    for (const [symbol, entry] of [...reference].sort(([a], [b]) => compareSymbols(a, b))) {
      this.listing.set(symbol, entry);
    }
    this.changed(time);
    return { ok: true };
  }

  /** The reference data kept for a symbol, if any. */
  listingOf(symbol: string): ListingEntry | undefined {
    return this.listing.get(symbol);
  }

  /** Withdraws every recomposition of `code` scheduled for `effective`, before the roll-over applies it. */
  cancelRecomposition(code: string, effective: string): MarketChange {
    const kept = this.pendingRecompositions.filter((r) => r.code !== code || r.effective !== effective);
    if (kept.length === this.pendingRecompositions.length) {
      return { ok: false, reason: `no recomposition of ${code} is scheduled for ${effective}` };
    }
    this.pendingRecompositions.splice(0, this.pendingRecompositions.length, ...kept);
    return { ok: true };
  }

  /**
   * The desk lists a new instrument at `listing.ldcp` (its first LDCP, the
   * centre of its first price band). It joins no index until a recomposition
   * adds it.
   */
  listInstrument(listing: MarketListing, time: Date): MarketChange {
    const { instrument, ldcp } = listing;
    const { instruments, quotes, tallies } = this.book;
    if (instruments.has(instrument.symbol)) return { ok: false, reason: `${instrument.symbol} is already listed` };
    const problem = instrumentProblem(instrument) ?? describedProblem(instrument);
    if (problem) return { ok: false, reason: `${instrument.symbol}: ${problem}` };
    if (!Number.isSafeInteger(ldcp) || ldcp <= 0) return { ok: false, reason: 'LDCP must be positive paisa' };
    if (ldcp % instrument.tickSize !== 0) return { ok: false, reason: 'LDCP must be a whole number of ticks' };
    instruments.set(instrument.symbol, instrument);
    tallies.set(instrument.symbol, emptyTally());
    quotes.set(instrument.symbol, untradedQuote(instrument.symbol, ldcp, time));
    // Snapshots list quotes in symbol order, and a restored state holds every map in it.
    for (const map of [instruments, quotes, tallies] as Map<string, unknown>[]) sortBySymbol(map);
    this.changed(time);
    return { ok: true };
  }

  /**
   * The desk corrects an instrument's name, sector, shares outstanding or free
   * float. The indices keep their own holdings: each index's share count and
   * free float for a member change only through that index's recomposition or
   * a corporate action (docs/market-math.md §3), as an index provider applies
   * new free floats at its review, not when a company files them.
   */
  amendInstrument(symbol: string, amendment: InstrumentAmendment, time: Date): MarketChange {
    const instrument = this.book.instruments.get(symbol);
    if (!instrument) return { ok: false, reason: `unknown symbol ${symbol}` };
    const next: Instrument = {
      ...instrument,
      ...(amendment.name === undefined ? {} : { name: amendment.name }),
      ...(amendment.sector === undefined ? {} : { sector: amendment.sector }),
      ...(amendment.sharesOutstanding === undefined ? {} : { sharesOutstanding: amendment.sharesOutstanding }),
      ...(amendment.freeFloat === undefined ? {} : { freeFloat: amendment.freeFloat }),
    };
    const problem = instrumentProblem(next) ?? describedProblem(next);
    if (problem) return { ok: false, reason: `${symbol}: ${problem}` };
    this.book.instruments.set(symbol, next);
    // The desk's own figures win over the next closing file's, as a listing file's do.
    this.listing.set(symbol, mergedEntry(this.listing.get(symbol), { symbol, ...amendment }));
    this.changed(time);
    return { ok: true };
  }

  /** The desk adds or removes a holiday or a special schedule; a market without a calendar starts from PSX's. */
  editCalendar(edit: CalendarEdit, time: Date): MarketChange {
    const next = editCalendar(this.currentCalendar ?? PSX_CALENDAR, edit);
    if (typeof next === 'string') return { ok: false, reason: next };
    this.currentCalendar = next;
    // The status follows the new timetable at once (a holiday declared for today closes the market).
    this.trading.reset(time, { clearHalt: false });
    this.changed(time);
    return { ok: true };
  }

  /**
   * Lays one closing file's day over the market (`withClosingSession`): each
   * row's stock shows that day as it ended, its instrument listed or renamed,
   * an untraded stock its previous close, and each index rebased at its own
   * divisor. A day the market cannot take (a restore would fail) is refused
   * and changes nothing.
   */
  importClosingSession(rows: readonly ClosingRow[], untraded: readonly UntradedRow[] = []): MarketChange {
    if (rows.length === 0) return { ok: false, reason: 'the closing file has no rows to import' };
    const before = this.exportState();
    try {
      this.restoreState(withClosingSession(before, rows, untraded));
    } catch (error) {
      this.restoreState(before);
      return { ok: false, reason: `the closing file cannot be applied: ${(error as Error).message}` };
    }
    return { ok: true };
  }

  /**
   * A bonus, right, split or cash dividend. If its ex-date is after the
   * trading date of `time` it waits for the roll-over into that date;
   * otherwise it applies now, which PSX does before the open: a stock that
   * has traded today is refused.
   */
  applyCorporateAction(action: CorporateAction, time: Date): CorporateActionResult {
    const quote = this.book.quotes.get(action.symbol);
    if (!quote) return { ok: false, reason: `unknown symbol ${action.symbol}` };
    const problem = corporateActionProblem(action, quote.ldcp);
    if (problem) return { ok: false, reason: problem };
    if (action.exDate > tradingDateOf(time, this.calendar ?? PSX_CALENDAR)) {
      this.pendingActions.push(action);
      return { ok: true, status: 'scheduled' };
    }
    if (quote.volume > 0) {
      return { ok: false, reason: `${action.symbol} has traded today; schedule the action for its ex-date` };
    }
    const outcome = adjustForCorporateAction(this.book, action, time);
    if (typeof outcome === 'string') return { ok: false, reason: outcome };
    this.changed(time);
    return { ok: true, status: 'applied', adjustment: outcome };
  }

  /**
   * Withdraws an action still waiting for its ex-date. One already applied
   * has moved the stock's LDCP and the indices' divisors, and trades have
   * happened at the adjusted prices since: it is not undone here (the desk
   * records the correcting action instead, as the exchange would announce one).
   */
  withdrawCorporateAction(action: CorporateAction): MarketChange {
    const index = this.pendingActionIndex(action);
    if (index < 0) return { ok: false, reason: `no such action of ${action.symbol} is waiting for its ex-date` };
    this.pendingActions.splice(index, 1);
    return { ok: true };
  }

  /**
   * Replaces a waiting action with a corrected one of the same stock, in one
   * step: the replacement is judged as a new announcement (it waits, or
   * applies now if its ex-date has come); if it is refused the original stays.
   */
  amendCorporateAction(before: CorporateAction, after: CorporateAction, time: Date): MarketChange {
    if (after.symbol !== before.symbol) return { ok: false, reason: 'an amended action stays on its stock' };
    const index = this.pendingActionIndex(before);
    if (index < 0) return { ok: false, reason: `no such action of ${before.symbol} is waiting for its ex-date` };
    const [original] = this.pendingActions.splice(index, 1);
    const result = this.applyCorporateAction(after, time);
    if (!result.ok && original !== undefined) this.pendingActions.splice(index, 0, original);
    return result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }

  private pendingActionIndex(action: CorporateAction): number {
    const key = corporateActionKey(action);
    return this.pendingActions.findIndex((waiting) => corporateActionKey(waiting) === key);
  }

  /**
   * Ends `tradingDate` (a trading day of the calendar, when sessions are
   * enforced): closing prices by the closing rule, a bar per stock and index,
   * then the roll-over: closes become LDCPs and previous closes,
   * quotes untraded, and the corporate actions and recompositions due by the
   * next trading day are applied.
   */
  closeDay(tradingDate: string, time: Date): CloseDayResult {
    if (!isDate(tradingDate)) return { ok: false, reason: `trading date must read YYYY-MM-DD: ${tradingDate}` };
    if (this.lastClosed !== null && tradingDate <= this.lastClosed) {
      return { ok: false, reason: `${tradingDate} is not after the last closed day ${this.lastClosed}` };
    }
    // A weekend or holiday had no session to close: closing it would roll LDCPs over a day that never traded.
    // The demo, which trades round the clock (sessions not enforced), closes every day.
    if (this.enforceSessions && this.currentCalendar && !isTradingDay(tradingDate, this.currentCalendar)) {
      return { ok: false, reason: `${tradingDate} is not a trading day (a weekend or holiday)` };
    }
    const { instruments, indices } = closeBook(this.book, tradingDate, this.closingRule, time);
    this.feedSeqs.clear();
    this.trading.endHalt();
    this.lastClosed = tradingDate;
    const next = this.calendar ? nextTradingDate(tradingDate, this.calendar) : nextDate(tradingDate);
    const queues = { actions: this.pendingActions, recompositions: this.pendingRecompositions };
    const { applied, recomposed, problems } = applyDue(this.book, queues, next, time);
    // From the calendar again, not refresh(): a day closed before its session ended changes the status now.
    this.trading.reset(time, { clearHalt: true });
    this.changed(time);
    return {
      ok: true,
      endOfDay: {
        date: tradingDate,
        closedAt: time,
        nextTradingDate: next,
        instruments,
        indices,
        appliedCorporateActions: applied,
        appliedRecompositions: recomposed,
        problems,
      },
    };
  }

  /**
   * Everything live, at one version. Built once per version and shared, so
   * thousands of readers between two trades cost one build; `asOf` is `now`
   * at that build, or the time of the latest figure it holds (`figuresAsOf`).
   */
  /**
   * The trading day to close before anything else happens at `now`: the day
   * of the latest traded (or imported) figures, once the exchange's date has
   * moved past it and it is not closed yet. A site without a simulator closes
   * its days this way, at the first change of the next day (a feed's trade, a
   * desk change, the next closing file), so a day laid from a closing file or
   * left open by the desk never runs into the next one. Null when there is
   * nothing to close.
   */
  dayToRollOver(now: Date): string | null {
    const calendar = this.currentCalendar ?? PSX_CALENDAR;
    const latest = this.latestTradeTime();
    if (latest === Number.NEGATIVE_INFINITY) return null;
    const day = tradingDateOf(new Date(latest), calendar);
    if (day >= tradingDateOf(now, calendar)) return null;
    if (this.lastClosed !== null && day <= this.lastClosed) return null;
    if (this.enforceSessions && !isTradingDay(day, calendar)) return null;
    return day;
  }

  /**
   * The latest time of a traded quote; −∞ when none traded. One pass over the
   * quotes, at most once per market version: the recorder asks after each
   * batch, and the trade path itself stays free of it.
   */
  private latestTradeTime(): number {
    if (this.latestTradeVersion !== this.currentVersion) {
      this.latestTradeVersion = this.currentVersion;
      let latest = Number.NEGATIVE_INFINITY;
      for (const quote of this.book.quotes.values()) {
        if (quote.volume > 0 && quote.time.getTime() > latest) latest = quote.time.getTime();
      }
      this.latestTradeMs = latest;
    }
    return this.latestTradeMs;
  }

  snapshot(now?: Date): MarketSnapshot {
    if (this.cached?.version === this.currentVersion) return this.cached;
    const status = this.trading.view;
    const quotes = Object.freeze(this.quoteViews.views(this.book));
    const fx = Object.freeze(this.fxBook.rates());
    const snapshot: MarketSnapshot = {
      version: this.currentVersion,
      asOf: now ?? figuresAsOf(quotes, fx) ?? this.lastChange,
      quotes,
      indices: Object.freeze(
        this.book.indices.map((index) =>
          indexView(index.calculator, index.previousClose, index.time, indexRange(index)),
        ),
      ),
      fx,
      ...(status ? { status } : {}),
    };
    this.cached = Object.freeze(snapshot);
    return this.cached;
  }

  /** Everything this market remembers, as plain JSON; `restoreState` on a market with the same rules brings it back. */
  exportState(): MarketState {
    return {
      format: 1,
      ...exportBook(this.book),
      fx: this.fxBook.exportState(),
      seenSeqs: this.feedSeqs.exportState(),
      pendingActions: [...this.pendingActions],
      pendingRecompositions: [...this.pendingRecompositions],
      ...(this.published.length === 0 ? {} : { publishedIndices: [...this.published] }),
      ...(this.listing.size === 0 ? {} : { listing: [...this.listing.values()] }),
      ...(this.currentCalendar === undefined ? {} : { calendar: this.currentCalendar }),
      lastClosed: this.lastClosed,
      lastChange: this.lastChange.toISOString(),
    };
  }

  /**
   * Replaces everything this market remembers with `state` (a checkpoint or an
   * imported session); the rules stay this market's. Counts as one change.
   */
  restoreState(state: MarketState): void {
    restoreBook(this.book, state);
    this.fxBook.restoreState(state.fx);
    this.feedSeqs.restoreState(state.seenSeqs);
    this.pendingActions.splice(0, this.pendingActions.length, ...state.pendingActions);
    this.pendingRecompositions.splice(0, this.pendingRecompositions.length, ...state.pendingRecompositions);
    this.published.splice(0, this.published.length, ...(state.publishedIndices ?? []));
    this.listing.clear();
    for (const entry of state.listing ?? []) this.listing.set(entry.symbol, entry);
    this.lastClosed = state.lastClosed;
    // A state from before the desk could edit the calendar has none: the setup's stays.
    if (state.calendar !== undefined) this.currentCalendar = state.calendar;
    this.lastChange = new Date(state.lastChange);
    this.lastChangeMs = this.lastChange.getTime();
    this.trading.reset(this.lastChange, { clearHalt: true });
    this.changed(this.lastChange);
  }

  /** Checks a trade in the exchange's order (form, symbol, resend, day and clock, session, halt, rules) and prints it. */
  private receive(trade: Trade, now: Date | undefined): TradeReceipt {
    // A route is kept only for a symbol that passed the whole form check (`isSymbol` too), so a
    // trade in a symbol with a route needs the check of its figures alone.
    const known = typeof trade.symbol === 'string' ? this.keptRoute(trade.symbol) : undefined;
    const malformed = known === undefined ? malformedTrade(trade) : malformedFigures(trade);
    if (malformed) return { ok: false, ...malformed };
    const route = known ?? this.newRoute(trade.symbol);
    if (!route) return { ok: false, code: 'unknown symbol', reason: `unknown symbol ${trade.symbol}` };
    const feed = trade.feed ?? 'default';
    if (trade.seq !== undefined && this.feedSeqs.has(feed, trade.seq)) {
      this.counts.duplicates += 1;
      return DUPLICATE;
    }
    const time = trade.time;
    const ms = time.getTime();
    const calendar = this.currentCalendar ?? PSX_CALENDAR;
    if (!this.timely.passes(ms, calendar, this.lastClosed, now, this.clockSkewMs)) {
      const untimely = this.untimely(time, calendar, now);
      if (untimely) return { ok: false, ...untimely };
    }
    if (!this.trading.sessionOpen(time)) {
      return { ok: false, code: 'outside session', reason: `no trading at ${time.toISOString()}` };
    }
    this.trading.advanceHalt(time);
    const haltedUntil = this.trading.haltedUntil;
    if (haltedUntil) {
      return { ok: false, code: 'market halted', reason: `market halted until ${haltedUntil.toISOString()}` };
    }
    const offRules = offRulesTrade(trade, route.rules, route.band);
    if (offRules) return { ok: false, ...offRules };
    if ((route.tally.turnover ?? 0) + trade.price * trade.volume > MAX_TURNOVER) {
      return { ok: false, code: 'malformed', reason: 'turnover beyond exact arithmetic' };
    }
    const late = printTrade(route, trade, ms, this.keepPrints);
    if (trade.seq !== undefined) this.feedSeqs.remember(feed, trade.seq);
    this.observeHaltIndex(time);
    this.counts.accepted += 1;
    if (late) this.counts.outOfOrder += 1;
    this.trading.refresh(time);
    this.changed(time);
    // The trade's own change: printTrade kept every route true.
    this.routesVersion = this.currentVersion;
    return late ? LATE : PRINTED;
  }

  /**
   * The symbol's route as kept from trade to trade, or undefined. Every change
   * moves the version (the snapshot cache relies on that too); a printed trade
   * keeps its own route true and marks the routes current (`receive`), so any
   * other change drops them all: a new LDCP, instrument, tally or index
   * composition is never read from an old route.
   */
  private keptRoute(symbol: string): TradeRoute | undefined {
    if (this.routesVersion !== this.currentVersion) {
      this.routes.clear();
      this.haltIndex = null;
      this.routesVersion = this.currentVersion;
      return undefined;
    }
    return this.routes.get(symbol);
  }

  /** Works out and keeps the route of a symbol whose trade passed the form check; undefined when it is not listed. */
  private newRoute(symbol: string): TradeRoute | undefined {
    const rules = this.tradingRules(symbol);
    const route = rules && tradeRoute(this.book, symbol, rules);
    if (route !== undefined) this.routes.set(symbol, route);
    return route;
  }

  /** Why a trade is not on today's trading day (`untimelyTrade`); off the hot path, which `timely` keeps. */
  private untimely(time: Date, calendar: TradingCalendar, now: Date | undefined): TradeRejection | null {
    const day = { calendar, lastClosed: this.lastClosed, skewMs: this.clockSkewMs };
    return untimelyTrade(time, now === undefined ? day : { ...day, now });
  }

  private observeHaltIndex(now: Date): void {
    const rule = this.haltRule;
    if (!rule) return;
    if (this.haltIndex === null) this.haltIndex = findIndex(this.book, rule.indexCode);
    const index = this.haltIndex;
    if (index) this.trading.observeBreach(this.breachBand.isBreach(index, rule), now);
  }

  private changed(time: Date): void {
    this.currentVersion += 1;
    const ms = time.getTime();
    if (ms > this.lastChangeMs) {
      this.lastChange = time;
      this.lastChangeMs = ms;
    }
  }
}

// The receipts of the common outcomes, shared: a trade loop allocates none.
const PRINTED: TradeReceipt = Object.freeze({ ok: true, duplicate: false, outOfOrder: false });
const LATE: TradeReceipt = Object.freeze({ ok: true, duplicate: false, outOfOrder: true });
const DUPLICATE: TradeReceipt = Object.freeze({ ok: true, duplicate: true, outOfOrder: false });

function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Why a listing row's figures are impossible, for a stock the market does not hold yet; null if none. */
function listingProblem(entry: ListingEntry): string | null {
  const probe = defineProbe(entry);
  return probe === null ? null : (instrumentProblem(probe) ?? describedProblem(probe));
}

function defineProbe(entry: ListingEntry): Instrument | null {
  return {
    symbol: entry.symbol,
    name: entry.name ?? entry.symbol,
    sector: entry.sector ?? '-',
    sharesOutstanding: entry.sharesOutstanding ?? null,
    freeFloat: entry.freeFloat ?? null,
    tickSize: paisa(1),
    lotSize: 1,
  };
}

/** Names and sectors are shown on every page: they must say something, briefly. */
function describedProblem(instrument: Instrument): string | null {
  if (instrument.name.trim() === '' || instrument.name.length > 120) return 'name must be 1 to 120 characters';
  if (instrument.sector.trim() === '' || instrument.sector.length > 80) return 'sector must be 1 to 80 characters';
  return null;
}
