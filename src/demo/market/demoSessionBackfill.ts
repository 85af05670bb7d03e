import type { Market } from '../../market/book/market.js';
import { type Paisa, paisa } from '../../market/money/money.js';
import { priceBand } from '../../market/quotes/priceBand.js';
import type { Trade } from '../../market/quotes/trade.js';
import { instantOf, scheduleOn, type TradingCalendar, tradingDateOf } from '../../market/sessions/tradingCalendar.js';
import { createPrng } from '../../shared/prng.js';

const MINUTE_MS = 60_000;
/** At most this many steps in a back-filled day, leaving room in the chart's 420 minutes for the live ones. */
const MAX_STEPS = 240;

/**
 * Where the demo's simulated day starts: the regular session's open on a
 * trading day once it has opened, else Karachi midnight (the demo trades
 * round the clock, so the night and the weekend have a day of their own).
 */
export function simulatedDayStart(now: Date, calendar: TradingCalendar): Date {
  const date = tradingDateOf(now, calendar);
  const open = scheduleOn(date, calendar)?.periods.find((period) => period.phase === 'open');
  const opening = open === undefined ? null : instantOf(date, open.start, calendar);
  return opening !== null && opening.getTime() <= now.getTime() ? opening : instantOf(date, '00:00', calendar);
}

/**
 * The demo's trades from `from` up to (not including) the minute of `to`:
 * one print per stock a minute (every few minutes over a whole night), on a path that leaves each stock's LDCP and
 * arrives near `targets` (the prices the ticker opens with), wandering
 * between as a pinned random walk, on tick and inside the price band. So a
 * demo started mid-session shows the session so far, and the live ticker
 * carries on from where that path ends. Deterministic for a seed.
 */
export function backfillTrades(
  market: Pick<Market, 'symbols' | 'quote' | 'tradingRules'>,
  targets: ReadonlyMap<string, Paisa>,
  from: Date,
  to: Date,
  seed = 31,
): Trade[][] {
  // A print a minute for a session, fewer for a long round-the-clock day: each step costs the chart a snapshot.
  const stepMs = MINUTE_MS * Math.max(1, Math.ceil((to.getTime() - from.getTime()) / MINUTE_MS / MAX_STEPS));
  const minutes = Math.floor((to.getTime() - from.getTime()) / stepMs);
  if (minutes < 2) return [];
  const prng = createPrng(seed);
  const batches: Trade[][] = Array.from({ length: minutes }, () => []);
  for (const symbol of market.symbols()) {
    const quote = market.quote(symbol);
    const rules = market.tradingRules(symbol);
    if (quote === undefined || rules === undefined) continue;
    const start = quote.ldcp;
    const end = targets.get(symbol) ?? start;
    // A walk of `minutes` steps, then bent so that it ends where it started: a bridge from 0 to 0.
    const walk = [0];
    const step = start * 0.0009;
    for (let i = 1; i <= minutes; i += 1) walk.push((walk[i - 1] as number) + step * prng.normal());
    const last = walk[minutes] as number;
    const band = priceBand(quote.ldcp, rules.tickSize, rules.band);
    const lowest = Math.ceil(band.lower / rules.tickSize) * rules.tickSize;
    const highest = Math.floor(band.upper / rules.tickSize) * rules.tickSize;
    for (let i = 0; i < minutes; i += 1) {
      const share = (i + 1) / minutes;
      const raw = start + (end - start) * share + (walk[i + 1] as number) - last * share;
      const onTick = Math.round(raw / rules.tickSize) * rules.tickSize;
      const price = paisa(Math.min(highest, Math.max(lowest, onTick)));
      const volume = rules.lotSize * Math.max(1, Math.round(Math.exp(6 + 3 * prng.next())));
      batches[i]?.push({ symbol, price, volume, time: new Date(from.getTime() + i * stepMs) });
    }
  }
  return batches;
}
