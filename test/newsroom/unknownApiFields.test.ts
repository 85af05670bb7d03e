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
      assert.match(answer.body.message, /^Unknown field: (sharesOutstandng|nmae)\. Nothing was changed\.$/);
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

  test('every family of the newsroom API judges its body alike: each misspelt field named, nothing changed', async () => {
    const articlesBefore = await api(site, admin, 'GET', '/api/v1/admin/articles');
    assert.equal(articlesBefore.status, 200, JSON.stringify(articlesBefore.body));
    const attempts: [string, string, Record<string, unknown>][] = [
      ['POST', '/api/v1/admin/articles', { headline: 'A story', hedline: 'x', sumary: 'y' }],
      ['PATCH', '/api/v1/admin/tags/testing', { nmae: 'Tested' }],
      ['PUT', '/api/v1/admin/print/2023-01-31', { pgaes: [] }],
      ['POST', '/api/v1/admin/comments/bans', { adress: '203.0.113.9' }],
      ['POST', '/api/v1/admin/users/invitations', { emial: 'new@example.com', role: 'writer' }],
      ['PUT', '/api/v1/admin/front-page', { laed: 1 }],
      ['PATCH', '/api/v1/admin/media/1', { captoin: 'x' }],
    ];
    for (const [method, url, body] of attempts) {
      const answer = await api(site, admin, method, url, body);
      assert.equal(answer.status, 400, `${method} ${url}: ${JSON.stringify(answer.body)}`);
      const unknown = Object.keys(body).filter((field) => !['headline', 'role'].includes(field));
      const plural = unknown.length > 1 ? 's' : '';
      assert.equal(answer.body.message, `Unknown field${plural}: ${unknown.join(', ')}. Nothing was changed.`, url);
      assert.deepEqual(
        answer.body.details,
        unknown.map((field) => ({ field, message: 'is not a field of this request' })),
        url,
      );
    }
    assert.deepEqual(await api(site, admin, 'GET', '/api/v1/admin/articles'), articlesBefore);
  });

  test('a misspelt field inside the body (a page of the print layout) is refused the same way', async () => {
    const url = '/api/v1/admin/print/2023-01-31';
    const before = await api(site, admin, 'GET', url);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    const answer = await api(site, admin, 'PUT', url, {
      pages: [
        { page: 1, articleIds: [] },
        { page: 2, lable: 'Business', articleIds: [], artcleIds: [1] },
      ],
    });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.message, 'Unknown fields: pages.1.lable, pages.1.artcleIds. Nothing was changed.');
    assert.deepEqual(
      answer.body.details.map((detail: { field: string }) => detail.field),
      ['pages.1.lable', 'pages.1.artcleIds'],
    );
    assert.deepEqual(await api(site, admin, 'GET', url), before);
    const saved = await api(site, admin, 'PUT', url, { pages: [{ page: 2, label: 'Business', articleIds: [] }] });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  });

  test('a body with no unknown field is still judged as before: a missing field is a 400 naming it', async () => {
    const answer = await api(site, admin, 'POST', '/api/v1/admin/market/calendar/holidays', {});
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.doesNotMatch(answer.body.message, /Unknown field/);
    assert.ok(answer.body.details.some((detail: { field: string }) => detail.field === 'date'));
  });
});
