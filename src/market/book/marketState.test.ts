import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createDemoMarket } from '../../demo/market/demoMarket.js';
import { paisa } from '../money/money.js';
import type { Market } from './market.js';

const start = new Date('2023-01-31T05:00:00Z');
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** Everything a reader sees, without the version (a restore counts as one change). */
function visible(market: Market) {
  const { quotes, indices, fx, asOf } = market.snapshot();
  return { quotes, indices, fx, asOf, pending: market.pendingCorporateActions(), closed: market.lastClosedDate };
}

function restored(market: Market): Market {
  // The state must survive JSON, as it does in a checkpoint.
  const copy = createDemoMarket(new Date('2030-01-01T00:00:00Z'), { replayReferenceTrades: false });
  copy.restoreState(JSON.parse(JSON.stringify(market.exportState())));
  return copy;
}

describe('Market.exportState / restoreState', () => {
  test('a restored market shows exactly what the original showed, and trades on alike', () => {
    const market = createDemoMarket(start);
    market.applyTrade({ symbol: 'OGDC', price: paisa(8810), volume: 500, time: later(1), seq: 1, feed: 'psx' });
    market.applyTrade({ symbol: 'HUBC', price: paisa(6390), volume: 700, time: later(2) });
    market.setFxRate({
      pair: 'USD/PKR',
      market: 'interbank',
      buying: paisa(26801),
      selling: paisa(26801),
      time: later(3),
    });
    market.applyCorporateAction(
      { type: 'bonus', symbol: 'PPL', exDate: '2023-02-01', bonusBasisPoints: 1000 },
      later(4),
    );
    const copy = restored(market);
    assert.deepEqual(visible(copy), visible(market));
    // A seq seen before the export is still a duplicate after it.
    assert.deepEqual(
      copy.applyTrade({ symbol: 'OGDC', price: paisa(8820), volume: 5, time: later(5), seq: 1, feed: 'psx' }),
      {
        ok: true,
        duplicate: true,
      },
    );
    for (const m of [market, copy]) {
      m.applyTrade({ symbol: 'OGDC', price: paisa(8850), volume: 100, time: later(6) });
      m.applyTrade({ symbol: 'TRG', price: paisa(11300), volume: 100, time: later(6) });
    }
    assert.deepEqual(visible(copy).quotes, visible(market).quotes);
    assert.deepEqual(visible(copy).indices, visible(market).indices);
  });

  test('after a day close the restored market rolls over and applies the pending action alike', () => {
    const market = createDemoMarket(start);
    market.applyCorporateAction(
      { type: 'bonus', symbol: 'PPL', exDate: '2023-02-02', bonusBasisPoints: 1000 },
      later(1),
    );
    assert.equal(market.closeDay('2023-01-31', later(600)).ok, true);
    const copy = restored(market);
    assert.deepEqual(visible(copy), visible(market));
    const closeOriginal = market.closeDay('2023-02-01', later(2000));
    const closeCopy = copy.closeDay('2023-02-01', later(2000));
    assert.deepEqual(closeCopy, closeOriginal);
    assert.equal(visible(copy).pending.length, 0);
    assert.deepEqual(visible(copy), visible(market));
  });

  test('a state naming a quote without its instrument is refused', () => {
    const state = createDemoMarket(start).exportState();
    const broken = { ...state, instruments: state.instruments.filter((i) => i.symbol !== 'OGDC') };
    assert.throws(() => createDemoMarket(start).restoreState(broken), /OGDC has no instrument/);
  });
});
