import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { openDatabase } from '../../src/store/connect.js';
import { api, type DeskSite, startDeskSite } from './marketDeskFixture.js';

// Issue 16: a recorded corporate action waiting for its ex-date can be
// withdrawn or amended (page and API, audited, kept across a restart); an
// applied one cannot, and says what to do instead.

const ACTIONS = '/api/v1/admin/market/corporate-actions';

describe('withdrawing and amending a waiting corporate action', () => {
  let site: DeskSite;
  let token: string;
  before(async () => {
    site = await startDeskSite();
    token = await site.token('market-desk');
  });
  after(() => site.close());

  const pending = () => site.app.market.pendingCorporateActions().map((a) => `${a.symbol} ${a.type} ${a.exDate}`);
  const listed = async () => (await api(site, token, 'GET', ACTIONS)).body;

  test('through the JSON API: withdraw and amend by key, refusals change nothing, audited', async () => {
    const bonus = { type: 'bonus', symbol: 'HUBC', exDate: '2023-02-01', bonusBasisPoints: 2500 };
    assert.deepEqual(await api(site, token, 'POST', ACTIONS, bonus), { status: 200, body: { status: 'scheduled' } });
    const [waiting] = (await listed()).pending;
    assert.equal(typeof waiting.key, 'string');

    const wrongKey = await api(site, token, 'POST', `${ACTIONS}/withdraw`, { key: '{}', reason: 'x' });
    assert.equal(wrongKey.status, 404);
    const otherStock = await api(site, token, 'POST', `${ACTIONS}/amend`, {
      key: waiting.key,
      action: { ...bonus, symbol: 'OGDC' },
    });
    assert.equal(otherStock.status, 422);
    assert.deepEqual(pending(), ['HUBC bonus 2023-02-01']);

    const amended = await api(site, token, 'POST', `${ACTIONS}/amend`, {
      key: waiting.key,
      action: { ...bonus, bonusBasisPoints: 2000, exDate: '2023-02-02' },
    });
    assert.deepEqual(amended, { status: 200, body: { status: 'amended' } });
    assert.deepEqual(pending(), ['HUBC bonus 2023-02-02']);
    const [replacement] = site.app.market.pendingCorporateActions();
    assert.equal(replacement?.type === 'bonus' && replacement.bonusBasisPoints, 2000);

    const afterAmend = await listed();
    assert.deepEqual(
      afterAmend.recorded.map((r: { exDate: string; status: string }) => `${r.exDate} ${r.status}`),
      ['2023-02-02 pending', '2023-02-01 amended'],
    );
    const withdrawn = await api(site, token, 'POST', `${ACTIONS}/withdraw`, {
      key: afterAmend.pending[0].key,
      reason: 'The board deferred the bonus.',
    });
    assert.deepEqual(withdrawn, { status: 200, body: { status: 'withdrawn' } });
    assert.deepEqual(pending(), []);
    assert.equal((await listed()).recorded[0].status, 'withdrawn');

    const opened = await openDatabase({ kind: 'sqlite', path: site.file });
    try {
      const audits = (await listAudit(opened.db, { limit: 50 })).map((entry) => entry.action);
      assert.ok(audits.includes('market.corporate-action-amend'));
      assert.equal(audits[0], 'market.corporate-action-withdraw');
      const [latest] = await listAudit(opened.db, { limit: 1 });
      assert.equal(latest?.details.reason, 'The board deferred the bonus.');
    } finally {
      await opened.close();
    }

    // Kept across a restart: the log replays the withdrawal.
    await site.restart();
    token = await site.token('market-desk');
    assert.deepEqual(pending(), []);
  });

  test('from the page: withdraw needs a reason; amend starts from the figures; an applied action has no forms', async () => {
    const dividend = { type: 'cashDividend', symbol: 'OGDC', exDate: '2023-02-01', dividend: '2.50' };
    assert.equal((await api(site, token, 'POST', ACTIONS, dividend)).status, 200);
    const desk = await site.signedIn('market-desk');
    const page = await (await desk.get('/admin/market/corporate-actions')).text();
    const key = /name="key" value="([^"]+)"/.exec(page)?.[1]?.replaceAll('&quot;', '"');
    assert.ok(key, 'the pending action has its forms');

    const csrf = await desk.csrfToken('/admin/market/corporate-actions');
    const noReason = await desk.post('/admin/market/corporate-actions/withdraw', { _csrf: csrf, key, reason: ' ' });
    assert.equal(noReason.status, 422);
    assert.deepEqual(pending(), ['OGDC cashDividend 2023-02-01']);

    const amendForm = await desk.post('/admin/market/corporate-actions/amend', { _csrf: csrf, key });
    assert.equal(amendForm.status, 200);
    const amendHtml = await amendForm.text();
    assert.match(amendHtml, /Amend a waiting action/);
    assert.match(amendHtml, /name="dividend"[^>]*value="2.50"|value="2.50"[^>]*name="dividend"/);
    const confirmed = await desk.post('/admin/market/corporate-actions', {
      _csrf: csrf,
      type: 'cashDividend',
      symbol: 'OGDC',
      exDate: '2023-02-01',
      dividend: '3.00',
      replaces: key,
      step: 'confirm',
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/admin/market/corporate-actions?notice=amended');
    const [now] = site.app.market.pendingCorporateActions();
    assert.equal(now?.type === 'cashDividend' && now.dividend, 300);

    const newKey = /name="key" value="([^"]+)"/
      .exec(await (await desk.get('/admin/market/corporate-actions')).text())?.[1]
      ?.replaceAll('&quot;', '"');
    const gone = await desk.post('/admin/market/corporate-actions/withdraw', {
      _csrf: csrf,
      key: newKey ?? '',
      reason: 'Announced in error.',
    });
    assert.equal(gone.status, 303);
    assert.deepEqual(pending(), []);
    const again = await desk.post('/admin/market/corporate-actions/withdraw', {
      _csrf: csrf,
      key: newKey ?? '',
      reason: 'Twice.',
    });
    assert.equal(again.status, 404);
    assert.match(await again.text(), /record the correcting action instead/);
  });
});
