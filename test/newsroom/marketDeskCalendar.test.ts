import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from './adminSite.js';
import { api, type DeskSite, startDeskSite } from './marketDeskFixture.js';

// The fixture's clock: Tuesday 31 Jan 2023, 13:00 in Karachi, inside the regular 09:30–15:30 session.
const TODAY = '2023-01-31';

async function submit(browser: Browser, action: string, form: Record<string, string>) {
  const token = await browser.csrfToken('/admin/market/calendar');
  return browser.post(action, { _csrf: token, ...form });
}

function phaseNow(site: DeskSite): string | undefined {
  return site.app.market.snapshot().status?.phase;
}

describe('special schedules (Ramadan hours) from the market desk', () => {
  let site: DeskSite;
  before(async () => {
    site = await startDeskSite();
  });
  after(() => site.close());

  test('the calendar page sets one for today and the market follows it at once; removing it restores the week', async () => {
    const desk = await site.signedIn('market-desk');
    assert.equal(phaseNow(site), 'open');

    const refused = await submit(desk, '/admin/market/calendar/special-schedules', {
      date: TODAY,
      openStart: '09:30',
      closeAt: '25:00',
    });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /Close at must read HH:MM/);
    assert.deepEqual(site.app.market.calendar?.specialSchedules ?? {}, {});

    const set = await submit(desk, '/admin/market/calendar/special-schedules', {
      date: TODAY,
      preOpenStart: '09:15',
      openStart: '09:30',
      closeAt: '12:30',
      postCloseStart: '12:35',
      postCloseEnd: '12:50',
    });
    assert.equal(set.status, 303);
    assert.equal(set.headers.get('location'), '/admin/market/calendar?notice=special');
    assert.equal(phaseNow(site), 'closed', 'at 13:00 a day that closed at 12:50 is over');
    const page = await (await desk.get('/admin/market/calendar?notice=special')).text();
    assert.match(page, /Special schedule set/);
    assert.match(page, /2023-01-31<\/th><td>pre-open 09:15–09:30, open 09:30–12:30, post-close 12:35–12:50/);

    await site.restart();
    assert.equal(phaseNow(site), 'closed', 'the schedule is logged and replayed');

    const again = await site.signedIn('market-desk');
    const removed = await submit(again, '/admin/market/calendar/special-schedules/remove', { date: TODAY });
    assert.equal(removed.status, 303);
    assert.equal(phaseNow(site), 'open');
    const missing = await submit(again, '/admin/market/calendar/special-schedules/remove', { date: TODAY });
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /has no special schedule/);
  });

  test('the JSON API sets and removes one; overlapping periods are a 422 and change nothing', async () => {
    const token = await site.token('market-desk');
    const path = '/api/v1/admin/market/calendar/special-schedules';
    const overlapping = await api(site, token, 'POST', path, {
      date: '2023-02-03',
      periods: [
        { phase: 'open', start: '09:30', end: '12:00' },
        { phase: 'break', start: '11:30', end: '14:00' },
      ],
    });
    assert.equal(overlapping.status, 422);
    assert.match(overlapping.body.message, /overlaps/);
    assert.equal((await api(site, token, 'POST', path, { date: '2023-02-03', periods: [] })).status, 400);

    const set = await api(site, token, 'POST', path, {
      date: '2023-02-04',
      periods: [{ phase: 'open', start: '10:00', end: '12:00' }],
    });
    assert.equal(set.status, 201);
    assert.deepEqual(set.body.specialSchedules['2023-02-04'], {
      periods: [{ phase: 'open', start: '10:00', end: '12:00' }],
    });
    assert.equal((await api(site, token, 'DELETE', `${path}/2023-02-04`)).status, 200);
    assert.equal((await api(site, token, 'DELETE', `${path}/2023-02-04`)).status, 404);
    assert.deepEqual(site.app.market.calendar?.specialSchedules, {});
  });
});
