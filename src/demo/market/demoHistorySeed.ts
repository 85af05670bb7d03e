import type { MarketStore } from '../../store/market/marketStore.js';
import { demoPastAt } from './demoPast.js';

/**
 * On a demo site's first start, a generated year of daily history for every
 * demo stock and index, ending the trading day before `now` (the day the demo
 * LDCPs belong to), so charts and 52-week ranges are real from the first page.
 * Returns the bars written: 0 when any bar was already stored.
 */
export async function seedDemoHistory(market: Pick<MarketStore, 'seedBarsIfEmpty'>, now: Date): Promise<number> {
  const { history } = demoPastAt(now);
  const coded = [...history.instruments, ...history.indices].map(([code, bars]) => ({ code, bars }));
  return market.seedBarsIfEmpty(coded, 'demo', now.getTime());
}
