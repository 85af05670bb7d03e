import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { openDatabase } from '../../src/store/connect.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { checkHtml, describeHtmlMessages, type HtmlDocument } from '../support/htmlChecker.js';
import type { Browser } from './adminSite.js';
import { type DeskSite, startDeskSite } from './marketDeskFixture.js';

/** Posts a desk form with the CSRF token of the page it sits on. */
async function submit(browser: Browser, page: string, action: string, form: Record<string, string>) {
  const token = await browser.csrfToken(page);
  return browser.post(action, { _csrf: token, ...form });
}

async function quotes(site: DeskSite) {
  return (await (await fetch(`${site.baseUrl}/api/v1/market/quotes`)).json()) as {
    quotes: { symbol: string; name: string; ldcp: string; last: string; ticker: string }[];
  };
}

const indexValues = (site: DeskSite) => site.app.market.snapshot().indices.map((index) => [index.code, index.value]);

describe('the market desk in the browser (forms, no script)', () => {
  let site: DeskSite;
  let desk: Browser;
  const documents: HtmlDocument[] = [];
  const keep = async (name: string, response: Response) => {
    const html = await response.text();
    documents.push({ name, html });
    return html;
  };

  before(async () => {
    site = await startDeskSite();
    desk = await site.signedIn('market-desk');
  });
  after(() => site.close());

  test('a bad listing comes back as 422 with every problem marked, and nothing is listed', async () => {
    const version = site.app.market.version;
    const response = await submit(desk, '/admin/market/instruments', '/admin/market/instruments', {
      symbol: 'new co',
      name: '',
      sector: 'Textile Composite',
      sharesOutstanding: '12.5',
      freeFloat: '120',
      ldcp: 'abc',
    });
    assert.equal(response.status, 422);
    const html = await keep('listing-refused', response);
    for (const message of [
      'Symbol must be letters and digits',
      'Company name is required.',
      'Shares outstanding must be a whole number.',
      'Free float must be between 0 % and 100 %.',
      'LDCP must be rupees with at most two decimals',
    ]) {
      assert.ok(html.includes(message), message);
    }
    assert.match(html, /id="list-freeFloat"[^>]*aria-invalid="true"/);
    assert.match(html, /value="Textile Composite"/, 'what was typed is kept');
    assert.equal(site.app.market.version, version);
    assert.equal(site.app.market.symbols().length, 30);
  });

  test('listing an instrument quotes it at once, untraded at its LDCP, and is audited', async () => {
    const response = await submit(desk, '/admin/market/instruments', '/admin/market/instruments', {
      symbol: 'NEWCO',
      name: 'New Company Limited',
      sector: 'Textile Composite',
      sharesOutstanding: '250,000,000',
      freeFloat: '30',
      ldcp: '50.00',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/market/instruments/NEWCO?notice=listed');
    const page = await keep('instrument-edit', await desk.get('/admin/market/instruments/NEWCO?notice=listed'));
    assert.match(page, /Instrument listed/);
    const listed = (await quotes(site)).quotes.find((q) => q.symbol === 'NEWCO');
    assert.equal(listed?.ldcp, '50.00');
    assert.equal(listed?.last, '50.00');
    assert.equal(listed?.name, 'New Company Limited');
    const again = await submit(desk, '/admin/market/instruments', '/admin/market/instruments', {
      symbol: 'NEWCO',
      name: 'Twice',
      sector: 'Textile Composite',
      sharesOutstanding: '1',
      freeFloat: '30',
      ldcp: '1.00',
    });
    assert.equal(again.status, 422);
    assert.match(await again.text(), /NEWCO is already listed/);
  });

  test('new shares and free float for a constituent change the instrument, not any index’s holdings', async () => {
    const before = indexValues(site);
    const held = (code: string) => site.app.market.indexConstituents(code)?.find((c) => c.symbol === 'OGDC');
    const holdings = ['BR100', 'BR30', 'KSE100', 'KSE30'].map(held);
    const response = await submit(desk, '/admin/market/instruments/OGDC', '/admin/market/instruments/OGDC', {
      name: 'Oil & Gas Development Company Limited',
      sector: 'Oil & Gas Exploration Companies',
      sharesOutstanding: '4,400,000,000',
      freeFloat: '15.5',
    });
    assert.equal(response.status, 303);
    assert.deepEqual(indexValues(site), before);
    assert.deepEqual(['BR100', 'BR30', 'KSE100', 'KSE30'].map(held), holdings);
    assert.equal(site.app.market.instrument('OGDC')?.sharesOutstanding, 4_400_000_000);
    assert.equal(site.app.market.instrument('OGDC')?.freeFloat, 1550);
    const refused = await submit(desk, '/admin/market/instruments/OGDC', '/admin/market/instruments/OGDC', {
      name: 'Oil & Gas Development Company Limited',
      sector: '',
      sharesOutstanding: '0',
      freeFloat: '15.5',
    });
    assert.equal(refused.status, 422);
    assert.equal(site.app.market.instrument('OGDC')?.sharesOutstanding, 4_400_000_000);
  });

  test('an FX rate from the form is on the public FX API with its change from the previous day', async () => {
    const response = await submit(desk, '/admin/market/fx', '/admin/market/fx', {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '270.50',
      selling: '',
      date: '2023-01-31',
      time: '13:30',
      source: 'SBP',
    });
    assert.equal(response.status, 303);
    const fx = (await (await fetch(`${site.baseUrl}/api/v1/market/fx`)).json()) as {
      rates: { pair: string; market: string; buying: string; buyingChange: string; source: string }[];
    };
    const usd = fx.rates.find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
    assert.equal(usd?.buying, '270.50');
    assert.equal(usd?.buyingChange, '1.89', 'against the previous close of 268.61');
    assert.equal(usd?.source, 'SBP');
    const page = await keep('fx', await desk.get('/admin/market/fx?notice=rate'));
    assert.match(page, /270\.50/);
    const refused = await submit(desk, '/admin/market/fx', '/admin/market/fx', {
      pair: 'USD/PKR',
      market: 'open',
      buying: '275.00',
      selling: '272.00',
      date: '2023-01-31',
      time: '25:00',
      source: 'ECAP',
    });
    assert.equal(refused.status, 422);
    const html = await keep('fx-refused', refused);
    assert.match(html, /selling rate must not be below the buying rate/);
    assert.match(html, /Time must read HH:MM/);
    assert.equal(site.app.market.fxRates().find((r) => r.pair === 'USD/PKR' && r.market === 'open')?.buying, 26_700);
  });

  test('a USD/PKR rate 6.9 % off the last one is held for confirmation, then recorded when confirmed', async () => {
    const interbank = () => site.app.market.fxRates().find((r) => r.pair === 'USD/PKR' && r.market === 'interbank');
    const before = interbank()?.buying;
    const rate = {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '289.20',
      selling: '',
      date: '2023-01-31',
      time: '14:00',
      source: 'SBP',
    };
    const held = await submit(desk, '/admin/market/fx', '/admin/market/fx', rate);
    assert.equal(held.status, 422);
    const html = await keep('fx-jump', held);
    assert.match(html, /This is \d+\.\d % above the last rate/);
    assert.match(html, /name="confirmJump"/);
    assert.equal(interbank()?.buying, before, 'nothing recorded before the desk confirms');
    const confirmed = await submit(desk, '/admin/market/fx', '/admin/market/fx', { ...rate, confirmJump: 'yes' });
    assert.equal(confirmed.status, 303);
    assert.equal(interbank()?.buying, 28_920);
  });

  test('a corporate action shows its ex-price first, and applies only when confirmed', async () => {
    const form = { type: 'bonus', symbol: 'NEWCO', exDate: '2023-01-31', bonusPercent: '25' };
    const preview = await submit(desk, '/admin/market/corporate-actions', '/admin/market/corporate-actions', {
      ...form,
      step: 'preview',
    });
    assert.equal(preview.status, 200);
    const html = await keep('action-preview', preview);
    assert.match(html, /Ex-price \(PSX formula\)<\/dt><dd>Rs 40\.00<\/dd>/);
    assert.match(html, /250,000,000 → 312,500,000/);
    assert.equal(site.app.market.quote('NEWCO')?.ldcp, 5000, 'a preview changes nothing');
    const confirmed = await submit(desk, '/admin/market/corporate-actions', '/admin/market/corporate-actions', {
      ...form,
      step: 'confirm',
    });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/admin/market/corporate-actions?notice=applied');
    const newco = (await quotes(site)).quotes.find((q) => q.symbol === 'NEWCO');
    assert.equal(newco?.ldcp, '40.00');
    assert.equal(newco?.ticker, 'NEWCO 40.00 No Change ▼ 0.00 (0%)');
    assert.equal(site.app.market.instrument('NEWCO')?.sharesOutstanding, 312_500_000);
    const list = await keep('actions', await desk.get('/admin/market/corporate-actions?notice=applied'));
    assert.match(list, /NEWCO<\/td><td>25 % bonus<\/td><td>2023-01-31/);

    const tooBig = await submit(desk, '/admin/market/corporate-actions', '/admin/market/corporate-actions', {
      type: 'cashDividend',
      symbol: 'NEWCO',
      exDate: '2023-01-31',
      dividend: '40.00',
      step: 'confirm',
    });
    assert.equal(tooBig.status, 422);
    // Every demo stock has traded today, so an action for today must wait for its ex-date.
    const traded = await submit(desk, '/admin/market/corporate-actions', '/admin/market/corporate-actions', {
      type: 'cashDividend',
      symbol: 'HUBC',
      exDate: '2023-01-31',
      dividend: '5.00',
      step: 'confirm',
    });
    assert.equal(traded.status, 422);
    assert.match(await traded.text(), /HUBC has traded today/);
    assert.equal(site.app.market.quote('NEWCO')?.ldcp, 4000);
  });

  test('a recomposition is scheduled for a later date and listed as pending', async () => {
    const today = await submit(desk, '/admin/market/indices/KSE30', '/admin/market/indices/KSE30/recompositions', {
      add: 'NEWCO',
      remove: 'KEL',
      effective: '2023-01-31',
    });
    assert.equal(today.status, 422);
    assert.match(await today.text(), /must be after today/);
    const unknown = await submit(desk, '/admin/market/indices/KSE30', '/admin/market/indices/KSE30/recompositions', {
      add: 'NOSUCH, AVN',
      effective: '2023-02-01',
    });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /NOSUCH is not listed/);
    assert.equal(site.app.market.scheduledRecompositions().length, 0);
    const token = await desk.csrfToken('/admin/market/indices/KSE30');
    const body = new URLSearchParams([
      ['_csrf', token],
      ['add', 'NEWCO'],
      ['remove', 'KEL'],
      ['remove', 'SNGP'],
      ['effective', '2023-02-01'],
    ]).toString();
    const scheduled = await desk.request('POST', '/admin/market/indices/KSE30/recompositions', body, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    assert.equal(scheduled.status, 303);
    const [pending] = site.app.market.scheduledRecompositions();
    assert.equal(pending?.effective, '2023-02-01');
    assert.deepEqual(pending?.constituents.map((c) => c.symbol).sort(), [
      'BAFL',
      'DGKC',
      'EPCL',
      'FCCL',
      'HUBC',
      'KAPCO',
      'LOTCHEM',
      'MLCF',
      'NEWCO',
      'OGDC',
      'PPL',
      'TRG',
      'UNITY',
    ]);
    const page = await keep('index', await desk.get('/admin/market/indices/KSE30?notice=scheduled'));
    assert.match(page, /Recomposition scheduled/);
    assert.match(page, /2023-02-01/);
    await keep('indices', await desk.get('/admin/market/indices'));
  });

  test('holidays are added and removed from the calendar page', async () => {
    const added = await submit(desk, '/admin/market/calendar', '/admin/market/calendar/holidays', {
      date: '2023-02-06',
    });
    assert.equal(added.status, 303);
    assert.deepEqual(site.app.market.calendar?.holidays, ['2023-02-06']);
    const twice = await submit(desk, '/admin/market/calendar', '/admin/market/calendar/holidays', {
      date: '2023-02-06',
    });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /already a holiday/);
    const bad = await submit(desk, '/admin/market/calendar', '/admin/market/calendar/holidays', { date: '2023-02-30' });
    assert.equal(bad.status, 422);
    const page = await keep('calendar', await desk.get('/admin/market/calendar?notice=added'));
    assert.match(page, /2023-02-06/);
    assert.match(page, /Market open/);
    const removed = await submit(desk, '/admin/market/calendar', '/admin/market/calendar/holidays/remove', {
      date: '2023-02-06',
    });
    assert.equal(removed.status, 303);
    assert.deepEqual(site.app.market.calendar?.holidays, []);
  });

  test('closing the day needs the confirmation, then reports bars, actions and recompositions', async () => {
    const unconfirmed = await submit(desk, '/admin/market', '/admin/market/close-day', { date: '2023-01-31' });
    assert.equal(unconfirmed.status, 422);
    assert.equal(site.app.market.lastClosedDate, null);
    const kse30 = site.app.market.snapshot().indices.find((i) => i.code === 'KSE30')?.value;
    const closed = await submit(desk, '/admin/market', '/admin/market/close-day', {
      date: '2023-01-31',
      confirm: 'yes',
    });
    assert.equal(closed.status, 200);
    const html = await keep('day-closed', closed);
    assert.match(html, /2023-01-31 closed/);
    assert.match(html, /Bars written: 31 stocks, 4 indices/);
    assert.match(html, /Next trading day: 2023-02-01/);
    assert.match(html, /Recompositions applied: 1 \(KSE30\)/);
    assert.equal(site.app.market.lastClosedDate, '2023-01-31');
    const after = site.app.market.snapshot().indices.find((i) => i.code === 'KSE30');
    assert.equal(after?.previousClose, kse30, 'the recomposed index opens where it closed');
    assert.equal(after?.value, kse30);
    assert.ok(site.app.market.indexConstituents('KSE30')?.some((c) => c.symbol === 'NEWCO'));
    const again = await submit(desk, '/admin/market', '/admin/market/close-day', {
      date: '2023-01-31',
      confirm: 'yes',
    });
    assert.equal(again.status, 422);
    assert.match(await again.text(), /is not after the last closed day/);
    await keep('overview', await desk.get('/admin/market'));
    await keep('instruments', await desk.get('/admin/market/instruments'));
  });

  test('every change is in the audit log under the person who made it', async () => {
    const opened = await openDatabase({ kind: 'sqlite', path: site.file });
    try {
      const entries = await listAudit(opened.db, { limit: 100 });
      const market = entries.filter((entry) => entry.action.startsWith('market.')).map((entry) => entry.action);
      assert.deepEqual(market.reverse(), [
        'market.list',
        'market.amend',
        'market.fx',
        // The far-off rate, recorded once confirmed.
        'market.fx',
        'market.corporate-action',
        'market.recompose',
        'market.calendar',
        'market.calendar',
        'market.close-day',
      ]);
      const amend = entries.find((entry) => entry.action === 'market.amend');
      assert.equal(amend?.actor.name.startsWith('market-desk'), true);
      assert.deepEqual(amend?.details, {
        before: { sharesOutstanding: 4_300_000_000, freeFloat: 1500 },
        after: { sharesOutstanding: 4_400_000_000, freeFloat: 1550 },
      });
    } finally {
      await opened.close();
    }
  });

  test('every desk page is valid HTML (Nu HTML checker)', { skip: skipUnlessAvailable(['java']) }, async () => {
    requireTools(['java']);
    const messages = await checkHtml(documents);
    const errors = messages.filter((message) => message.type !== 'info');
    assert.deepEqual(errors, [], `Nu HTML checker errors:\n${describeHtmlMessages(errors)}`);
  });
});
