import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { marketPayloads } from '../routes/marketApiPayloads.js';

/**
 * The market as the stream sends it: every quote, index and exchange rate
 * already serialised, keyed `s:SYMBOL` / `i:CODE` as the ticker keys its
 * entries and `f:PAIR:MARKET` for a rate (`f:USD/PKR:interbank`), stocks
 * first, then indices, then rates, in snapshot order.
 */
export interface StreamState {
  readonly version: number;
  readonly asOf: string;
  readonly entries: ReadonlyMap<string, string>;
}

/** Each entry is the JSON the quotes, indices and fx APIs give for it, so a client parses one shape everywhere. */
export function streamState(snapshot: MarketSnapshot): StreamState {
  const payloads = marketPayloads(snapshot);
  const entries = new Map<string, string>();
  for (const quote of payloads.quotes.quotes) entries.set(`s:${quote.symbol}`, JSON.stringify(quote));
  for (const index of payloads.indices.indices) entries.set(`i:${index.code}`, JSON.stringify(index));
  for (const rate of payloads.fx.rates) entries.set(`f:${rate.pair}:${rate.market}`, JSON.stringify(rate));
  return { version: snapshot.version, asOf: payloads.quotes.asOf, entries };
}

/** Keys whose serialised entry differs between two states, or that appeared; comparing text catches any field. */
export function changedKeys(before: StreamState, after: StreamState): string[] {
  const changed: string[] = [];
  for (const [key, json] of after.entries) {
    if (before.entries.get(key) !== json) changed.push(key);
  }
  return changed;
}

/**
 * The `data:` of a snapshot or update event: `{version, asOf, quotes, indices, fx}`
 * with only the entries `include` admits, in the state's order.
 */
export function eventData(state: StreamState, include: (key: string) => boolean): { json: string; count: number } {
  const quotes: string[] = [];
  const indices: string[] = [];
  const rates: string[] = [];
  for (const [key, json] of state.entries) {
    if (!include(key)) continue;
    if (key.startsWith('s:')) quotes.push(json);
    else if (key.startsWith('i:')) indices.push(json);
    else rates.push(json);
  }
  const json = `{"version":${state.version},"asOf":${JSON.stringify(state.asOf)},"quotes":[${quotes.join(',')}],"indices":[${indices.join(',')}],"fx":[${rates.join(',')}]}`;
  return { json, count: quotes.length + indices.length + rates.length };
}
