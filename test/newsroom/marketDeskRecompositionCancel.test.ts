import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, type DeskSite, startDeskSite } from './marketDeskFixture.js';

const INDEX = '/api/v1/admin/market/indices/BR100';

describe('a scheduled recomposition can be cancelled before it applies', () => {
  let site: DeskSite;
  let token: string;
  before(async () => {
    site = await startDeskSite();
    token = await site.token('market-desk');
  });
  after(() => site.close());

  const schedule = async () => {
    const answer = await api(site, token, 'POST', `${INDEX}/recompositions`, {
      effective: '2023-02-01',
      remove: ['WTL'],
    });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
  };
  const pending = () => site.app.market.scheduledRecompositions().map((r) => `${r.code} ${r.effective}`);

  test('through the JSON API: 204, then 404 for what is no longer there', async () => {
    await schedule();
    assert.deepEqual(pending(), ['BR100 2023-02-01']);
    assert.equal((await api(site, token, 'DELETE', `${INDEX}/recompositions/2023-02-02`)).status, 404);
    assert.equal(
      (await api(site, token, 'DELETE', '/api/v1/admin/market/indices/NOPE/recompositions/2023-02-01')).status,
      404,
    );
    assert.equal((await api(site, token, 'DELETE', `${INDEX}/recompositions/2023-02-01`)).status, 204);
    assert.deepEqual(pending(), []);
    assert.equal((await api(site, token, 'DELETE', `${INDEX}/recompositions/2023-02-01`)).status, 404);
  });

  test('from the index page, and the roll-over then keeps the constituents; it survives a restart', async () => {
    await schedule();
    const desk = await site.signedIn('market-desk');
    const page = await (await desk.get('/admin/market/indices/BR100')).text();
    assert.match(page, /action="\/admin\/market\/indices\/BR100\/recompositions\/cancel"/);
    const csrf = await desk.csrfToken('/admin/market/indices/BR100');
    const cancelled = await desk.post('/admin/market/indices/BR100/recompositions/cancel', {
      _csrf: csrf,
      effective: '2023-02-01',
    });
    assert.equal(cancelled.status, 303);
    assert.equal(cancelled.headers.get('location'), '/admin/market/indices/BR100?notice=cancelled');
    assert.deepEqual(pending(), []);

    await site.restart();
    assert.deepEqual(pending(), []);
    const before = site.app.market.indexConstituents('BR100')?.map((c) => c.symbol);
    assert.ok(before?.includes('WTL'));
    const closed = await api(site, token, 'POST', '/api/v1/admin/market/close-day', { date: '2023-01-31' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.deepEqual(closed.body.appliedRecompositions, []);
    assert.deepEqual(
      site.app.market.indexConstituents('BR100')?.map((c) => c.symbol),
      before,
    );
  });
});
