import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, type DeskSite, startDeskSite } from './marketDeskFixture.js';

describe('who may use the market desk', () => {
  let site: DeskSite;
  before(async () => {
    site = await startDeskSite();
  });
  after(() => site.close());

  const PAGES = ['/admin/market', '/admin/market/instruments', '/admin/market/indices/KSE30', '/admin/market/calendar'];

  test('nobody signed in: pages redirect to sign-in, the API answers 401', async () => {
    const anonymous = site.browser();
    for (const page of PAGES) {
      const response = await anonymous.get(page);
      assert.equal(response.status, 303, page);
      assert.equal(response.headers.get('location'), `/admin/login?next=${encodeURIComponent(page)}`);
    }
    const response = await fetch(`${site.baseUrl}/api/v1/admin/market/instruments`);
    assert.equal(response.status, 401);
    const revoked = await api(site, 'bst_not-a-real-token', 'GET', '/api/v1/admin/market/instruments');
    assert.equal(revoked.status, 401);
  });

  test('writers and moderators are refused (403), market-desk and admin get in', async () => {
    for (const role of ['writer', 'moderator'] as const) {
      const browser = await site.signedIn(role);
      for (const page of PAGES) assert.equal((await browser.get(page)).status, 403, `${role} ${page}`);
      const nav = await (await browser.get('/admin')).text();
      assert.doesNotMatch(nav, /href="\/admin\/market"/, `${role} is not offered the desk`);
    }
    for (const role of ['market-desk', 'admin'] as const) {
      const browser = await site.signedIn(role);
      for (const page of PAGES) assert.equal((await browser.get(page)).status, 200, `${role} ${page}`);
      assert.match(await (await browser.get('/admin')).text(), /href="\/admin\/market"/);
    }
  });

  test('API tokens: market-desk and admin may read and change, writer and market-feed may not', async () => {
    const holiday = { date: '2023-03-23' };
    for (const role of ['writer', 'market-feed', 'moderator'] as const) {
      const token = await site.token(role);
      assert.equal((await api(site, token, 'GET', '/api/v1/admin/market/instruments')).status, 403, role);
      assert.equal((await api(site, token, 'POST', '/api/v1/admin/market/calendar/holidays', holiday)).status, 403);
    }
    assert.deepEqual(site.app.market.calendar?.holidays, []);
    const desk = await site.token('market-desk');
    const listed = await api(site, desk, 'GET', '/api/v1/admin/market/instruments');
    assert.equal(listed.status, 200);
    assert.equal(listed.body.items.length, 30);
    // A bearer token carries no ambient authority, so it needs no CSRF token.
    assert.equal((await api(site, desk, 'POST', '/api/v1/admin/market/calendar/holidays', holiday)).status, 201);
    const admin = await site.token('admin');
    assert.equal((await api(site, admin, 'DELETE', '/api/v1/admin/market/calendar/holidays/2023-03-23')).status, 200);
    assert.deepEqual(site.app.market.calendar?.holidays, []);
  });

  test('a form posted without its CSRF token is refused with 403 and changes nothing', async () => {
    const desk = await site.signedIn('market-desk');
    const version = site.app.market.version;
    const forged = await desk.post('/admin/market/calendar/holidays', { date: '2023-03-23' });
    assert.equal(forged.status, 403);
    const wrong = await desk.post('/admin/market/fx', {
      _csrf: 'forged',
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '300.00',
      date: '2023-01-31',
      time: '13:05',
      source: 'SBP',
    });
    assert.equal(wrong.status, 403);
    const script = await desk.request('POST', '/api/v1/admin/market/close-day', '{}', {
      'content-type': 'application/json',
    });
    assert.equal(script.status, 403, 'a session call to the API needs the x-csrf-token header');
    assert.equal(site.app.market.version, version);
    assert.deepEqual(site.app.market.calendar?.holidays, []);
    assert.equal(site.app.market.lastClosedDate, null);
  });
});
