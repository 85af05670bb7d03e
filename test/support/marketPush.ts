import assert from 'node:assert/strict';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { openMarketDb } from '../market/marketBackends.js';
import type { RunningTestApp } from './testApp.js';

/** A market feed that pushes through the site's own push API (docs/api.md), as a real feed would. */
export interface TestFeed {
  /** Pushes one trade stamped now; fails the test unless it is accepted. */
  trade(symbol: string, price: string): Promise<void>;
  /** Pushes one USD/PKR rate stamped now; fails the test unless it is accepted. */
  dollar(market: 'interbank' | 'open', buying: string, selling: string): Promise<void>;
}

/** Makes a `market-feed` token in the site's database beside it and pushes with it. */
export async function testFeed(site: RunningTestApp, name: string): Promise<TestFeed> {
  const side = await openMarketDb({ kind: 'sqlite', path: site.dbPath });
  const { token } = await createApiToken(side.db, { name, role: 'market-feed', now: new Date() });
  await side.close();
  let seq = 0;
  const push = async (path: string, body: unknown): Promise<void> => {
    const answer = await fetch(site.url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await answer.text();
    assert.equal(answer.status, 200, text);
    const results = (JSON.parse(text) as { results: { status: string }[] }).results;
    assert.equal(results[0]?.status, 'accepted', text);
  };
  return {
    async trade(symbol, price) {
      seq += 1;
      await push('/api/v1/market/trades', {
        feed: name,
        trades: [{ seq, symbol, price, volume: 100, time: new Date().toISOString() }],
      });
    },
    async dollar(market, buying, selling) {
      await push('/api/v1/market/fx', {
        rates: [{ pair: 'USD/PKR', market, buying, selling, time: new Date().toISOString(), source: 'Test' }],
      });
    },
  };
}
