import { type CalendarEdit, editCalendar } from './calendarEdit.js';
import {
  adjustForAction,
  type CorporateAction,
  corporateActionProblem,
  type ExAdjustment,
  indexKeepsLevel,
  sharesAfter,
} from './corporateAction.js';
import type { InstrumentAmendment } from './deskChange.js';
import {
  type ClosingRule,
  closingPrice,
  closingRuleProblem,
  type EndOfDay,
  type IndexBar,
  type InstrumentBar,
  instrumentBar,
  LAST_TRADE_CLOSE,
  printsToKeep,
  rememberPrint,
  type ScheduledRecomposition,
} from './endOfDay.js';
import { FxBook, type FxDailyChange, type FxDailyRate } from './fxBook.js';
import type { FxMarket, FxRateUpdate } from './fxRate.js';
import { IndexCalculator, type IndexConstituent, type IndexDefinition } from './indexCalculator.js';
import { type Instrument, instrumentProblem } from './instrument.js';
import {
  type DayTally,
  emptyRejectionCounts,
  emptyTally,
  indexBar,
  type MarketStats,
  observeRange,
  type TrackedIndex,
} from './marketDay.js';
import {
  type HaltRule,
  type HaltState,
  haltPhase,
  haltStateAt,
  NORMAL,
  observeIndex,
  PSX_HALT_RULE,
} from './marketHalt.js';
import type { FxRateView, MarketSnapshot, MarketStatusView } from './marketSnapshot.js';
import { type MarketState, quoteFromState, quoteToState } from './marketState.js';
import { acceptsTrades, sessionStatus, statusText } from './marketStatus.js';
import type { Paisa } from './money.js';
import { type PriceBandRule, PSX_PRICE_BAND } from './priceBand.js';
import { applyLateTrade, applyTrade, type Quote, type TradingRules, untradedQuote } from './quote.js';
import { indexView, quoteView } from './snapshotViews.js';
import type { Trade } from './trade.js';
import { MAX_TURNOVER, malformedTrade, offRulesTrade, type TradeRejection } from './tradeCheck.js';
import {
  dayNumber,
  marketPhase,
  nextDate,
  nextTradingDate,
  PSX_CALENDAR,
  type TradingCalendar,
  tradingDateOf,
} from './tradingCalendar.js';
import { applyWeightCap } from './weightCap.js';

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
  /** FX pairs the market quotes; default the six of `FX_PAIRS`. */
  readonly fxPairs?: readonly string[];
}

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
  private readonly instruments = new Map<string, Instrument>();
  private readonly quotes = new Map<string, Quote>();
  private readonly tallies = new Map<string, DayTally>();
  private readonly indices: TrackedIndex[] = [];
  private readonly indicesBySymbol = new Map<string, TrackedIndex[]>();
  private readonly fxBook: FxBook;
  /** The setup's calendar until the desk edits it; the edited one is state (logged and checkpointed). */
  private currentCalendar: TradingCalendar | undefined;
  private readonly seenSeqs = new Map<string, Set<number>>();
  private readonly pendingActions: CorporateAction[] = [];
  private readonly pendingRecompositions: ScheduledRecomposition[] = [];
  private readonly counts = { accepted: 0, duplicates: 0, outOfOrder: 0, rejected: emptyRejectionCounts() };
  private halt: HaltState = NORMAL;
  private status: MarketStatusView | undefined;
  /** Whether `status` came from the halt rule rather than the calendar. */
  private statusFromHalt = false;
  private lastClosed: string | null = null;
  private currentVersion = 0;
  private lastChange: Date;
  private cached: MarketSnapshot | null = null;

  constructor(setup: MarketSetup) {
    this.priceBand = setup.priceBand ?? PSX_PRICE_BAND;
    this.currentCalendar = setup.calendar;
    this.enforceSessions = setup.calendar !== undefined && (setup.enforceSessions ?? true);
    this.haltRule = setup.haltRule === undefined ? (this.enforceSessions ? PSX_HALT_RULE : null) : setup.haltRule;
    this.closingRule = setup.closingRule ?? LAST_TRADE_CLOSE;
    const closingProblem = closingRuleProblem(this.closingRule);
    if (closingProblem) throw new RangeError(`closing rule: ${closingProblem}`);
    this.lastChange = setup.ldcpTime;
    // Alphabetical once here, so every snapshot lists quotes as the reference ticker does.
    const listings = [...setup.listings].sort((a, b) => compareSymbols(a.instrument.symbol, b.instrument.symbol));
    for (const { instrument, ldcp } of listings) {
      if (this.instruments.has(instrument.symbol)) throw new RangeError(`${instrument.symbol} is listed twice`);
      if (!Number.isSafeInteger(ldcp) || ldcp <= 0) throw new RangeError(`${instrument.symbol}: LDCP must be positive`);
      this.instruments.set(instrument.symbol, instrument);
      this.quotes.set(instrument.symbol, untradedQuote(instrument.symbol, ldcp, setup.ldcpTime));
      this.tallies.set(instrument.symbol, emptyTally());
    }
    const ldcps = this.lastPrices();
    for (const definition of setup.indices) {
      const constituents =
        definition.maxWeightBasisPoints === undefined
          ? definition.constituents
          : applyWeightCap(definition.constituents, ldcps, definition.maxWeightBasisPoints);
      const tracked: TrackedIndex = {
        calculator: new IndexCalculator({ ...definition, constituents }, ldcps),
        returnType: definition.returnType ?? 'price',
        baseDate: definition.baseDate,
        maxWeightBasisPoints: definition.maxWeightBasisPoints,
        previousClose: definition.baseValue,
        time: setup.ldcpTime,
        open: null,
        high: null,
        low: null,
      };
      this.indices.push(tracked);
    }
    this.reindexSymbols();
    this.fxBook = new FxBook(setup.fx, setup.fxPairs);
    this.status = this.statusAt(setup.ldcpTime);
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
   * across restarts (clients hold them as ETags and stream event ids).
   */
  startVersionsAfter(base: number): void {
    if (!Number.isSafeInteger(base) || base < 0)
      throw new RangeError(`Version base must be a safe integer, got ${base}`);
    if (base <= this.currentVersion) return;
    this.currentVersion = base;
    this.cached = null;
  }

  symbols(): string[] {
    return [...this.quotes.keys()];
  }

  quote(symbol: string): Quote | undefined {
    return this.quotes.get(symbol);
  }

  instrument(symbol: string): Instrument | undefined {
    return this.instruments.get(symbol);
  }

  tradingRules(symbol: string): TradingRules | undefined {
    const instrument = this.instruments.get(symbol);
    if (!instrument) return undefined;
    return { tickSize: instrument.tickSize, lotSize: instrument.lotSize, band: this.priceBand };
  }

  /** Whether a trade stamped `now` could print: inside an open session (when enforced) and not halted. */
  isTradingAt(now: Date): boolean {
    if (this.enforceSessions && this.calendar && !acceptsTrades(marketPhase(now, this.calendar))) return false;
    return !this.haltRule || haltStateAt(this.halt, this.haltRule, now).kind !== 'halted';
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
    return this.findIndex(code)?.calculator.constituents();
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

  /** As `applyTrade`, telling the kind of rejection and whether the trade was late. */
  submitTrade(trade: Trade): TradeReceipt {
    const receipt = this.receive(trade);
    if (!receipt.ok) {
      this.counts.rejected[receipt.code] += 1;
      // Otherwise a refused trade changes nothing, but it can be the moment the market is seen to halt.
      if (receipt.code === 'market halted' && this.refreshStatus(trade.time)) this.changed(trade.time);
    }
    return receipt;
  }

  /** Time passes without trades: the calendar's phase and the halt rule move on. Returns the status (null without one). */
  tick(now: Date): MarketStatusView | null {
    this.advanceHalt(now);
    if (this.refreshStatus(now)) this.changed(now);
    return this.status ?? null;
  }

  /** Takes a new FX rate; the previous rates are the last ones of the day before. */
  setFxRate(update: FxRateUpdate): MarketChange {
    const change = this.fxBook.update(update);
    if (change.ok) this.changed(update.time);
    return change;
  }

  /**
   * The market desk changed an index's constituents or share counts; the
   * divisor moves so the level does not (every member is taken at its last price).
   */
  recomposeIndex(code: string, constituents: readonly IndexConstituent[], time: Date): MarketChange {
    const index = this.findIndex(code);
    if (!index) return { ok: false, reason: `unknown index ${code}` };
    const problem = this.recompose(index, constituents);
    if (problem) return { ok: false, reason: problem };
    index.time = time;
    this.changed(time);
    return { ok: true };
  }

  /** Queues a recomposition for the roll-over into `effective` (the first day it counts). */
  scheduleRecomposition(code: string, effective: string, constituents: readonly IndexConstituent[]): MarketChange {
    const index = this.findIndex(code);
    if (!index) return { ok: false, reason: `unknown index ${code}` };
    if (!isDate(effective)) return { ok: false, reason: `effective date must read YYYY-MM-DD: ${effective}` };
    const prices = this.lastPrices();
    try {
      // A trial build: refuses unknown symbols and impossible figures now, not at midnight.
      new IndexCalculator({ code, name: code, baseValue: 1, constituents }, prices);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    this.pendingRecompositions.push({ code, effective, constituents });
    return { ok: true };
  }

  /**
   * The desk lists a new instrument at `listing.ldcp` (its first LDCP, the
   * centre of its first price band). It joins no index until a recomposition
   * adds it.
   */
  listInstrument(listing: MarketListing, time: Date): MarketChange {
    const { instrument, ldcp } = listing;
    if (this.instruments.has(instrument.symbol)) return { ok: false, reason: `${instrument.symbol} is already listed` };
    const problem = instrumentProblem(instrument) ?? describedProblem(instrument);
    if (problem) return { ok: false, reason: `${instrument.symbol}: ${problem}` };
    if (!Number.isSafeInteger(ldcp) || ldcp <= 0) return { ok: false, reason: 'LDCP must be positive paisa' };
    if (ldcp % instrument.tickSize !== 0) return { ok: false, reason: 'LDCP must be a whole number of ticks' };
    this.instruments.set(instrument.symbol, instrument);
    this.tallies.set(instrument.symbol, emptyTally());
    this.quotes.set(instrument.symbol, untradedQuote(instrument.symbol, ldcp, time));
    // Snapshots list quotes in symbol order, and a restored state holds every map in it.
    for (const map of [this.instruments, this.quotes, this.tallies] as Map<string, unknown>[]) sortBySymbol(map);
    this.changed(time);
    return { ok: true };
  }

  /**
   * The desk corrects an instrument's name, sector, shares outstanding or free
   * float. Every index holding it takes the new share count and free float at
   * the stock's last price, with the divisor moved so its level does not jump
   * (the recomposition rule, docs/market-math.md §3); either every index
   * takes the change or none does.
   */
  amendInstrument(symbol: string, amendment: InstrumentAmendment, time: Date): MarketChange {
    const instrument = this.instruments.get(symbol);
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
    const figuresMoved =
      next.sharesOutstanding !== instrument.sharesOutstanding || next.freeFloat !== instrument.freeFloat;
    const holding = figuresMoved ? (this.indicesBySymbol.get(symbol) ?? []) : [];
    const recompositions = holding.map((index) => ({
      index,
      constituents: index.calculator
        .constituents()
        .map((c) => (c.symbol === symbol ? { ...c, shares: next.sharesOutstanding, freeFloat: next.freeFloat } : c)),
    }));
    // A trial on copies first, so a refusal by the second index cannot leave the first one changed.
    for (const { index, constituents } of recompositions) {
      const copy: TrackedIndex = { ...index, calculator: IndexCalculator.fromState(index.calculator.exportState()) };
      const refused = this.recompose(copy, constituents);
      if (refused) return { ok: false, reason: refused };
    }
    for (const { index, constituents } of recompositions) {
      this.recompose(index, constituents);
      index.time = time;
    }
    this.instruments.set(symbol, next);
    this.changed(time);
    return { ok: true };
  }

  /** The desk adds or removes a holiday or a special schedule; a market without a calendar starts from PSX's. */
  editCalendar(edit: CalendarEdit, time: Date): MarketChange {
    const next = editCalendar(this.currentCalendar ?? PSX_CALENDAR, edit);
    if (typeof next === 'string') return { ok: false, reason: next };
    this.currentCalendar = next;
    // The status follows the new timetable at once (a holiday declared for today closes the market).
    this.status = this.statusAt(time);
    this.statusFromHalt = false;
    this.changed(time);
    return { ok: true };
  }

  /**
   * A bonus, right, split or cash dividend. If its ex-date is after the
   * trading date of `time` it waits for the roll-over into that date;
   * otherwise it applies now, which PSX does before the open: a stock that
   * has traded today is refused.
   */
  applyCorporateAction(action: CorporateAction, time: Date): CorporateActionResult {
    const quote = this.quotes.get(action.symbol);
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
    const outcome = this.adjust(action, time);
    if (typeof outcome === 'string') return { ok: false, reason: outcome };
    this.changed(time);
    return { ok: true, status: 'applied', adjustment: outcome };
  }

  /**
   * Ends `tradingDate`: closing prices by the closing rule, a bar per stock
   * and index, then the roll-over: closes become LDCPs and previous closes,
   * quotes untraded, and the corporate actions and recompositions due by the
   * next trading day are applied.
   */
  closeDay(tradingDate: string, time: Date): CloseDayResult {
    if (!isDate(tradingDate)) return { ok: false, reason: `trading date must read YYYY-MM-DD: ${tradingDate}` };
    if (this.lastClosed !== null && tradingDate <= this.lastClosed) {
      return { ok: false, reason: `${tradingDate} is not after the last closed day ${this.lastClosed}` };
    }
    const instruments: InstrumentBar[] = [];
    for (const [symbol, quote] of this.quotes) {
      const tally = this.tallyOf(symbol);
      const close = closingPrice(quote, tally.prints, this.closingRule);
      instruments.push(instrumentBar(tradingDate, quote, close, tally.turnover));
      for (const index of this.indicesBySymbol.get(symbol) ?? []) index.calculator.applyPrice(symbol, close);
    }
    const bySymbol = new Map(instruments.map((bar) => [bar.symbol, bar]));
    const indices: IndexBar[] = this.indices.map((index) => {
      const members = index.calculator.symbols().map((symbol) => bySymbol.get(symbol));
      const volume = members.reduce((sum, bar) => sum + (bar?.volume ?? 0), 0);
      const turnover = members.reduce((sum, bar) => sum + (bar?.turnover ?? 0), 0);
      return indexBar(tradingDate, index, index.calculator.value(), volume, turnover);
    });
    for (const bar of instruments) {
      this.quotes.set(bar.symbol, untradedQuote(bar.symbol, bar.close as Paisa, time));
      this.tallies.set(bar.symbol, emptyTally());
    }
    for (const [i, index] of this.indices.entries()) {
      index.previousClose = indices[i]?.close ?? index.previousClose;
      Object.assign(index, { open: null, high: null, low: null, time });
    }
    this.seenSeqs.clear();
    this.halt = NORMAL;
    this.lastClosed = tradingDate;
    const next = this.calendar ? nextTradingDate(tradingDate, this.calendar) : nextDate(tradingDate);
    const { applied, recomposed, problems } = this.applyDue(next, time);
    this.refreshStatus(time);
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
   * at that build, or the time of the latest change.
   */
  snapshot(now?: Date): MarketSnapshot {
    if (this.cached?.version === this.currentVersion) return this.cached;
    const snapshot: MarketSnapshot = {
      version: this.currentVersion,
      asOf: now ?? this.lastChange,
      quotes: Object.freeze(
        [...this.quotes.values()].map((quote) =>
          quoteView(quote, this.instrumentOf(quote.symbol), this.tallyOf(quote.symbol).turnover),
        ),
      ),
      indices: Object.freeze(
        this.indices.map((index) => indexView(index.calculator, index.previousClose, index.time, index)),
      ),
      fx: Object.freeze(this.fxBook.rates()),
      ...(this.status ? { status: this.status } : {}),
    };
    this.cached = Object.freeze(snapshot);
    return this.cached;
  }

  /** Everything this market remembers, as plain JSON; `restoreState` on a market with the same rules brings it back. */
  exportState(): MarketState {
    return {
      format: 1,
      instruments: [...this.instruments.values()],
      quotes: [...this.quotes.values()].map(quoteToState),
      tallies: [...this.tallies].map(([symbol, tally]) => ({
        symbol,
        turnover: tally.turnover,
        lastTradeTime: tally.lastTradeTime?.toISOString() ?? null,
        prints: [...tally.prints],
      })),
      indices: this.indices.map((index) => ({
        calculator: index.calculator.exportState(),
        returnType: index.returnType,
        ...(index.baseDate === undefined ? {} : { baseDate: index.baseDate }),
        ...(index.maxWeightBasisPoints === undefined ? {} : { maxWeightBasisPoints: index.maxWeightBasisPoints }),
        previousClose: index.previousClose,
        time: index.time.toISOString(),
        open: index.open,
        high: index.high,
        low: index.low,
      })),
      fx: this.fxBook.exportState(),
      seenSeqs: [...this.seenSeqs].map(([feed, seqs]) => ({ feed, seqs: [...seqs] })),
      pendingActions: [...this.pendingActions],
      pendingRecompositions: [...this.pendingRecompositions],
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
    const quotes = [...state.quotes].sort((a, b) => compareSymbols(a.symbol, b.symbol));
    const instruments = new Map(state.instruments.map((instrument) => [instrument.symbol, instrument]));
    for (const quote of quotes) {
      if (!instruments.has(quote.symbol)) throw new RangeError(`state: quote ${quote.symbol} has no instrument`);
    }
    const tallies = new Map(
      state.tallies.map((tally) => [
        tally.symbol,
        {
          turnover: tally.turnover,
          lastTradeTime: tally.lastTradeTime === null ? null : new Date(tally.lastTradeTime),
          prints: [...tally.prints],
        },
      ]),
    );
    const indices: TrackedIndex[] = state.indices.map((index) => ({
      calculator: IndexCalculator.fromState(index.calculator),
      returnType: index.returnType,
      baseDate: index.baseDate,
      maxWeightBasisPoints: index.maxWeightBasisPoints,
      previousClose: index.previousClose,
      time: new Date(index.time),
      open: index.open,
      high: index.high,
      low: index.low,
    }));
    this.instruments.clear();
    this.quotes.clear();
    this.tallies.clear();
    for (const quote of quotes) {
      this.instruments.set(quote.symbol, instruments.get(quote.symbol) as Instrument);
      this.quotes.set(quote.symbol, quoteFromState(quote));
      this.tallies.set(quote.symbol, tallies.get(quote.symbol) ?? emptyTally());
    }
    this.indices.splice(0, this.indices.length, ...indices);
    this.reindexSymbols();
    this.fxBook.restoreState(state.fx);
    this.seenSeqs.clear();
    for (const { feed, seqs } of state.seenSeqs) this.seenSeqs.set(feed, new Set(seqs));
    this.pendingActions.splice(0, this.pendingActions.length, ...state.pendingActions);
    this.pendingRecompositions.splice(0, this.pendingRecompositions.length, ...state.pendingRecompositions);
    this.lastClosed = state.lastClosed;
    // A state from before the desk could edit the calendar has none: the setup's stays.
    if (state.calendar !== undefined) this.currentCalendar = state.calendar;
    this.halt = NORMAL;
    this.lastChange = new Date(state.lastChange);
    this.status = this.statusAt(this.lastChange);
    this.statusFromHalt = false;
    this.changed(this.lastChange);
  }

  private receive(trade: Trade): TradeReceipt {
    const malformed = malformedTrade(trade);
    if (malformed) return { ok: false, ...malformed };
    const quote = this.quotes.get(trade.symbol);
    const rules = this.tradingRules(trade.symbol);
    if (!quote || !rules) return { ok: false, code: 'unknown symbol', reason: `unknown symbol ${trade.symbol}` };
    const feed = trade.feed ?? 'default';
    if (trade.seq !== undefined && this.seenSeqs.get(feed)?.has(trade.seq)) {
      this.counts.duplicates += 1;
      return { ok: true, duplicate: true, outOfOrder: false };
    }
    if (this.enforceSessions && this.calendar && !acceptsTrades(marketPhase(trade.time, this.calendar))) {
      return { ok: false, code: 'outside session', reason: `no trading at ${trade.time.toISOString()}` };
    }
    this.advanceHalt(trade.time);
    if (this.halt.kind === 'halted') {
      return { ok: false, code: 'market halted', reason: `market halted until ${this.halt.resumesAt.toISOString()}` };
    }
    const offRules = offRulesTrade(quote, trade, rules);
    if (offRules) return { ok: false, ...offRules };
    const tally = this.tallyOf(trade.symbol);
    const value = trade.price * trade.volume;
    if (tally.turnover + value > MAX_TURNOVER) {
      return { ok: false, code: 'malformed', reason: 'turnover beyond exact arithmetic' };
    }
    const late = tally.lastTradeTime !== null && trade.time < tally.lastTradeTime;
    if (late) {
      this.quotes.set(trade.symbol, applyLateTrade(quote, trade));
    } else {
      const outcome = applyTrade(quote, trade, rules);
      // offRulesTrade and malformedTrade cover every check applyTrade makes.
      if (!outcome.ok) return { ok: false, code: 'malformed', reason: outcome.reason };
      this.quotes.set(trade.symbol, outcome.quote);
      tally.lastTradeTime = trade.time;
      for (const index of this.indicesBySymbol.get(trade.symbol) ?? []) {
        index.calculator.applyPrice(trade.symbol, trade.price);
        observeRange(index, trade.time);
      }
    }
    tally.turnover += value;
    rememberPrint(tally.prints, { price: trade.price, volume: trade.volume }, printsToKeep(this.closingRule));
    if (trade.seq !== undefined) {
      const seen = this.seenSeqs.get(feed) ?? new Set<number>();
      seen.add(trade.seq);
      this.seenSeqs.set(feed, seen);
    }
    this.observeHaltIndex(trade.time);
    this.counts.accepted += 1;
    if (late) this.counts.outOfOrder += 1;
    this.refreshStatus(trade.time);
    this.changed(trade.time);
    return { ok: true, duplicate: false, outOfOrder: late };
  }

  private advanceHalt(now: Date): void {
    if (!this.haltRule) return;
    // A breach only counts while the market trades; the close ends it.
    if (this.halt.kind === 'breaching' && this.enforceSessions && this.calendar) {
      if (!acceptsTrades(marketPhase(now, this.calendar))) this.halt = NORMAL;
    }
    this.halt = haltStateAt(this.halt, this.haltRule, now);
  }

  private observeHaltIndex(now: Date): void {
    if (!this.haltRule) return;
    const index = this.findIndex(this.haltRule.indexCode);
    if (!index) return;
    const level = { value: index.calculator.value(), previousClose: index.previousClose };
    this.halt = observeIndex(this.halt, this.haltRule, level, now);
  }

  private statusAt(now: Date): MarketStatusView | undefined {
    const halted = this.haltRule ? haltPhase(this.halt, this.haltRule, now) : null;
    if (halted) return { phase: halted.phase, text: statusText(halted.phase), nextChange: halted.until };
    return this.calendar ? sessionStatus(now, this.calendar) : undefined;
  }

  /** Recomputes the status when it may have changed; true when it did. */
  private refreshStatus(now: Date): boolean {
    const current = this.status;
    const halted = this.halt.kind === 'halted';
    const fresh =
      current !== undefined &&
      this.statusFromHalt === halted &&
      (current.nextChange === null || now < current.nextChange);
    if (fresh || (current === undefined && !halted && !this.calendar)) return false;
    const next = this.statusAt(now);
    this.statusFromHalt = halted;
    if (sameStatus(current, next)) return false;
    this.status = next;
    return true;
  }

  /** Applies the pending actions and recompositions due by `date`, in ex-date order. */
  private applyDue(
    date: string,
    time: Date,
  ): { applied: CorporateAction[]; recomposed: ScheduledRecomposition[]; problems: string[] } {
    const applied: CorporateAction[] = [];
    const recomposed: ScheduledRecomposition[] = [];
    const problems: string[] = [];
    const dueActions = takeDue(this.pendingActions, (a) => a.exDate <= date).sort((a, b) =>
      compareSymbols(a.exDate, b.exDate),
    );
    for (const action of dueActions) {
      const outcome = this.adjust(action, time);
      if (typeof outcome === 'string') problems.push(`${action.type} ${action.symbol}: ${outcome}`);
      else applied.push(action);
    }
    for (const recomposition of takeDue(this.pendingRecompositions, (r) => r.effective <= date)) {
      const index = this.findIndex(recomposition.code);
      const problem = index ? this.recompose(index, recomposition.constituents) : `unknown index ${recomposition.code}`;
      if (problem) problems.push(`recomposition ${recomposition.code}: ${problem}`);
      else recomposed.push(recomposition);
    }
    return { applied, recomposed, problems };
  }

  /** Moves one stock to its ex-price and share count, and every index holding it by its rule. */
  private adjust(action: CorporateAction, time: Date): ExAdjustment | string {
    const quote = this.quotes.get(action.symbol);
    const instrument = this.instruments.get(action.symbol);
    if (!quote || !instrument) return `unknown symbol ${action.symbol}`;
    const problem = corporateActionProblem(action, quote.ldcp);
    if (problem) return problem;
    const adjustment = adjustForAction(action, quote.ldcp, instrument.sharesOutstanding);
    if (!Number.isSafeInteger(adjustment.sharesOutstanding)) return 'shares outstanding beyond exact arithmetic';
    for (const index of this.indicesBySymbol.get(action.symbol) ?? []) {
      const constituent = index.calculator.constituents().find((c) => c.symbol === action.symbol);
      if (!constituent) continue;
      if (indexKeepsLevel(action, index.returnType)) {
        index.calculator.setShares(action.symbol, sharesAfter(action, constituent.shares), adjustment.exPrice);
      } else {
        index.calculator.applyPrice(action.symbol, adjustment.exPrice);
      }
      index.time = time;
    }
    this.instruments.set(action.symbol, { ...instrument, sharesOutstanding: adjustment.sharesOutstanding });
    this.quotes.set(action.symbol, untradedQuote(action.symbol, adjustment.exPrice, time));
    return adjustment;
  }

  /** Replaces an index's constituents at last prices, capping weights if the index has a cap. Null when done. */
  private recompose(index: TrackedIndex, constituents: readonly IndexConstituent[]): string | null {
    const prices = new Map<string, Paisa>();
    for (const { symbol } of constituents) {
      const quote = this.quotes.get(symbol);
      if (!quote) return `unknown symbol ${symbol}`;
      prices.set(symbol, quote.last);
    }
    try {
      const members =
        index.maxWeightBasisPoints === undefined
          ? constituents
          : applyWeightCap(constituents, prices, index.maxWeightBasisPoints);
      index.calculator.recompose(members, prices);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    this.reindexSymbols();
    return null;
  }

  private reindexSymbols(): void {
    this.indicesBySymbol.clear();
    for (const index of this.indices) {
      for (const symbol of index.calculator.symbols()) {
        const list = this.indicesBySymbol.get(symbol) ?? [];
        list.push(index);
        this.indicesBySymbol.set(symbol, list);
      }
    }
  }

  private findIndex(code: string): TrackedIndex | undefined {
    return this.indices.find((i) => i.calculator.code === code);
  }

  private lastPrices(): Map<string, Paisa> {
    return new Map([...this.quotes].map(([symbol, quote]) => [symbol, quote.last]));
  }

  private instrumentOf(symbol: string): Instrument {
    const instrument = this.instruments.get(symbol);
    // Quotes are only ever created beside their instrument.
    if (!instrument) throw new Error(`No instrument for quote ${symbol}`);
    return instrument;
  }

  private tallyOf(symbol: string): DayTally {
    const tally = this.tallies.get(symbol);
    if (!tally) throw new Error(`No day tally for ${symbol}`);
    return tally;
  }

  private changed(time: Date): void {
    this.currentVersion += 1;
    if (time > this.lastChange) this.lastChange = time;
  }
}

/** Plain code-unit order (`BAFL` < `BOP`), as the reference ticker lists symbols. */
function compareSymbols(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Puts a map's entries in symbol order, in place. */
function sortBySymbol(map: Map<string, unknown>): void {
  const entries = [...map].sort(([a], [b]) => compareSymbols(a, b));
  map.clear();
  for (const [key, value] of entries) map.set(key, value);
}

/** Removes and returns the items that are due, keeping the rest in order. */
function takeDue<T>(items: T[], due: (item: T) => boolean): T[] {
  const taken = items.filter(due);
  const kept = items.filter((item) => !due(item));
  items.splice(0, items.length, ...kept);
  return taken;
}

function sameStatus(a: MarketStatusView | undefined, b: MarketStatusView | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.phase === b.phase && a.text === b.text && a.nextChange?.getTime() === b.nextChange?.getTime();
}

/** Names and sectors are shown on every page: they must say something, briefly. */
function describedProblem(instrument: Instrument): string | null {
  if (instrument.name.trim() === '' || instrument.name.length > 120) return 'name must be 1 to 120 characters';
  if (instrument.sector.trim() === '' || instrument.sector.length > 80) return 'sector must be 1 to 80 characters';
  return null;
}
