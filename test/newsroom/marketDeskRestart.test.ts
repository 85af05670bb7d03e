import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, type DeskSite, type Json, startDeskSite } from './marketDeskFixture.js';

const PATH = '/api/v1/admin/market';

async function publicJson(site: DeskSite, path: string): Promise<Json> {
  return (await fetch(`${site.baseUrl}${path}`)).json();
}

describe('market desk changes through the JSON API survive a restart', () => {
  let site: DeskSite;
  let token: string;
  before(async () => {
    site = await startDeskSite();
    token = await site.token('market-desk');
  });
  after(() => site.close());

  test('each operation changes the market', async () => {
    const listed = await api(site, token, 'POST', `${PATH}/instruments`, {
      symbol: 'NEWCO',
      name: 'New Company Limited',
      sector: 'Textile Composite',
      sharesOutstanding: 250_000_000,
      freeFloat: 3000,
      ldcp: '50.00',
    });
    assert.equal(listed.status, 201);
    assert.equal(listed.body.ldcp, '50.00');
    assert.equal(listed.body.tickSize, '0.01');

    const indicesBefore = site.app.market.snapshot().indices.map((i) => i.value);
    const amended = await api(site, token, 'PATCH', `${PATH}/instruments/HUBC`, { freeFloat: 7000, sector: 'Power' });
    assert.equal(amended.status, 200);
    assert.equal(amended.body.freeFloat, 7000);
    assert.equal(amended.body.sector, 'Power');
    assert.deepEqual(
      site.app.market.snapshot().indices.map((i) => i.value),
      indicesBefore,
    );

    const recomposition = await api(site, token, 'POST', `${PATH}/indices/BR100/recompositions`, {
      effective: '2023-02-01',
      add: [{ symbol: 'NEWCO' }],
      remove: ['WTL'],
    });
    assert.equal(recomposition.status, 201);
    assert.equal(recomposition.body.constituents.length, 30);
    assert.deepEqual(recomposition.body.constituents.at(-1), { symbol: 'NEWCO', shares: 250_000_000, freeFloat: 3000 });

    const preview = await api(site, token, 'POST', `${PATH}/corporate-actions/preview`, {
      type: 'right',
      symbol: 'HUBC',
      exDate: '2023-02-01',
      rightBasisPoints: 2000,
      subscriptionPrice: '10.00',
    });
    assert.equal(preview.status, 200);
    // (61.95 × 100 + 10 × 20) ÷ 120 = 53.29…
    assert.deepEqual(preview.body, {
      symbol: 'HUBC',
      ldcp: '61.95',
      exPrice: '53.29',
      sharesBefore: 1_300_000_000,
      sharesAfter: 1_560_000_000,
      appliesNow: false,
    });
    const action = await api(site, token, 'POST', `${PATH}/corporate-actions`, {
      type: 'bonus',
      symbol: 'HUBC',
      exDate: '2023-02-01',
      bonusBasisPoints: 2500,
    });
    assert.deepEqual(action, { status: 200, body: { status: 'scheduled' } });

    const rate = await api(site, token, 'POST', `${PATH}/fx`, {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '271.00',
      selling: '271.00',
      time: '2023-01-31T10:00:00Z',
      source: 'SBP',
    });
    assert.equal(rate.status, 201);
    // Against the demo's previous close of 268.61, the last day of its year of USD/PKR history.
    assert.equal(rate.body.buyingChange, '2.39');
    assert.equal(rate.body.buyingChangePercent, 0.89);
    assert.equal(rate.body.previousDate, '2023-01-30');

    const holiday = await api(site, token, 'POST', `${PATH}/calendar/holidays`, { date: '2023-02-06' });
    assert.equal(holiday.status, 201);
    assert.deepEqual(holiday.body.holidays, ['2023-02-06']);
  });

  test('bad input is refused (400 unreadable, 404 unknown, 422 invalid) and changes nothing', async () => {
    const before = site.app.market.exportState();
    const version = site.app.market.version;
    const refusals: [string, string, unknown, number][] = [
      [
        'POST',
        '/instruments',
        { symbol: 'BAD', name: 'Bad', sector: 'X', sharesOutstanding: 1, freeFloat: 10_001, ldcp: '1.00' },
        400,
      ],
      [
        'POST',
        '/instruments',
        { symbol: 'BAD', name: 'Bad', sector: 'X', sharesOutstanding: 1, freeFloat: 100, ldcp: '0.00' },
        422,
      ],
      [
        'POST',
        '/instruments',
        { symbol: 'NEWCO', name: 'Again', sector: 'X', sharesOutstanding: 1, freeFloat: 100, ldcp: '1.00' },
        422,
      ],
      [
        'POST',
        '/instruments',
        { symbol: 'BAD', name: ' ', sector: 'X', sharesOutstanding: 1, freeFloat: 100, ldcp: '1.00' },
        422,
      ],
      ['PATCH', '/instruments/NOSUCH', { name: 'Nobody' }, 404],
      ['PATCH', '/instruments/HUBC', {}, 400],
      ['POST', '/indices/NOSUCH/recompositions', { effective: '2023-02-01', add: [{ symbol: 'AVN' }] }, 404],
      ['POST', '/indices/KSE30/recompositions', { effective: '2023-02-01', remove: ['AVN'] }, 422],
      ['POST', '/indices/KSE30/recompositions', { effective: '2023-01-31', add: [{ symbol: 'AVN' }] }, 422],
      [
        'POST',
        '/corporate-actions',
        { type: 'right', symbol: 'HUBC', exDate: '2023-02-01', rightBasisPoints: 2000 },
        422,
      ],
      [
        'POST',
        '/corporate-actions',
        { type: 'cashDividend', symbol: 'AVN', exDate: '2023-02-01', dividend: '99.00' },
        422,
      ],
      [
        'POST',
        '/corporate-actions',
        { type: 'bonus', symbol: 'NOSUCH', exDate: '2023-02-01', bonusBasisPoints: 1 },
        422,
      ],
      ['POST', '/fx', { pair: 'USD/PKR', market: 'open', buying: '280.00', selling: '279.00', source: 'ECAP' }, 422],
      ['POST', '/fx', { pair: 'XAU/PKR', market: 'open', buying: '1.00', selling: '2.00', source: 'ECAP' }, 422],
      ['POST', '/fx', { pair: 'USD/PKR', market: 'open', buying: '1.234', selling: '2', source: 'ECAP' }, 400],
      ['POST', '/calendar/holidays', { date: '2023-02-30' }, 422],
      ['POST', '/calendar/holidays', { date: '2023-02-06' }, 422],
      ['DELETE', '/calendar/holidays/2023-02-07', undefined, 404],
      ['POST', '/close-day', { date: '31-01-2023' }, 400],
    ];
    for (const [method, path, body, status] of refusals) {
      const answer = await api(site, token, method, `${PATH}${path}`, body);
      assert.equal(answer.status, status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`);
      assert.equal(typeof answer.body.message, 'string');
    }
    assert.equal(site.app.market.version, version);
    assert.deepEqual(site.app.market.exportState(), before);
  });

  test('a restart on the same file brings every change back', async () => {
    const before = site.app.market.exportState();
    await site.restart();
    const market = site.app.market;
    assert.deepEqual(market.exportState(), before);
    assert.equal(market.instrument('NEWCO')?.name, 'New Company Limited');
    assert.equal(market.instrument('HUBC')?.freeFloat, 7000);
    assert.equal(market.scheduledRecompositions()[0]?.code, 'BR100');
    assert.equal(market.pendingCorporateActions()[0]?.symbol, 'HUBC');
    assert.deepEqual(market.calendar?.holidays, ['2023-02-06']);
    const fx = await publicJson(site, '/api/v1/market/fx');
    assert.equal(fx.rates.find((r: Json) => r.pair === 'USD/PKR' && r.market === 'interbank').buying, '271.00');
  });

  test('the day close applies what was due, and the quotes and ticker APIs show it, also after a restart', async () => {
    site.clock.now = Date.parse('2023-01-31T12:00:00Z');
    const closed = await api(site, token, 'POST', `${PATH}/close-day`, {});
    assert.equal(closed.status, 200);
    assert.deepEqual(closed.body.bars, { instruments: 31, indices: 4 });
    assert.equal(closed.body.nextTradingDate, '2023-02-01');
    assert.deepEqual(closed.body.appliedCorporateActions, [{ symbol: 'HUBC', type: 'bonus', exDate: '2023-02-01' }]);
    assert.deepEqual(closed.body.appliedRecompositions, [{ code: 'BR100', effective: '2023-02-01' }]);
    assert.deepEqual(closed.body.problems, []);

    // HUBC closed at 64.06; a 25 % bonus gives 64.06 × 100 ÷ 125 = 51.248 → 51.25.
    const check = async () => {
      const quotes = await publicJson(site, '/api/v1/market/quotes?symbols=HUBC,NEWCO');
      const hubc = quotes.quotes.find((q: Json) => q.symbol === 'HUBC');
      assert.equal(hubc.ldcp, '51.25');
      assert.equal(hubc.sector, 'Power');
      assert.equal(quotes.quotes.find((q: Json) => q.symbol === 'NEWCO').ldcp, '50.00');
      const ticker = await publicJson(site, '/api/v1/market/ticker');
      assert.ok(ticker.items.some((item: Json) => item.ticker === 'HUBC 51.25 No Change ▼ 0.00 (0%)'));
      assert.equal(site.app.market.instrument('HUBC')?.sharesOutstanding, 1_625_000_000);
      assert.ok(site.app.market.indexConstituents('BR100')?.some((c) => c.symbol === 'NEWCO'));
      assert.ok(!site.app.market.indexConstituents('BR100')?.some((c) => c.symbol === 'WTL'));
      assert.equal(site.app.market.lastClosedDate, '2023-01-31');
    };
    await check();
    const again = await api(site, token, 'POST', `${PATH}/close-day`, { date: '2023-01-31' });
    assert.equal(again.status, 422);
    const before = site.app.market.exportState();
    await site.restart();
    assert.deepEqual(site.app.market.exportState(), before);
    await check();
  });
});
