import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { createApiToken, revokeApiToken } from '../../src/store/accounts/apiTokens.js';
import { testServeConfig } from '../support/serveConfig.js';
import { type OpenMarketDb, openMarketDb } from './marketBackends.js';

const NOW = new Date('2023-01-31T06:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-feed-'));
let app: App;
let address: string;
let side: OpenMarketDb;
const tokens = { feed: '', editor: '', revoked: '' };

before(async () => {
  const path = join(dir, 'site.sqlite');
  app = await createApp(testServeConfig(path, { commentRateLimit: '0' }), {
    logger: pino({ level: 'silent' }),
    now: () => NOW,
  });
  address = await app.start();
  side = await openMarketDb({ kind: 'sqlite', path });
  tokens.feed = (await createApiToken(side.db, { name: 'PSX feed', role: 'market-feed', now: NOW })).token;
  tokens.editor = (await createApiToken(side.db, { name: 'Desk', role: 'editor', now: NOW })).token;
  const revoked = await createApiToken(side.db, { name: 'Old feed', role: 'market-feed', now: NOW });
  await revokeApiToken(side.db, revoked.id, NOW);
  tokens.revoked = revoked.token;
});

after(async () => {
  await side.close();
  await app.stop();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: unknown, token: string | null = tokens.feed) {
  return fetch(`${address}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
}

async function loggedEvents(): Promise<number> {
  const row = await side.db
    .selectFrom('market_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const time = '2023-01-31T06:00:01Z';

describe('POST /api/v1/market/trades', () => {
  test('no token, an unknown or revoked token: 401; a token of another role: 403; nothing stored', async () => {
    const body = { feed: 'psx', trades: [{ seq: 1, symbol: 'OGDC', price: '88.00', volume: 100, time }] };
    const missing = await post('/api/v1/market/trades', body, null);
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await post('/api/v1/market/trades', body, 'bst_not-a-token')).status, 401);
    assert.equal((await post('/api/v1/market/trades', body, tokens.revoked)).status, 401);
    const wrongRole = await post('/api/v1/market/trades', body, tokens.editor);
    assert.equal(wrongRole.status, 403);
    assert.match(((await wrongRole.json()) as { message: string }).message, /needs market-feed/);
    assert.equal(await loggedEvents(), 0);
  });

  test('a schema error is a 400 with reasons, and nothing of the batch is stored', async () => {
    const before = app.market.snapshot().version;
    const answer = await post('/api/v1/market/trades', {
      feed: 'psx',
      trades: [
        { seq: 1, symbol: 'OGDC', price: '88.00', volume: 100, time },
        { seq: 2, symbol: 'OGDC', price: '88.001', volume: 100, time },
      ],
    });
    assert.equal(answer.status, 400);
    // The reason names the field, in `details` or in the message.
    assert.match(JSON.stringify(await answer.json()), /trades[./]1[./]price/);
    const tooMany = await post('/api/v1/market/trades', {
      feed: 'psx',
      trades: Array.from({ length: 10_001 }, (_, i) => ({ seq: i, symbol: 'OGDC', price: '88.00', volume: 1, time })),
    });
    assert.equal(tooMany.status, 400);
    assert.equal(await loggedEvents(), 0);
    assert.equal(app.market.snapshot().version, before);
  });

  test('a mixed batch answers per trade, and sending it again changes nothing', async () => {
    const batch = {
      feed: 'psx',
      trades: [
        { seq: 10, symbol: 'OGDC', price: '88.10', volume: 500, time },
        { seq: 11, symbol: 'NOSUCH', price: '10.00', volume: 500, time },
        { seq: 12, symbol: 'OGDC', price: '200.00', volume: 500, time },
        { seq: 13, symbol: 'HUBC', price: '64.50', volume: 300, time },
        { seq: 10, symbol: 'OGDC', price: '88.90', volume: 500, time },
      ],
    };
    const answer = await post('/api/v1/market/trades', batch);
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as Record<string, unknown>;
    assert.deepEqual(
      { ...body, results: (body.results as { seq: number; status: string }[]).map((r) => [r.seq, r.status]) },
      {
        feed: 'psx',
        accepted: 2,
        duplicates: 1,
        rejected: 2,
        results: [
          [10, 'accepted'],
          [11, 'rejected'],
          [12, 'rejected'],
          [13, 'accepted'],
          [10, 'duplicate'],
        ],
      },
    );
    const reasons = (body.results as { reason?: string }[]).map((r) => r.reason);
    assert.match(reasons[1] ?? '', /unknown symbol/);
    assert.match(reasons[2] ?? '', /outside the band/);
    // Durable before the answer: the log already holds both accepted trades.
    assert.equal(await loggedEvents(), 2);
    const shown = app.market.snapshot().quotes.find((q) => q.symbol === 'OGDC');
    assert.equal(shown?.last, 8810);

    const again = await post('/api/v1/market/trades', batch);
    const second = (await again.json()) as { accepted: number; duplicates: number; rejected: number };
    assert.deepEqual([second.accepted, second.duplicates, second.rejected], [0, 3, 2]);
    assert.equal(await loggedEvents(), 2);
    assert.deepEqual(
      app.market.snapshot().quotes.find((q) => q.symbol === 'OGDC'),
      shown,
    );
  });
});

describe('POST /api/v1/market/fx and /corporate-actions', () => {
  test('rates are taken or refused one by one', async () => {
    const answer = await post('/api/v1/market/fx', {
      rates: [
        { pair: 'USD/PKR', market: 'interbank', buying: '268.10', selling: '268.10', time, source: 'SBP' },
        { pair: 'USD/PKR', market: 'open', buying: '271.00', selling: '270.00', time },
      ],
    });
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as { accepted: number; results: { status: string; reason?: string }[] };
    assert.equal(body.accepted, 1);
    assert.deepEqual(
      body.results.map((r) => r.status),
      ['accepted', 'rejected'],
    );
    assert.match(body.results[1]?.reason ?? '', /selling rate/);
    const usd = app.market.snapshot().fx.find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
    assert.deepEqual([usd?.buying, usd?.source], [26810, 'SBP']);
  });

  test('a corporate action missing its own field is a 400; a good one is scheduled', async () => {
    const bad = await post('/api/v1/market/corporate-actions', {
      actions: [{ type: 'bonus', symbol: 'PPL', exDate: '2023-02-01' }],
    });
    assert.equal(bad.status, 400);
    const good = await post('/api/v1/market/corporate-actions', {
      actions: [{ type: 'bonus', symbol: 'PPL', exDate: '2023-02-01', bonusBasisPoints: 1000 }],
    });
    assert.equal(good.status, 200);
    const body = (await good.json()) as { results: { status: string }[] };
    assert.deepEqual(
      body.results.map((r) => r.status),
      ['scheduled'],
    );
    assert.equal(app.market.pendingCorporateActions().length, 1);
  });

  test('an exact ratio (1 for 55) and a special dividend are taken as given; a ratio beside basis points is a 400', async () => {
    const pending = app.market.pendingCorporateActions().length;
    const both = await post('/api/v1/market/corporate-actions', {
      actions: [
        {
          type: 'bonus',
          symbol: 'PPL',
          exDate: '2023-02-02',
          bonusBasisPoints: 182,
          ratio: { newShares: 1, heldShares: 55 },
        },
      ],
    });
    assert.equal(both.status, 400);
    assert.match(JSON.stringify(await both.json()), /actions\.0\.ratio/);
    const answer = await post('/api/v1/market/corporate-actions', {
      actions: [
        { type: 'bonus', symbol: 'PPL', exDate: '2023-02-02', ratio: { newShares: 1, heldShares: 55 } },
        { type: 'cashDividend', symbol: 'HUBC', exDate: '2023-02-02', dividend: '5.00', special: true },
      ],
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(app.market.pendingCorporateActions().slice(pending), [
      { type: 'bonus', symbol: 'PPL', exDate: '2023-02-02', ratio: { newShares: 1, heldShares: 55 } },
      { type: 'cashDividend', symbol: 'HUBC', exDate: '2023-02-02', dividend: 500, special: true },
    ]);
  });
});

describe('trade times and strict bodies', () => {
  async function quote(symbol: string) {
    return app.market.snapshot().quotes.find((q) => q.symbol === symbol);
  }

  test('poison and out-of-day times are rejected one by one; the batch is a 200 and only the good trade counts', async () => {
    const ogdc = await quote('OGDC');
    const hubc = await quote('HUBC');
    const logged = await loggedEvents();
    const batch = {
      feed: 'psx-times',
      trades: [
        { seq: 1, symbol: 'OGDC', price: '88.00', volume: 100, time: '9999-12-31T23:59:59Z' },
        { seq: 2, symbol: 'OGDC', price: '88.00', volume: 100, time: '1970-01-01T00:00:00Z' },
        { seq: 3, symbol: 'OGDC', price: '88.00', volume: 100, time: '2023-01-30T06:00:00Z' },
        { seq: 4, symbol: 'OGDC', price: '88.00', volume: 100, time: '2023-01-31T07:00:00Z' },
        { seq: 5, symbol: 'HUBC', price: '64.40', volume: 200, time },
      ],
    };
    const answer = await post('/api/v1/market/trades', batch);
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as {
      accepted: number;
      rejected: number;
      results: { seq: number; status: string; code?: string; reason?: string }[];
    };
    assert.deepEqual(
      body.results.map((r) => [r.seq, r.status, r.code]),
      [
        [1, 'rejected', 'future'],
        [2, 'rejected', 'stale'],
        [3, 'rejected', 'stale'],
        [4, 'rejected', 'future'],
        [5, 'accepted', undefined],
      ],
    );
    assert.match(body.results[0]?.reason ?? '', /ahead of the server's clock/);
    assert.match(body.results[2]?.reason ?? '', /before today's trading day 2023-01-31/);
    assert.deepEqual([body.accepted, body.rejected], [1, 4]);
    assert.equal(await loggedEvents(), logged + 1);
    // The rejected trades changed nothing: OGDC is as it was; HUBC took the good one, at its own time.
    assert.deepEqual(await quote('OGDC'), ogdc);
    const after = await quote('HUBC');
    assert.deepEqual([after?.last, after?.volume, after?.time], [6440, (hubc?.volume ?? 0) + 200, new Date(time)]);

    // Sent again: the good trade is a duplicate, the bad ones are judged (and refused) again, nothing moves.
    const again = (await (await post('/api/v1/market/trades', batch)).json()) as { results: { status: string }[] };
    assert.deepEqual(
      again.results.map((r) => r.status),
      ['rejected', 'rejected', 'rejected', 'rejected', 'duplicate'],
    );
    assert.equal(await loggedEvents(), logged + 1);
    assert.deepEqual(await quote('HUBC'), after);
  });

  test('an FX rate ahead of the clock is refused alone and the live rate stays', async () => {
    const answer = await post('/api/v1/market/fx', {
      rates: [
        { pair: 'EUR/PKR', market: 'interbank', buying: '290.00', selling: '290.00', time: '9999-12-31T23:59:59Z' },
        { pair: 'EUR/PKR', market: 'interbank', buying: '291.00', selling: '291.00', time },
      ],
    });
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as { results: { status: string; reason?: string }[] };
    assert.deepEqual(
      body.results.map((r) => r.status),
      ['rejected', 'accepted'],
    );
    assert.match(body.results[0]?.reason ?? '', /ahead of the server's clock/);
    const eur = app.market.snapshot().fx.find((r) => r.pair === 'EUR/PKR' && r.market === 'interbank');
    assert.deepEqual([eur?.buying, eur?.time.toISOString()], [29100, '2023-01-31T06:00:01.000Z']);
  });

  const good = { seq: 100, symbol: 'OGDC', price: '88.00', volume: 100, time };
  const malformed: [string, unknown, RegExp][] = [
    [
      'a price as a JSON number',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, price: 88.1 }] },
      /trades\.1\.price/,
    ],
    [
      'a price as a whole JSON number (paisa or rupees, either way ambiguous)',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, price: 8800 }] },
      /trades\.1\.price/,
    ],
    [
      'a volume as text',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, volume: '100' }] },
      /trades\.1\.volume/,
    ],
    [
      'a volume as true',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, volume: true }] },
      /trades\.1\.volume/,
    ],
    ['a seq as text', { feed: 'psx-strict', trades: [good, { ...good, seq: '101' }] }, /trades\.1\.seq/],
    [
      'an unknown field in a trade',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, side: 'buy' }] },
      /trades\.1\.side/,
    ],
    ['an unknown field in the batch', { feed: 'psx-strict', trades: [good], venue: 'PSX' }, /venue/],
    [
      'a time that does not exist',
      { feed: 'psx-strict', trades: [good, { ...good, seq: 101, time: '2023-02-30T06:00:00Z' }] },
      /trades\.1\.time/,
    ],
  ];
  for (const [name, body, field] of malformed) {
    test(`${name} is a 400 naming the field, and nothing of the batch is stored`, async () => {
      const logged = await loggedEvents();
      const version = app.market.snapshot().version;
      const answer = await post('/api/v1/market/trades', body);
      assert.equal(answer.status, 400);
      const error = (await answer.json()) as { message: string; details?: { field: string }[] };
      assert.match(error.message, field);
      assert.match(JSON.stringify(error.details), field);
      assert.equal(await loggedEvents(), logged);
      assert.equal(app.market.snapshot().version, version);
    });
  }

  test('FX and corporate-action bodies are as strict: wrong types and unknown fields are a 400, nothing taken', async () => {
    const logged = await loggedEvents();
    const pending = app.market.pendingCorporateActions().length;
    const rate = { pair: 'USD/PKR', market: 'interbank', buying: '268.50', selling: '268.50', time };
    for (const [path, body, field] of [
      ['/api/v1/market/fx', { rates: [rate, { ...rate, buying: 268.5 }] }, /rates\.1\.buying/],
      ['/api/v1/market/fx', { rates: [rate, { ...rate, colour: 'green' }] }, /rates\.1\.colour/],
      [
        '/api/v1/market/corporate-actions',
        { actions: [{ type: 'bonus', symbol: 'PPL', exDate: '2023-02-01', bonusBasisPoints: '1000' }] },
        /actions\.0\.bonusBasisPoints/,
      ],
      [
        '/api/v1/market/corporate-actions',
        { actions: [{ type: 'bonus', symbol: 'PPL', exDate: '2023-02-01', bonusBasisPoints: 1000, bonus: 10 }] },
        /actions\.0\.bonus\b/,
      ],
    ] as [string, unknown, RegExp][]) {
      const answer = await post(path, body);
      assert.equal(answer.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.match(JSON.stringify(await answer.json()), field);
    }
    assert.equal(await loggedEvents(), logged);
    assert.equal(app.market.pendingCorporateActions().length, pending);
    const usd = app.market.snapshot().fx.find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
    assert.notEqual(usd?.buying, 26850);
  });
});
