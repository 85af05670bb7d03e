import { applyFxRate, type FxRateUpdate, fxKey, fxRateProblem } from './fxRate.js';
import { IndexCalculator, type IndexConstituent, type IndexDefinition } from './indexCalculator.js';
import type { Instrument } from './instrument.js';
import type { FxRateView, MarketSnapshot } from './marketSnapshot.js';
import type { Paisa } from './money.js';
import { type PriceBandRule, PSX_PRICE_BAND } from './priceBand.js';
import { applyTrade, type Quote, type TradingRules, untradedQuote } from './quote.js';
import { indexView, quoteView } from './snapshotViews.js';
import type { Trade } from './trade.js';

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
}

export type MarketChange = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface TrackedIndex {
  readonly calculator: IndexCalculator;
  readonly previousClose: number;
  time: Date;
}

/**
 * The trading day in memory: quotes, indices and FX, changed by accepted
 * trades and rates. No I/O and no clock: every time comes from the caller.
 */
export class Market {
  readonly priceBand: PriceBandRule;
  private readonly instruments = new Map<string, Instrument>();
  private readonly quotes = new Map<string, Quote>();
  private readonly indices: TrackedIndex[] = [];
  private readonly indicesBySymbol = new Map<string, TrackedIndex[]>();
  private readonly fx = new Map<string, FxRateView>();
  private currentVersion = 0;
  private lastChange: Date;
  private cached: MarketSnapshot | null = null;

  constructor(setup: MarketSetup) {
    this.priceBand = setup.priceBand ?? PSX_PRICE_BAND;
    this.lastChange = setup.ldcpTime;
    // Alphabetical once here, so every snapshot lists quotes as the reference ticker does.
    const listings = [...setup.listings].sort((a, b) => compareSymbols(a.instrument.symbol, b.instrument.symbol));
    for (const { instrument, ldcp } of listings) {
      if (this.instruments.has(instrument.symbol)) throw new RangeError(`${instrument.symbol} is listed twice`);
      if (!Number.isSafeInteger(ldcp) || ldcp <= 0) throw new RangeError(`${instrument.symbol}: LDCP must be positive`);
      this.instruments.set(instrument.symbol, instrument);
      this.quotes.set(instrument.symbol, untradedQuote(instrument.symbol, ldcp, setup.ldcpTime));
    }
    const ldcps = new Map([...this.quotes].map(([symbol, quote]) => [symbol, quote.ldcp]));
    for (const definition of setup.indices) {
      const tracked: TrackedIndex = {
        calculator: new IndexCalculator(definition, ldcps),
        previousClose: definition.baseValue,
        time: setup.ldcpTime,
      };
      this.indices.push(tracked);
      for (const symbol of tracked.calculator.symbols()) {
        const list = this.indicesBySymbol.get(symbol) ?? [];
        list.push(tracked);
        this.indicesBySymbol.set(symbol, list);
      }
    }
    for (const rate of setup.fx) this.fx.set(fxKey(rate.pair, rate.market), rate);
  }

  /** Grows by one with every accepted trade or rate. */
  get version(): number {
    return this.currentVersion;
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

  private instrumentOf(symbol: string): Instrument {
    const instrument = this.instruments.get(symbol);
    // Quotes are only ever created beside their instrument, in the constructor.
    if (!instrument) throw new Error(`No instrument for quote ${symbol}`);
    return instrument;
  }

  tradingRules(symbol: string): TradingRules | undefined {
    const instrument = this.instruments.get(symbol);
    if (!instrument) return undefined;
    return { tickSize: instrument.tickSize, lotSize: instrument.lotSize, band: this.priceBand };
  }

  fxRates(): FxRateView[] {
    return [...this.fx.values()];
  }

  /** Prints a trade, moving its quote and every index that holds the symbol; a refused trade changes nothing. */
  applyTrade(trade: Trade): MarketChange {
    const quote = this.quotes.get(trade.symbol);
    const rules = this.tradingRules(trade.symbol);
    if (!quote || !rules) return { ok: false, reason: `unknown symbol ${trade.symbol}` };
    const outcome = applyTrade(quote, trade, rules);
    if (!outcome.ok) return outcome;
    this.quotes.set(trade.symbol, outcome.quote);
    for (const index of this.indicesBySymbol.get(trade.symbol) ?? []) {
      index.calculator.applyPrice(trade.symbol, trade.price);
      index.time = trade.time;
    }
    this.changed(trade.time);
    return { ok: true };
  }

  /** Takes a new FX rate; the previous close of the pair is kept. */
  setFxRate(update: FxRateUpdate): MarketChange {
    const reason = fxRateProblem(update);
    if (reason !== null) return { ok: false, reason };
    const key = fxKey(update.pair, update.market);
    this.fx.set(key, applyFxRate(this.fx.get(key), update));
    this.changed(update.time);
    return { ok: true };
  }

  /**
   * The market desk changed an index's constituents or share counts; the
   * divisor moves so the level does not (every member is taken at its last price).
   */
  recomposeIndex(code: string, constituents: readonly IndexConstituent[], time: Date): MarketChange {
    const index = this.indices.find((i) => i.calculator.code === code);
    if (!index) return { ok: false, reason: `unknown index ${code}` };
    const prices = new Map<string, Paisa>();
    for (const { symbol } of constituents) {
      const quote = this.quotes.get(symbol);
      if (!quote) return { ok: false, reason: `unknown symbol ${symbol}` };
      prices.set(symbol, quote.last);
    }
    try {
      index.calculator.recompose(constituents, prices);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    for (const list of this.indicesBySymbol.values()) {
      const at = list.indexOf(index);
      if (at >= 0) list.splice(at, 1);
    }
    for (const symbol of index.calculator.symbols()) {
      const list = this.indicesBySymbol.get(symbol) ?? [];
      list.push(index);
      this.indicesBySymbol.set(symbol, list);
    }
    this.changed(time);
    return { ok: true };
  }

  /**
   * Everything live, at one version. Built once per version and shared, so
   * thousands of readers between two trades cost one build; `asOf` is `now`
   * at that build, or the time of the latest change.
   */
  snapshot(now?: Date): MarketSnapshot {
    if (this.cached?.version === this.currentVersion) return this.cached;
    this.cached = Object.freeze({
      version: this.currentVersion,
      asOf: now ?? this.lastChange,
      quotes: Object.freeze(
        [...this.quotes.values()].map((quote) => quoteView(quote, this.instrumentOf(quote.symbol))),
      ),
      indices: Object.freeze(this.indices.map((index) => indexView(index.calculator, index.previousClose, index.time))),
      fx: Object.freeze([...this.fx.values()]),
    });
    return this.cached;
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
