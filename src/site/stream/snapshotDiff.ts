import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { marketPayloads } from '../routes/marketApiPayloads.js';

/**
 * The market as the stream sends it: every quote and index already
 * serialised, keyed `s:SYMBOL` / `i:CODE` as the ticker keys its entries,
 * stocks first then indices, in snapshot order.
 */
export interface StreamState {
  readonly version: number;
  readonly asOf: string;
  readonly entries: ReadonlyMap<string, string>;
}

/** Each entry is the JSON the quotes and indices APIs give for it, so a client parses one shape everywhere. */
export function streamState(snapshot: MarketSnapshot): StreamState {
  const payloads = marketPayloads(snapshot);
  const entries = new Map<string, string>();
  for (const quote of payloads.quotes.quotes) entries.set(`s:${quote.symbol}`, JSON.stringify(quote));
  for (const index of payloads.indices.indices) entries.set(`i:${index.code}`, JSON.stringify(index));
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
 * The `data:` of a snapshot or update event: `{version, asOf, quotes, indices}`
 * with only the entries `include` admits, in the state's order.
 */
export function eventData(state: StreamState, include: (key: string) => boolean): { json: string; count: number } {
  const quotes: string[] = [];
  const indices: string[] = [];
  for (const [key, json] of state.entries) {
    if (!include(key)) continue;
    if (key.startsWith('s:')) quotes.push(json);
    else indices.push(json);
  }
  const json = `{"version":${state.version},"asOf":${JSON.stringify(state.asOf)},"quotes":[${quotes.join(',')}],"indices":[${indices.join(',')}]}`;
  return { json, count: quotes.length + indices.length };
}
