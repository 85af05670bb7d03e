import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, type DeskSite, startDeskSite } from './marketDeskFixture.js';

// The newsroom's JSON API used to drop a field its schema does not name and answer 200: a desk script that
// misspelt `sharesOutstanding` was told its change was made while nothing changed. Now such a request is a 400
// naming the field, and nothing changes; a correct request still goes through.

describe('the newsroom API refuses fields it does not know', () => {
  let site: DeskSite;
  let desk: string;
  let admin: string;
  before(async () => {
    site = await startDeskSite();
    desk = await site.token('market-desk');
    admin = await site.token('admin');
  });
  after(() => site.close());

  test('a misspelt instrument field is a 400 naming it, and the instrument is unchanged', async () => {
    const before = await api(site, desk, 'GET', '/api/v1/admin/market/instruments/OGDC');
    assert.equal(before.status, 200);
    for (const body of [{ sharesOutstandng: 5 }, { name: 'Oil & Gas', nmae: 'x' }]) {
      const answer = await api(site, desk, 'PATCH', '/api/v1/admin/market/instruments/OGDC', body);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.match(answer.body.message, /Unknown field/);
      assert.ok(
        answer.body.details.some((detail: { field: string }) => ['sharesOutstandng', 'nmae'].includes(detail.field)),
      );
    }
    assert.deepEqual(await api(site, desk, 'GET', '/api/v1/admin/market/instruments/OGDC'), before);
    const renamed = await api(site, desk, 'PATCH', '/api/v1/admin/market/instruments/OGDC', { name: 'Oil & Gas Dev' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.name, 'Oil & Gas Dev');
  });

  test('the same holds for a section and a calendar change', async () => {
    // The desk site already has a World section.
    const typo = await api(site, admin, 'PATCH', '/api/v1/admin/sections/world', { nmae: 'Globe' });
    assert.equal(typo.status, 400, JSON.stringify(typo.body));
    const holiday = await api(site, desk, 'POST', '/api/v1/admin/market/calendar/holidays', {
      date: '2023-02-06',
      nmae: 'Kashmir Day',
    });
    assert.equal(holiday.status, 400, JSON.stringify(holiday.body));
    const calendar = await api(site, desk, 'GET', '/api/v1/admin/market/calendar');
    assert.ok(!calendar.body.holidays.includes('2023-02-06'), 'no holiday was added');
  });
});
