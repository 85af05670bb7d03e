import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createToken, serve } from '../support/cliProcess.js';

// A real `broadsheet serve` process told to stop with SIGTERM while a slow request is under way and a
// market stream is open: readiness turns 503 at once, the request completes, the stream is ended, the
// process exits 0, and what it acknowledged is there after a restart.

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-shutdown-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Quote {
  readonly symbol: string;
  readonly ldcp: string;
  readonly volume: number;
}

async function quotes(address: string): Promise<Quote[]> {
  return ((await (await fetch(`${address}/api/v1/market/quotes`)).json()) as { quotes: Quote[] }).quotes;
}

/** Sends the head and the first half of `body`; the rest goes when `finish` is called. */
function slowPost(url: string, token: string, body: string) {
  const half = Math.floor(body.length / 2);
  let answered: (value: { status: number; text: string }) => void = () => undefined;
  const answer = new Promise<{ status: number; text: string }>((resolve) => {
    answered = resolve;
  });
  const outgoing = request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    },
  });
  outgoing.on('response', (response) => {
    let text = '';
    response.on('data', (chunk: Buffer) => {
      text += chunk;
    });
    response.on('end', () => answered({ status: response.statusCode ?? 0, text }));
  });
  outgoing.on('error', (error) => answered({ status: -1, text: String(error) }));
  outgoing.write(body.slice(0, half));
  return { answer, finish: () => outgoing.end(body.slice(half)) };
}

/** Opens the market stream; resolves `ended` when the server ends it. */
function openStream(address: string): Promise<{ ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${address}/api/v1/market/stream`, { headers: { accept: 'text/event-stream' } });
    outgoing.on('response', (response) => {
      const ended = new Promise<string>((done) => {
        // Read, so the stream flows; what it says is the stream tests' business.
        response.resume();
        response.on('end', () => done('ended'));
        response.on('error', () => done('cut'));
        response.on('close', () => done(response.complete ? 'ended' : 'cut'));
      });
      if (response.statusCode !== 200) reject(new Error(`stream answered ${response.statusCode}`));
      else resolve({ ended });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Whether a new connection to `address` is refused, trying for up to 5 s. */
async function refusesConnections(address: string): Promise<boolean> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      await fetch(`${address}/healthz`, { headers: { connection: 'close' } });
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

test('SIGTERM: readiness 503 at once, the listener closes after the drain window, the slow request completes, streams end, exit 0, nothing acknowledged lost', async () => {
  const db = join(dir, 'site.sqlite');
  const token = await createToken(db);
  const node = await serve(['--db', db, '--simulator', 'off', '--drain-window', '1500']);
  let exited = false;
  try {
    const before = await quotes(node.address);
    const stock = before[0] as Quote;
    const ldcp = Math.round(Number(stock.ldcp) * 100);
    const trades = Array.from({ length: 20 }, (_, i) => ({
      seq: i + 1,
      symbol: stock.symbol,
      price: `${Math.floor(ldcp / 100)}.${String(ldcp % 100).padStart(2, '0')}`,
      volume: 100,
      time: new Date(Date.now() - 1000 + i).toISOString(),
    }));
    const stream = await openStream(node.address);
    assert.equal((await fetch(`${node.address}/readyz`)).status, 200);
    const slow = slowPost(
      `${node.address}/api/v1/market/trades`,
      token,
      JSON.stringify({ feed: 'shutdown-test', trades }),
    );
    // Let the head reach the server, so the request is under way when the signal comes.
    await new Promise((resolve) => setTimeout(resolve, 200));

    node.child.kill('SIGTERM');
    // Readiness says no at once; the listener still takes new connections during the drain window.
    let readyStatus = 0;
    const deadline = Date.now() + 1000;
    while (Date.now() < deadline) {
      readyStatus = (await fetch(`${node.address}/readyz`)).status;
      if (readyStatus === 503) break;
    }
    assert.equal(readyStatus, 503);
    assert.equal((await fetch(`${node.address}/healthz`)).status, 200, 'still serving during the drain window');
    // After the window the listener closes: new connections are refused, the stream is ended, and the
    // request under way is still waited for.
    assert.equal(await stream.ended, 'ended', 'the stream was ended, not cut');
    assert.equal(await refusesConnections(node.address), true, 'the listener closed after the drain window');

    slow.finish();
    const answer = await slow.answer;
    assert.equal(answer.status, 200, answer.text);
    assert.equal((JSON.parse(answer.text) as { accepted: number }).accepted, trades.length);

    const finished = await node.exited;
    exited = true;
    assert.equal(finished.code, 0, finished.stderr);
    assert.match(finished.stdout, /stopped cleanly/);

    const again = await serve(['--db', db, '--simulator', 'off', '--drain-window', '0']);
    try {
      const after = await quotes(again.address);
      const volume = (list: Quote[]) => list.find((quote) => quote.symbol === stock.symbol)?.volume ?? 0;
      assert.equal(volume(after) - volume(before), 100 * trades.length, 'every acknowledged trade is there');
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  } finally {
    if (!exited) node.child.kill('SIGKILL');
  }
});

test('a second SIGTERM during the drain ends the process at once, with 1', async () => {
  const db = join(dir, 'second.sqlite');
  const node = await serve(['--db', db, '--simulator', 'off', '--drain-window', '60000']);
  node.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  node.child.kill('SIGTERM');
  const finished = await node.exited;
  assert.equal(finished.code, 1);
  assert.match(finished.stdout, /second signal during shutdown/);
});
