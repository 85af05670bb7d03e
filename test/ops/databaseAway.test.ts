import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { openMarketDb } from '../market/marketBackends.js';
import { POSTGRES_URL } from '../store/storeBackends.js';
import { serve } from '../support/cliProcess.js';
import { admin, freshSchema, skipWithoutPostgres } from './postgresSchema.js';
import { startTcpProxy, type TcpProxy } from './tcpProxy.js';

// A real server process on PostgreSQL, reached through a TCP proxy the test cuts: while the database is
// away, market pushes and other writes answer 503 with Retry-After (never 500), /readyz names the
// database, cached pages are still served; when it is back, everything works again by itself.

const skip = await skipWithoutPostgres();

describe('PostgreSQL unreachable under a running node', { skip }, () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  let proxy: TcpProxy;
  let node: Awaited<ReturnType<typeof serve>>;
  let token: string;
  let articleId: number;

  before(async () => {
    schema = await freshSchema('db_away');
    const direct = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    node = await serve(['--database-url', viaProxy.toString(), '--simulator', 'off', '--drain-window', '0']);
    const side = await openMarketDb({ kind: 'postgres', url: POSTGRES_URL, schema: schema.schema });
    try {
      token = (await createApiToken(side.db, { name: 'feed', role: 'market-feed', now: new Date() })).token;
    } finally {
      await side.close();
    }
    articleId = await admin(async (client) =>
      Number((await client.query(`select id from "${schema.schema}".articles order by id limit 1`)).rows[0].id),
    );
  });
  after(async () => {
    node?.child.kill('SIGTERM');
    await node?.exited;
    await proxy?.close();
    await schema?.drop();
  });

  const push = async (seq: number) => {
    const quotes = (await (await fetch(`${node.address}/api/v1/market/quotes`)).json()) as {
      quotes: { symbol: string; ldcp: string }[];
    };
    const stock = quotes.quotes[0] as { symbol: string; ldcp: string };
    return fetch(`${node.address}/api/v1/market/trades`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        feed: 'db-away',
        trades: [{ seq, symbol: stock.symbol, price: stock.ldcp, volume: 100, time: new Date().toISOString() }],
      }),
    });
  };

  test('pushes and other writes answer 503 with Retry-After while it is away, and work again when it is back', async () => {
    // A node that has just started may not hold the engine lease yet, and answers 503 until it
    // does (the documented "no engine" answer); the same (feed, seq) may be sent again.
    let first = await push(1);
    for (const deadline = Date.now() + 30_000; first.status === 503 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      first = await push(1);
    }
    assert.equal(first.status, 200, await first.text());
    // Asked for twice, as a page readers visit is: the page cache keeps a page from its second render on.
    for (let visit = 0; visit < 2; visit += 1) assert.equal((await fetch(`${node.address}/markets`)).status, 200);
    assert.equal((await fetch(`${node.address}/readyz`)).status, 200);

    await proxy.cut();
    try {
      const refused = await push(2);
      assert.equal(refused.status, 503);
      assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
      assert.match(((await refused.json()) as { message: string }).message, /nothing was (changed|taken)/);

      const comment = await fetch(`${node.address}/api/v1/articles/${articleId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Reader',
          email: 'reader@example.com',
          body: 'Posted while the database is away.',
        }),
      });
      assert.equal(comment.status, 503);
      assert.match(comment.headers.get('retry-after') ?? '', /^\d+$/);

      const unready = await fetch(`${node.address}/readyz`);
      assert.equal(unready.status, 503);
      assert.deepEqual(((await unready.json()) as { failing: string[] }).failing, ['database']);
      assert.equal((await fetch(`${node.address}/healthz`)).status, 200);
      assert.equal((await fetch(`${node.address}/markets`)).status, 200, 'a cached page is still served');
    } finally {
      await proxy.restore();
    }

    const deadline = Date.now() + 15_000;
    let status = 0;
    for (let seq = 3; Date.now() < deadline; seq += 1) {
      status = (await push(seq)).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(status, 200, 'pushes are taken again');
    assert.equal((await fetch(`${node.address}/readyz`)).status, 200);
  });

  test('the node was never ended by the database going away', async () => {
    // Checked apart, so a node that died shows its own last words rather than only a failed request.
    if (node.child.exitCode === null && node.child.signalCode === null) return;
    const finished = await node.exited;
    assert.fail(`the node exited (${finished.code ?? node.child.signalCode}): ${finished.stderr.slice(-4000)}`);
  });
});
