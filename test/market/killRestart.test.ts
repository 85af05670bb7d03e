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

/** Quotes and indices without `asOf` and `version`, which a restart may move. */
async function figures(address: string) {
  const quotes = (await (await fetch(`${address}/api/v1/market/quotes`)).json()) as { quotes: Quote[] };
  const indices = (await (await fetch(`${address}/api/v1/market/indices`)).json()) as { indices: unknown[] };
  return { quotes: quotes.quotes, indices: indices.indices };
}

const cents = (text: string) => Math.round(Number(text) * 100);
const rupees = (paisa: number) => `${Math.floor(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;

test('after kill -9 and a restart, quotes and indices are exactly as acknowledged', async () => {
  const db = join(dir, 'site.sqlite');
  const token = await createToken(db);
  const first = await serve(['--db', db, '--simulator', 'off']);
  let killed = false;
  try {
    const before = await figures(first.address);
    const symbols = before.quotes.map((q) => ({ symbol: q.symbol, ldcp: cents(q.ldcp) }));
    let seq = 0;
    let pushedVolume = 0;
    const batches = Array.from({ length: 6 }, () =>
      Array.from({ length: 150 }, (_, i) => {
        const stock = symbols[(seq + i) % symbols.length] as { symbol: string; ldcp: number };
        seq += 1;
        // Within 2 % of LDCP: inside any price band.
        const price = Math.max(1, stock.ldcp + ((seq * 7) % Math.max(1, Math.floor(stock.ldcp / 50))));
        const volume = 100 + (seq % 9) * 10;
        pushedVolume += volume;
        return {
          seq,
          symbol: stock.symbol,
          price: rupees(price),
          volume,
          time: new Date(Date.now() + seq).toISOString(),
        };
      }),
    );
    const answers = await Promise.all(
      batches.map((trades) =>
        fetch(`${first.address}/api/v1/market/trades`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ feed: 'kill-test', trades }),
        }),
      ),
    );
    for (const answer of answers) {
      assert.equal(answer.status, 200);
      const body = (await answer.json()) as { accepted: number; rejected: number };
      assert.deepEqual([body.accepted, body.rejected], [150, 0]);
    }
    const acknowledged = await figures(first.address);
    const volume = (f: { quotes: Quote[] }) => f.quotes.reduce((sum, q) => sum + q.volume, 0);
    assert.equal(volume(acknowledged) - volume(before), pushedVolume);

    first.child.kill('SIGKILL');
    killed = true;
    const ended = await first.exited;
    assert.equal(ended.code, null, 'killed, not exited');

    const second = await serve(['--db', db, '--simulator', 'off']);
    try {
      assert.deepEqual(await figures(second.address), acknowledged);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  } finally {
    if (!killed) first.child.kill('SIGKILL');
  }
});

interface PushedTrade {
  readonly seq: number;
  readonly symbol: string;
  readonly price: string;
  readonly volume: number;
  readonly time: string;
}

test('kill -9 in the middle of a push load: every acknowledged trade is in the log, and the market restarts as the log says', async () => {
  const db = join(dir, 'load.sqlite');
  const token = await createToken(db);
  const first = await serve(['--db', db, '--simulator', 'off']);
  let killed = false;
  try {
    const before = await figures(first.address);
    const symbols = before.quotes.map((q) => ({ symbol: q.symbol, ldcp: cents(q.ldcp) }));
    let seq = 0;
    const batchOf = (size: number): PushedTrade[] =>
      Array.from({ length: size }, () => {
        seq += 1;
        const stock = symbols[seq % symbols.length] as { symbol: string; ldcp: number };
        const price = Math.max(1, stock.ldcp + ((seq * 7) % Math.max(1, Math.floor(stock.ldcp / 50))));
        return {
          seq,
          symbol: stock.symbol,
          price: rupees(price),
          volume: 100 + (seq % 9) * 10,
          time: new Date().toISOString(),
        };
      });
    const push = (address: string, trades: readonly PushedTrade[]) =>
      fetch(`${address}/api/v1/market/trades`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ feed: 'kill-load', trades }),
      });
    const sent: PushedTrade[][] = [];
    const acknowledged = new Set<number>();
    let answered = 0;
    let stop = false;
    // Four connections, each sending its next batch as soon as the last is answered, as a feed does.
    const connection = async () => {
      while (!stop) {
        const trades = batchOf(250);
        sent.push(trades);
        try {
          const answer = await push(first.address, trades);
          const body = (await answer.json()) as { results: { seq: number; status: string }[] };
          assert.equal(answer.status, 200);
          for (const result of body.results) if (result.status === 'accepted') acknowledged.add(result.seq);
          answered += 1;
        } catch (error) {
          if (killed) return; // cut off by the kill: neither acknowledged nor refused
          throw error;
        }
      }
    };
    const load = Array.from({ length: 4 }, connection);
    // Killed while batches are in flight, after some have been acknowledged.
    while (answered < 12) await new Promise((resolve) => setTimeout(resolve, 2));
    first.child.kill('SIGKILL');
    killed = true;
    stop = true;
    await Promise.all(load);
    assert.equal((await first.exited).code, null, 'killed, not exited');
    assert.ok(acknowledged.size >= 12 * 250);

    const second = await serve(['--db', db, '--simulator', 'off']);
    try {
      const restarted = await figures(second.address);
      // Every batch sent again, in order: the log takes a (feed, seq) once, so what it holds comes back a duplicate.
      const inLog = new Set<number>();
      let loggedVolume = 0;
      const volumeOf = new Map(sent.flat().map((trade) => [trade.seq, trade.volume]));
      for (const trades of sent) {
        const answer = await push(second.address, trades);
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
      const volume = (f: { quotes: Quote[] }) => f.quotes.reduce((sum, q) => sum + q.volume, 0);
      assert.equal(volume(restarted) - volume(before), loggedVolume);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  } finally {
    if (!killed) first.child.kill('SIGKILL');
  }
});
