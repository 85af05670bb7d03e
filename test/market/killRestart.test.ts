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
