// A synthetic market for the engine and durability benchmarks: N listed stocks with LDCPs, four
// indices over them, and pre-generated trades the market accepts (on tick, on lot, inside the band).
// Seeded, so every run and every variant sees the same universe and the same trades.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './broadsheet.mjs';

export const DEFAULT_DIST = join(REPO_ROOT, 'dist');

/** Imports a module of the built site, e.g. `importDist('market/book/market.js')`. */
export function importDist(relative, dist = DEFAULT_DIST) {
  return import(pathToFileURL(join(dist, relative)).href);
}

/** mulberry32: small, fast and good enough to pick symbols and prices. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Four upper-case letters per index: AAAA, AAAB, …; valid PSX-style symbols, distinct up to 26⁴. */
export function symbolOf(index) {
  let rest = index;
  let symbol = '';
  for (let i = 0; i < 4; i++) {
    symbol = String.fromCharCode(65 + (rest % 26)) + symbol;
    rest = Math.floor(rest / 26);
  }
  return symbol;
}

/**
 * Stocks with log-uniform prices (Rs 1 – Rs 2,000), share counts (10 M – 10 B) and free floats
 * (10–90 %); four indices as PSX runs them: all-share, top 100 and top 30 by free-float
 * capitalisation, and a 30-name index capped at 12 % a name (KMI-30 style) over ranks 1–150.
 * @param {{ stocks?: number, seed?: number }} [options]
 */
export function generateUniverse({ stocks = 500, seed = 20_230_131 } = {}) {
  const random = seededRandom(seed);
  const logUniform = (low, high) => Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
  const listings = [];
  for (let i = 0; i < stocks; i++) {
    listings.push({
      symbol: symbolOf(i),
      ldcp: Math.max(100, Math.round(logUniform(100, 200_000))),
      shares: Math.round(logUniform(1e7, 1e10)),
      freeFloat: 1000 + 100 * Math.floor(random() * 81),
    });
  }
  const byCap = [...listings].sort((a, b) => b.ldcp * b.shares * b.freeFloat - a.ldcp * a.shares * a.freeFloat);
  const member = (listing) => ({ symbol: listing.symbol, shares: listing.shares, freeFloat: listing.freeFloat });
  const indices = [
    { code: 'ALLSHR', name: 'All Share', baseValue: 1_000_000, constituents: listings.map(member) },
    { code: 'IDX100', name: 'Top 100', baseValue: 1_000_000, constituents: byCap.slice(0, 100).map(member) },
    { code: 'KSE30', name: 'Top 30', baseValue: 1_000_000, constituents: byCap.slice(0, 30).map(member) },
    {
      code: 'CAP30',
      name: 'Capped 30',
      baseValue: 1_000_000,
      constituents: byCap
        .slice(0, 150)
        .filter((_, rank) => rank % 5 === 0)
        .map(member),
      maxWeightBasisPoints: 1200,
    },
  ];
  return { listings, indices };
}

/**
 * The `MarketSetup` for `new Market(…)`, built with the site's own `defineInstrument`.
 * @param {{ listings: any[], indices: any[] }} universe
 * @param {{ defineInstrument: Function, indices?: boolean, calendar?: object, ldcpTime: Date }} options
 */
export function marketSetup(universe, { defineInstrument, indices = true, calendar, ldcpTime }) {
  return {
    listings: universe.listings.map((listing) => ({
      instrument: defineInstrument({
        symbol: listing.symbol,
        name: `${listing.symbol} Limited`,
        sector: 'Synthetic',
        sharesOutstanding: listing.shares,
        freeFloat: listing.freeFloat,
      }),
      ldcp: listing.ldcp,
    })),
    indices: indices ? universe.indices : [],
    fx: [],
    ldcpTime,
    ...(calendar ? { calendar, enforceSessions: true } : {}),
  };
}

/**
 * `count` trades on random symbols, each on the tick grid (Rs 0.01, lot 1) and inside the band of
 * its LDCP (computed with the site's own `priceBand`), all stamped `time`. With `feed`, each
 * carries a seq from `firstSeq` on, as the push API's trades do.
 * @param {{ listings: any[] }} universe
 * @param {{ count: number, time: Date, priceBand: Function, seed?: number, feed?: string, firstSeq?: number }} options
 */
export function generateTrades(universe, { count, time, priceBand, seed = 7, feed, firstSeq = 0 }) {
  const random = seededRandom(seed);
  const bands = universe.listings.map((listing) => priceBand(listing.ldcp, 1));
  const trades = new Array(count);
  for (let i = 0; i < count; i++) {
    const which = Math.floor(random() * universe.listings.length);
    const band = bands[which];
    const price = band.lower + Math.floor(random() * (band.upper - band.lower + 1));
    const volume = 100 * (1 + Math.floor(random() * 50));
    const symbol = universe.listings[which].symbol;
    trades[i] =
      feed === undefined ? { symbol, price, volume, time } : { symbol, price, volume, time, seq: firstSeq + i, feed };
  }
  return trades;
}
