import { Market, type MarketListing, type MarketRules } from '../../market/book/market.js';
import type { FxRateView } from '../../market/book/marketSnapshot.js';
import type { IndexConstituent, IndexDefinition } from '../../market/indices/indexCalculator.js';
import { type Paisa, paisa, parseRupees } from '../../market/money/money.js';
import { defineInstrument } from '../../market/quotes/instrument.js';
import type { IntradayPaths } from '../../market/quotes/intradayPaths.js';
import { instantOf, PSX_CALENDAR, type TradingCalendar, tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { generateDemoFxHistory } from './demoFxHistory.js';
import { previousTradingDate } from './demoHistory.js';
import { backfillTrades, simulatedDayStart } from './demoSessionBackfill.js';

// Demo figures. Prices and changes are those of the paper's ticker on 31 Jan
// 2023 (the reference page): LDCP = last − change. Company names are public
// facts; sectors are plausible; share counts and free floats are round demo
// numbers, not filings.

/** symbol, company, sector, millions of shares, free float %, reference last price and change (rupees). */
type DemoStock = readonly [string, string, string, number, number, string, string];

const BANKS = 'Commercial Banks';
const CEMENT = 'Cement';
const CHEMICAL = 'Chemical';
const FOOD = 'Food & Personal Care Products';
const POWER = 'Power Generation & Distribution';
const REFINERY = 'Refinery';
const TECH = 'Technology & Communication';
const EXPLORATION = 'Oil & Gas Exploration Companies';

const DEMO_STOCKS: readonly DemoStock[] = [
  ['AVN', 'Avanceon Limited', TECH, 380, 45, '64.80', '0.63'],
  ['BAFL', 'Bank Alfalah Limited', BANKS, 1580, 35, '30.90', '1.00'],
  ['BOP', 'The Bank of Punjab', BANKS, 2640, 40, '4.73', '0.10'],
  ['CNERGY', 'Cnergyico PK Limited', REFINERY, 5490, 30, '3.87', '-0.02'],
  ['DFML', 'Dewan Farooque Motors Limited', 'Automobile Assembler', 140, 40, '13.44', '0.09'],
  ['DGKC', 'D.G. Khan Cement Company Limited', CEMENT, 440, 50, '41.34', '0.49'],
  ['EPCL', 'Engro Polymer & Chemicals Limited', CHEMICAL, 910, 30, '46.23', '-0.77'],
  ['FCCL', 'Fauji Cement Company Limited', CEMENT, 2450, 40, '11.39', '0.39'],
  ['FFL', 'Fauji Foods Limited', FOOD, 2520, 25, '5.05', '-0.03'],
  ['FLYNG', 'Flying Cement Company Limited', CEMENT, 700, 35, '5.81', '0.04'],
  ['GGL', 'Ghani Global Holdings Limited', CHEMICAL, 360, 45, '9.90', '0.15'],
  ['HUBC', 'The Hub Power Company Limited', POWER, 1300, 75, '64.06', '2.11'],
  ['HUMNL', 'Hum Network Limited', 'Media & Broadcasting', 950, 40, '5.67', '0.02'],
  ['KAPCO', 'Kot Addu Power Company Limited', POWER, 880, 35, '27.83', '0.25'],
  ['KEL', 'K-Electric Limited', POWER, 27620, 20, '2.13', '-0.02'],
  ['LOTCHEM', 'Lotte Chemical Pakistan Limited', CHEMICAL, 1510, 25, '24.35', '0.05'],
  ['MLCF', 'Maple Leaf Cement Factory Limited', CEMENT, 1050, 45, '21.36', '0.64'],
  ['NETSOL', 'NetSol Technologies Limited', TECH, 90, 35, '84.43', '1.33'],
  ['OGDC', 'Oil & Gas Development Company Limited', EXPLORATION, 4300, 15, '87.80', '1.75'],
  ['PAEL', 'Pak Elektron Limited', 'Cable & Electrical Goods', 870, 50, '10.92', '0.12'],
  ['PIBTL', 'Pakistan International Bulk Terminal Limited', 'Transport', 1790, 40, '4.17', '0.03'],
  ['PPL', 'Pakistan Petroleum Limited', EXPLORATION, 2720, 25, '77.53', '1.34'],
  ['PRL', 'Pakistan Refinery Limited', REFINERY, 630, 35, '13.65', '-0.01'],
  ['SILK', 'Silkbank Limited', BANKS, 9070, 20, '0.88', '-0.01'],
  ['SNGP', 'Sui Northern Gas Pipelines Limited', 'Oil & Gas Marketing Companies', 630, 40, '41.75', '1.00'],
  ['TELE', 'Telecard Limited', TECH, 300, 45, '5.89', '0.01'],
  ['TPLP', 'TPL Properties Limited', 'Real Estate Investment', 560, 35, '15.81', '0.16'],
  ['TRG', 'TRG Pakistan Limited', TECH, 545, 65, '112.65', '2.55'],
  ['UNITY', 'Unity Foods Limited', FOOD, 1190, 45, '13.97', '0.22'],
  ['WTL', 'WorldCall Telecom Limited', TECH, 3100, 45, '1.14', '-0.01'],
];

/** The reference ticker's last prices, in the ticker's (alphabetical) order. */
export const REFERENCE_LAST_PRICES: ReadonlyMap<string, Paisa> = new Map(
  DEMO_STOCKS.map(([symbol, , , , , last]) => [symbol, parseRupees(last)]),
);

/** LDCP = last − change, from the reference ticker. */
export const DEMO_LISTINGS: readonly MarketListing[] = DEMO_STOCKS.map(
  ([symbol, name, sector, sharesMillions, freeFloatPercent, last, change]) => ({
    instrument: defineInstrument({
      symbol,
      name,
      sector,
      sharesOutstanding: sharesMillions * 1_000_000,
      freeFloat: freeFloatPercent * 100,
    }),
    ldcp: paisa(parseRupees(last) - parseRupees(change)),
  }),
);

const ALL_SYMBOLS = DEMO_STOCKS.map(([symbol]) => symbol);
// KSE-100 takes the larger names; KSE-30 the most liquid large ones (psx-market.md §4.9).
const KSE100_SYMBOLS = ALL_SYMBOLS.filter((s) => !['SILK', 'WTL', 'TELE', 'HUMNL', 'FLYNG', 'DFML'].includes(s));
const KSE30_SYMBOLS = [
  'BAFL',
  'DGKC',
  'EPCL',
  'FCCL',
  'HUBC',
  'KAPCO',
  'KEL',
  'LOTCHEM',
  'MLCF',
  'OGDC',
  'PPL',
  'SNGP',
  'TRG',
  'UNITY',
];

/**
 * The four demo indices, each started at its reference previous close
 * (reference value − reference change): BR100 3,967.4; BR30 14,184.9;
 * KSE100 39,871.2; KSE30 14,897.3. BR30 caps its three heaviest weights.
 */
export const DEMO_INDICES: readonly IndexDefinition[] = [
  indexOf('BR100', 'BR Index 100', 396_740, ALL_SYMBOLS),
  indexOf(
    'BR30',
    'BR Index 30',
    1_418_490,
    ALL_SYMBOLS,
    new Map([
      ['OGDC', 5000],
      ['PPL', 6000],
      ['HUBC', 7000],
    ]),
  ),
  // KSE-100 is PSX's total-return index, KSE-30 a price index (psx-market.md §0.6).
  { ...indexOf('KSE100', 'KSE-100 Index', 3_987_120, KSE100_SYMBOLS), returnType: 'total' },
  { ...indexOf('KSE30', 'KSE-30 Index', 1_489_730, KSE30_SYMBOLS), returnType: 'price' },
];

/** Demo rates in the week of the reference page (interbank closed at 267.89 on 31 Jan 2023). */
export function demoFxRates(time: Date): FxRateView[] {
  // pair, market, buying, selling, previous buying, previous selling (rupees)
  const rows: readonly (readonly [string, FxRateView['market'], string, string, string, string])[] = [
    ['USD/PKR', 'interbank', '267.89', '267.89', '268.61', '268.61'],
    ['USD/PKR', 'open', '267.00', '270.00', '268.00', '271.00'],
    ['EUR/PKR', 'open', '289.00', '292.00', '290.00', '293.00'],
    ['GBP/PKR', 'open', '329.00', '332.50', '330.00', '333.50'],
    ['SAR/PKR', 'open', '71.00', '71.80', '71.20', '72.00'],
    ['AED/PKR', 'open', '72.70', '73.50', '72.90', '73.70'],
  ];
  return rows.map(([pair, market, buying, selling, previousBuying, previousSelling]) => ({
    pair,
    market,
    buying: parseRupees(buying),
    selling: parseRupees(selling),
    previousBuying: parseRupees(previousBuying),
    previousSelling: parseRupees(previousSelling),
    source: 'Demo',
    time,
  }));
}

export interface DemoMarketOptions {
  /** Print one trade per stock at the reference last price, so the ticker opens as the reference reads. Default true. */
  readonly replayReferenceTrades?: boolean;
  /** The calendar behind the status line; default PSX's. null: no calendar, no status. */
  readonly calendar?: TradingCalendar | null;
  /**
   * Refuse trades outside sessions (and apply PSX's market halt). Default
   * false, so the demo ticker moves at night; the status still tells the truth.
   */
  readonly enforceSessions?: boolean;
  /** The site's market rules (src/engine/siteMarket.ts); when given, they replace `calendar` and `enforceSessions`. */
  readonly rules?: MarketRules;
  /**
   * Trade the simulated day from its start (the session's open, or midnight)
   * up to `now` before the opening trades, a print per stock a minute, so the
   * day's charts, highs, lows and volumes are a whole day's. Default false.
   */
  readonly backfillSession?: boolean;
  /** Told the market minute by minute while the session is back-filled (the site's intraday charts). */
  readonly intraday?: IntradayPaths;
}

/** A market of the 30 reference stocks, 4 indices and demo FX, with LDCPs and rates as of `now`. */
export function createDemoMarket(now: Date, options: DemoMarketOptions = {}): Market {
  const calendar = options.calendar === undefined ? PSX_CALENDAR : options.calendar;
  const market = new Market({
    listings: DEMO_LISTINGS,
    indices: DEMO_INDICES,
    fx: demoFxRates(now),
    ldcpTime: now,
    ...(options.rules ?? (calendar === null ? {} : { calendar, enforceSessions: options.enforceSessions ?? false })),
  });
  recordDemoFxHistory(market, now);
  if (options.backfillSession ?? false) {
    const from = simulatedDayStart(now, calendar ?? PSX_CALENDAR);
    for (const batch of backfillTrades(market, REFERENCE_LAST_PRICES, from, now)) {
      for (const trade of batch) market.applyTrade(trade);
      const minute = batch[0]?.time;
      if (minute !== undefined) options.intraday?.take(market.snapshot(), minute);
    }
  }
  if (options.replayReferenceTrades ?? true) {
    for (const [symbol, price] of REFERENCE_LAST_PRICES) {
      const outcome = market.applyTrade({ symbol, price, volume: 10_000, time: now });
      if (!outcome.ok) throw new Error(`Demo trade refused: ${symbol}: ${outcome.reason}`);
    }
  }
  options.intraday?.take(market.snapshot(), now);
  return market;
}

/**
 * USD/PKR's year before `now` in both markets (the same days the demo news
 * quotes), each day's rate stamped at the end of its day: older than the live
 * rates, so they go into the history and the live rates stay as they are.
 */
function recordDemoFxHistory(market: Market, now: Date): void {
  const lastDate = previousTradingDate(tradingDateOf(now, PSX_CALENDAR), PSX_CALENDAR);
  for (const day of generateDemoFxHistory({ lastDate, calendar: PSX_CALENDAR })) {
    const time = instantOf(day.date, '17:00', PSX_CALENDAR);
    const interbank = { pair: 'USD/PKR', source: 'Demo', time } as const;
    market.setFxRate({ ...interbank, market: 'interbank', buying: day.interbank, selling: day.interbank });
    market.setFxRate({ ...interbank, market: 'open', buying: day.openBuying, selling: day.openSelling });
  }
}

function indexOf(
  code: string,
  name: string,
  baseValue: number,
  symbols: readonly string[],
  capFactors: ReadonlyMap<string, number> = new Map(),
): IndexDefinition {
  const constituents = symbols.map((symbol): IndexConstituent => {
    const listing = DEMO_LISTINGS.find((l) => l.instrument.symbol === symbol);
    if (!listing) throw new Error(`Demo index ${code}: unknown symbol ${symbol}`);
    const { sharesOutstanding: shares, freeFloat } = listing.instrument;
    if (shares === null || freeFloat === null) throw new Error(`Demo index ${code}: ${symbol} has no share figures`);
    const capFactor = capFactors.get(symbol);
    return {
      symbol,
      shares,
      freeFloat,
      ...(capFactor === undefined ? {} : { capFactor }),
    };
  });
  return { code, name, baseValue, constituents };
}
