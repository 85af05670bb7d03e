import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createToken, serve } from '../support/cliProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Quote {
  readonly symbol: string;
  readonly ldcp: string;
  readonly volume: number;
}

interface Figures {
  readonly quotes: Quote[];
  readonly indices: unknown[];
}

/** Quotes and indices without `asOf` and `version`, which a restart may move. */
async function figures(address: string): Promise<Figures> {
  const quotes = (await (await fetch(`${address}/api/v1/market/quotes`)).json()) as { quotes: Quote[] };
  const indices = (await (await fetch(`${address}/api/v1/market/indices`)).json()) as { indices: unknown[] };
  return { quotes: quotes.quotes, indices: indices.indices };
}

const totalVolume = (f: Figures) => f.quotes.reduce((sum, q) => sum + q.volume, 0);
const cents = (text: string) => Math.round(Number(text) * 100);
const rupees = (paisa: number) => `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;

interface PushedTrade {
  readonly seq: number;
  readonly symbol: string;
  readonly price: string;
  readonly volume: number;
  readonly time: string;
}

interface Stock {
  readonly symbol: string;
  readonly ldcp: number;
}

/** Trade `seq` of `stock`: within 2 % of LDCP, so inside any price band. */
function tradeOf(stock: Stock, seq: number, time: string): PushedTrade {
  const price = Math.max(1, stock.ldcp + ((seq * 7) % Math.max(1, Math.floor(stock.ldcp / 50))));
  return { seq, symbol: stock.symbol, price: rupees(price), volume: 100 + (seq % 9) * 10, time };
}

/**
 * `serve` on a fresh SQLite file with the simulator off and a market-feed
 * token: the start both tests kill -9, the market as it stood before any
 * push, and a second start on the same file once the first is killed.
 */
interface KilledSite {
  readonly address: string;
  readonly before: Figures;
  readonly stocks: readonly Stock[];
  push(address: string, feed: string, trades: readonly PushedTrade[]): Promise<Response>;
  /** kill -9 of the first start; resolves once it is gone, killed and not exited. */
  kill(): Promise<void>;
  /** A second start on the same file, given to `check`, then killed in turn. */
  restart(check: (address: string) => Promise<void>): Promise<void>;
  /** Ends the first start if the test failed before killing it. */
  dispose(): Promise<void>;
}

async function startKilledSite(file: string): Promise<KilledSite> {
  const db = join(dir, file);
  const token = await createToken(db);
  const first = await serve(['--db', db, '--simulator', 'off']);
  let killed = false;
  const before = await figures(first.address).catch(async (error: unknown) => {
    first.child.kill('SIGKILL');
    await first.exited;
    throw error;
  });
  return {
    address: first.address,
    before,
    stocks: before.quotes.map((q) => ({ symbol: q.symbol, ldcp: cents(q.ldcp) })),
    push: (address, feed, trades) =>
      fetch(`${address}/api/v1/market/trades`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ feed, trades }),
      }),
    async kill() {
      first.child.kill('SIGKILL');
      killed = true;
      assert.equal((await first.exited).code, null, 'killed, not exited');
    },
    async restart(check) {
      assert.ok(killed, 'the first start is killed before the second');
      const second = await serve(['--db', db, '--simulator', 'off']);
      try {
        await check(second.address);
      } finally {
        second.child.kill('SIGKILL');
        await second.exited;
      }
    },
    async dispose() {
      if (killed) return;
      first.child.kill('SIGKILL');
      await first.exited;
    },
  };
}

test('after kill -9 and a restart, quotes and indices are exactly as acknowledged', async () => {
  const site = await startKilledSite('site.sqlite');
  try {
    let seq = 0;
    let pushedVolume = 0;
    const batches = Array.from({ length: 6 }, () =>
      Array.from({ length: 150 }, (_, i) => {
        const stock = site.stocks[(seq + i) % site.stocks.length] as Stock;
        seq += 1;
        const trade = tradeOf(stock, seq, new Date(Date.now() + seq).toISOString());
        pushedVolume += trade.volume;
        return trade;
      }),
    );
    const answers = await Promise.all(batches.map((trades) => site.push(site.address, 'kill-test', trades)));
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      const body = (await answer.json()) as { accepted: number; rejected: number };
      assert.deepEqual([body.accepted, body.rejected], [150, 0]);
    }
    const acknowledged = await figures(site.address);
    assert.equal(totalVolume(acknowledged) - totalVolume(site.before), pushedVolume);

    await site.kill();
    await site.restart(async (address) => {
      assert.deepEqual(await figures(address), acknowledged);
    });
  } finally {
    await site.dispose();
  }
});

test('kill -9 in the middle of a push load: every acknowledged trade is in the log, and the market restarts as the log says', async () => {
  const site = await startKilledSite('load.sqlite');
  try {
    let seq = 0;
    const batchOf = (size: number): PushedTrade[] =>
      Array.from({ length: size }, () => {
        seq += 1;
        return tradeOf(site.stocks[seq % site.stocks.length] as Stock, seq, new Date().toISOString());
      });
    const sent: PushedTrade[][] = [];
    const acknowledged = new Set<number>();
    let answered = 0;
    let killing = false;
    // Four connections, each sending its next batch as soon as the last is answered, as a feed does.
    const connection = async () => {
      while (!killing) {
        const trades = batchOf(250);
        sent.push(trades);
        try {
          const answer = await site.push(site.address, 'kill-load', trades);
          const body = (await answer.json()) as { results: { seq: number; status: string }[] };
          assert.equal(answer.status, 200);
          for (const result of body.results) if (result.status === 'accepted') acknowledged.add(result.seq);
          answered += 1;
        } catch (error) {
          if (killing) return; // cut off by the kill: neither acknowledged nor refused
          throw error;
        }
      }
    };
    const load = Array.from({ length: 4 }, connection);
    // Killed while batches are in flight, after some have been acknowledged.
    while (answered < 12) await new Promise((resolve) => setTimeout(resolve, 2));
    killing = true;
    const gone = site.kill();
    await Promise.all(load);
    await gone;
    assert.ok(acknowledged.size >= 12 * 250);

    await site.restart(async (address) => {
      const restarted = await figures(address);
      // Every batch sent again, in order: the log takes a (feed, seq) once, so what it holds comes back a duplicate.
      const inLog = new Set<number>();
      let loggedVolume = 0;
      const volumeOf = new Map(sent.flat().map((trade) => [trade.seq, trade.volume]));
      for (const trades of sent) {
        const answer = await site.push(address, 'kill-load', trades);
        assert.equal(answer.status, 200);
        const body = (await answer.json()) as { results: { seq: number; status: string }[] };
        for (const result of body.results) {
          assert.notEqual(result.status, 'rejected', JSON.stringify(result));
          if (result.status !== 'duplicate') continue;
          inLog.add(result.seq);
          loggedVolume += volumeOf.get(result.seq) ?? 0;
        }
      }
      const lost = [...acknowledged].filter((seq) => !inLog.has(seq));
      assert.deepEqual(lost, [], 'acknowledged trades missing from the log after kill -9');
      // The restarted market is exactly the log: its volume grew by the logged trades, no more, no less.
      assert.equal(totalVolume(restarted) - totalVolume(site.before), loggedVolume);
    });
  } finally {
    await site.dispose();
  }
});
