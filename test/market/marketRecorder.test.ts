import assert from 'node:assert/strict';
import { after, before, describe, type TestContext, test } from 'node:test';
import { createInProcessBus } from '../../src/bus/inProcessBus.js';
import { createDemoMarket } from '../../src/demo/market/demoMarket.js';
import { loadMarket } from '../../src/engine/marketLoader.js';
import { createMarketRecorder, MarketEventError } from '../../src/engine/marketRecorder.js';
import type { Market } from '../../src/market/book/market.js';
import type { MarketEvent } from '../../src/market/book/marketEvent.js';
import { paisa } from '../../src/market/money/money.js';
import { createMarketLog, type MarketLog } from '../../src/store/market/marketLog.js';
import type { StoreBackend } from '../store/storeBackends.js';
import { onBothDialects, openMarketDb } from './marketBackends.js';

const start = new Date('2023-01-31T05:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const createMarket = () => createDemoMarket(start, { replayReferenceTrades: false });

function trade(seq: number, symbol: string, price: number, volume = 100, feed = 'psx'): MarketEvent {
  return { kind: 'trade', trade: { symbol, price: paisa(price), volume, time: at(seq), seq, feed } };
}

function figures(market: Market) {
  const { quotes, indices, fx } = market.snapshot();
  return { quotes, indices, fx };
}

await onBothDialects('MarketRecorder', (makeBackend: () => Promise<StoreBackend> | StoreBackend, dialect: string) => {
  describe(`MarketRecorder on ${dialect}`, () => {
    let backend: StoreBackend;
    before(async () => {
      backend = await makeBackend();
    });
    after(() => backend.dispose());

    async function freshSite(t: TestContext) {
      const target = await backend.freshTarget();
      const open = async () => {
        const opened = await openMarketDb(target);
        t.after(() => opened.close());
        const log = createMarketLog(opened.db);
        const loaded = await loadMarket({
          log,
          createMarket,
          initial: () => createDemoMarket(start),
          pinInitial: true,
        });
        const bus = createInProcessBus();
        const recorder = createMarketRecorder({ log, market: loaded.market, createMarket, bus });
        t.after(() => recorder.stop());
        return { ...opened, log, loaded, market: loaded.market, recorder, bus };
      };
      return { open };
    }

    test('concurrent submissions share one commit and are applied in order after it', async (t) => {
      const site = await (await freshSite(t)).open();
      let announced = 0;
      site.bus.subscribe('market.changed', () => {
        announced += 1;
      });
      const before = site.market.version;
      const pending = [
        site.recorder.record([trade(1, 'OGDC', 8800), trade(2, 'OGDC', 8810)]),
        site.recorder.record([trade(3, 'HUBC', 6400), trade(1, 'OGDC', 8890)]),
        site.recorder.record([trade(4, 'NOPE', 100), trade(5, 'OGDC', 99_999)]),
      ];
      // Nothing is applied before the commit.
      assert.equal(site.market.version, before);
      const [first, second, third] = await Promise.all(pending);
      assert.deepEqual(
        [...(first ?? []), ...(second ?? []), ...(third ?? [])].map((o) =>
          o.kind === 'trade'
            ? o.receipt.ok
              ? o.receipt.duplicate
                ? 'duplicate'
                : 'accepted'
              : o.receipt.code
            : o.kind,
        ),
        ['accepted', 'accepted', 'accepted', 'duplicate', 'unknown symbol', 'outside band'],
      );
      assert.equal(site.market.quote('OGDC')?.last, 8810);
      assert.equal(site.market.quote('HUBC')?.last, 6400);
      assert.equal(announced, 1, 'one batch, one announcement');
      const logged = [];
      for await (const e of site.log.eventsAfter(0)) logged.push(e);
      assert.equal(logged.length, 3);
    });

    test('a failing write rejects every waiting submission and leaves the market as it was', async (t) => {
      const site = await (await freshSite(t)).open();
      const failing = Object.create(site.log) as MarketLog;
      failing.append = async () => {
        throw new Error('disk full');
      };
      const recorder = createMarketRecorder({ log: failing, market: site.market, createMarket });
      t.after(() => recorder.stop());
      const before = figures(site.market);
      const version = site.market.version;
      const results = await Promise.allSettled([
        recorder.record([trade(1, 'OGDC', 8800)]),
        recorder.record([
          {
            kind: 'fxRate',
            update: { pair: 'USD/PKR', market: 'interbank', buying: paisa(26900), selling: paisa(26900), time: at(2) },
          },
        ]),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
      assert.equal(site.market.version, version);
      assert.deepEqual(figures(site.market), before);
      // The trial market was reset too: the same trade is accepted, not seen as a duplicate, once writes work.
      const [outcome] = await site.recorder.record([trade(1, 'OGDC', 8800)]);
      assert.deepEqual(outcome, { kind: 'trade', receipt: { ok: true, duplicate: false, outOfOrder: false } });
    });

    test('an event the market throws on fails its own submission alone; the group commit takes the rest', async (t) => {
      const site = await (await freshSite(t)).open();
      // A market that throws on one trade, standing for any fault in judging an event.
      const throwing = () => {
        const market = createMarket();
        const submit = market.submitTrade.bind(market);
        market.submitTrade = (trade, now) => {
          if (trade.volume === 13) throw new RangeError('cannot judge this trade');
          return submit(trade, now);
        };
        return market;
      };
      const hubcBefore = site.market.quote('HUBC')?.volume ?? 0;
      const recorder = createMarketRecorder({ log: site.log, market: site.market, createMarket: throwing });
      t.after(() => recorder.stop());
      const results = await Promise.allSettled([
        recorder.record([trade(1, 'OGDC', 8800)]),
        recorder.record([trade(2, 'HUBC', 6400), trade(3, 'OGDC', 8810, 13)]),
        recorder.record([trade(4, 'OGDC', 8820), trade(2, 'HUBC', 6400)]),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      const failed = results[1];
      assert.ok(failed?.status === 'rejected' && failed.reason instanceof MarketEventError);
      // HUBC seq 2 went with its submission, so the third submission's copy of it is new, not a duplicate.
      const third = results[2];
      assert.deepEqual(
        third?.status === 'fulfilled' &&
          third.value.map((o) => o.kind === 'trade' && o.receipt.ok && !o.receipt.duplicate),
        [true, true],
      );
      const logged: number[] = [];
      for await (const e of site.log.eventsAfter(0)) if (e.event.kind === 'trade') logged.push(e.event.trade.seq ?? -1);
      assert.deepEqual(logged, [1, 4, 2]);
      assert.deepEqual([site.market.quote('OGDC')?.last, site.market.quote('HUBC')?.volume], [8820, hubcBefore + 100]);
    });

    test('with the clock, a trade of an earlier day or ahead of it is refused and not logged', async (t) => {
      const site = await (await freshSite(t)).open();
      const outcomes = await site.recorder.record(
        [
          {
            kind: 'trade',
            trade: {
              symbol: 'OGDC',
              price: paisa(8800),
              volume: 100,
              time: new Date('9999-12-31T23:59:59Z'),
              seq: 1,
              feed: 'psx',
            },
          },
          {
            kind: 'trade',
            trade: {
              symbol: 'OGDC',
              price: paisa(8800),
              volume: 100,
              time: new Date('2023-01-30T05:00:00Z'),
              seq: 2,
              feed: 'psx',
            },
          },
          {
            kind: 'trade',
            trade: { symbol: 'OGDC', price: paisa(8800), volume: 100, time: at(3600), seq: 3, feed: 'psx' },
          },
          trade(4, 'OGDC', 8810),
        ],
        { now: at(4) },
      );
      assert.deepEqual(
        outcomes.map((o) => (o.kind === 'trade' && !o.receipt.ok ? o.receipt.code : 'accepted')),
        ['future', 'stale', 'future', 'accepted'],
      );
      const logged: number[] = [];
      for await (const e of site.log.eventsAfter(0)) if (e.event.kind === 'trade') logged.push(e.event.trade.seq ?? -1);
      assert.deepEqual(logged, [4]);
    });

    test('a (feed, seq) is applied once across restarts, and a restart shows exactly what was there', async (t) => {
      const site = await freshSite(t);
      const first = await site.open();
      await first.recorder.record([trade(1, 'OGDC', 8800, 1000), trade(2, 'TRG', 11300, 50)]);
      const [scheduled] = await first.recorder.record([
        {
          kind: 'corporateAction',
          action: { type: 'cashDividend', symbol: 'PPL', exDate: '2023-02-01', dividend: paisa(150) },
          time: at(3),
        },
      ]);
      assert.equal(
        scheduled?.kind === 'corporateAction' && scheduled.result.ok && scheduled.result.status,
        'scheduled',
      );
      const shown = figures(first.market);
      await first.recorder.stop();

      const second = await site.open();
      assert.equal(second.loaded.replayed, 3);
      assert.deepEqual(figures(second.market), shown);
      assert.equal(second.market.pendingCorporateActions().length, 1);
      const outcomes = await second.recorder.record([trade(1, 'OGDC', 8900, 5), trade(2, 'TRG', 11000, 5)]);
      assert.ok(outcomes.every((o) => o.kind === 'trade' && o.receipt.ok && o.receipt.duplicate));
      assert.deepEqual(figures(second.market), shown);
    });

    test('a day close writes a checkpoint and daily bars; the next start replays nothing before it', async (t) => {
      const site = await freshSite(t);
      const first = await site.open();
      await first.recorder.record([trade(1, 'OGDC', 8800, 1000)]);
      const [closed] = await first.recorder.record([{ kind: 'dayClose', date: '2023-01-31', time: at(36_000) }]);
      assert.equal(closed?.kind === 'dayClose' && closed.result.ok, true);
      // A duplicate of a trade from a closed day is still refused: the log, not the day's memory, decides.
      const [again] = await first.recorder.record([trade(1, 'OGDC', 8700, 5)]);
      assert.equal(again?.kind === 'trade' && again.receipt.ok && again.receipt.duplicate, true);
      const shown = figures(first.market);
      await first.recorder.stop();

      const second = await site.open();
      assert.equal(second.loaded.checkpoint, 2);
      assert.equal(second.loaded.replayed, 0);
      assert.deepEqual(figures(second.market), shown);
      assert.equal(second.market.quote('OGDC')?.ldcp, 8800);
      const bars = await second.db
        .selectFrom('daily_bars')
        .selectAll()
        .where('code', 'in', ['OGDC', 'KSE100'])
        .orderBy('code')
        .execute();
      assert.deepEqual(
        bars.map((b) => [b.code, b.date, Number(b.close), b.source]),
        [
          [
            'KSE100',
            '2023-01-31',
            second.market.snapshot().indices.find((i) => i.code === 'KSE100')?.previousClose,
            'close',
          ],
          ['OGDC', '2023-01-31', 8800, 'close'],
        ],
      );
    });
  });
});
