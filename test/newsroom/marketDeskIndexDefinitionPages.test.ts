import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { openDatabase } from '../../src/store/connect.js';
import { eventuallyText } from '../support/scaledOutSite.js';
import type { Browser } from './adminSite.js';
import { type DeskSite, postUploadForm, startDeskSite } from './marketDeskFixture.js';

const history = readFileSync(new URL('../market/fixtures/KSE100 Historical Data.csv', import.meta.url));

/** Posts a desk form with the CSRF token of the page it sits on. */
async function submit(browser: Browser, page: string, action: string, form: Record<string, string>) {
  const token = await browser.csrfToken(page);
  return browser.post(action, { _csrf: token, ...form });
}

const DEFINITION = {
  code: 'BR5',
  name: 'Broadsheet Five',
  weighting: 'free-float',
  returnType: 'price',
  baseDate: '2023-01-31',
  baseValue: '1000',
  startLevel: '',
  maxWeight: '',
  constituents: 'OGDC\nHUBC, 1297154388, 37.5\nDGKC\nMLCF\nBAFL',
};

const indexCodes = (site: DeskSite) => site.app.market.snapshot().indices.map((index) => index.code);
const publicMarkets = async (site: DeskSite) => (await fetch(`${site.baseUrl}/markets`)).text();

async function auditActions(site: DeskSite): Promise<string[]> {
  const opened = await openDatabase({ kind: 'sqlite', path: site.file });
  try {
    return (await listAudit(opened.db, { limit: 100 })).map((entry) => entry.action);
  } finally {
    await opened.close();
  }
}

describe('the market desk defines, recomposes and withdraws indices through its pages', () => {
  let site: DeskSite;
  let desk: Browser;
  before(async () => {
    site = await startDeskSite();
    desk = await site.signedIn('market-desk');
  });
  after(() => site.close());

  test('a refused definition is a 4xx naming each problem, keeps what was typed, and changes nothing', async () => {
    const version = site.app.market.version;
    const bad = await submit(desk, '/admin/market/indices', '/admin/market/indices', {
      ...DEFINITION,
      baseValue: 'a thousand',
      constituents: 'OGDC\nNOPE\nHUBC, 4,300,928,600, 15',
    });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    assert.match(html, /Base value must be a level with at most two decimals/);
    assert.match(html, /Line 3: write a member as SYMBOL, shares, free float %/);
    assert.match(html, /id="define-baseValue"[^>]*aria-invalid="true"/);
    assert.match(html, /value="a thousand"/, 'the typed base value is kept');
    assert.match(html, /value="Broadsheet Five"/, 'the typed name is kept');
    assert.match(html, /OGDC\nNOPE\nHUBC, 4,300,928,600, 15<\/textarea>/, 'the typed members are kept');
    assert.match(html, /href="#define-constituents"/);

    const unknown = await submit(desk, '/admin/market/indices', '/admin/market/indices', {
      ...DEFINITION,
      constituents: 'OGDC\nNOPE',
    });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /line 2 \(NOPE\): NOPE is not listed\./);

    const taken = await submit(desk, '/admin/market/indices', '/admin/market/indices', {
      ...DEFINITION,
      code: 'KSE30',
    });
    assert.equal(taken.status, 409);
    assert.match(await taken.text(), /KSE30 is already defined\./);
    assert.equal(site.app.market.version, version);
    assert.ok(!indexCodes(site).includes('BR5'));
  });

  test('a definition through the form is computed at once, shown on /markets, and audited', async () => {
    const response = await submit(desk, '/admin/market/indices', '/admin/market/indices', DEFINITION);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/market/indices/BR5?notice=defined');
    const page = await (await desk.get('/admin/market/indices/BR5?notice=defined')).text();
    assert.match(page, /Index defined/);
    assert.match(page, /5 constituents/);
    assert.match(page, /Weighted by free-float market capitalisation, price index, base 1,000\.00 on 2023-01-31/);
    const index = site.app.market.snapshot().indices.find((view) => view.code === 'BR5');
    assert.equal(index?.previousClose, 100_000, 'an index started today stands at its base value on the last closes');
    assert.deepEqual(
      site.app.market.indexConstituents('BR5')?.find((member) => member.symbol === 'HUBC'),
      { symbol: 'HUBC', shares: 1_297_154_388, freeFloat: 3750 },
    );
    assert.match(await publicMarkets(site), /Broadsheet Five/);
    assert.ok((await auditActions(site)).includes('market.index-define'));
    const list = await (await desk.get('/admin/market/indices')).text();
    assert.match(list, /href="\/admin\/market\/indices\/BR5">BR5</);
  });

  test('new constituents of a computed index are scheduled for their date', async () => {
    const page = '/admin/market/indices/BR5';
    const past = await submit(desk, page, `${page}/constituents`, { constituents: 'OGDC', effective: '2023-01-31' });
    assert.equal(past.status, 422);
    const pastHtml = await past.text();
    assert.match(pastHtml, /The effective date must be after today \(2023-01-31\)/);
    assert.match(pastHtml, />OGDC<\/textarea>/);
    assert.equal(site.app.market.scheduledRecompositions().length, 0);

    const response = await submit(desk, page, `${page}/constituents`, {
      constituents: 'OGDC\nHUBC\nDGKC\nMLCF\nBAFL\nKEL',
      effective: '2023-02-01',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${page}?notice=scheduled`);
    const [scheduled] = site.app.market.scheduledRecompositions();
    assert.equal(scheduled?.code, 'BR5');
    assert.equal(scheduled?.effective, '2023-02-01');
    assert.equal(scheduled?.constituents.length, 6);
    assert.equal(site.app.market.indexConstituents('BR5')?.length, 5, 'the present members count until then');
  });

  test('an index defined without members shows the exchange’s figures, takes its history, then members', async () => {
    const defined = await submit(desk, '/admin/market/indices', '/admin/market/indices', {
      ...DEFINITION,
      code: 'PSXALL',
      name: 'PSX All Share',
      constituents: '',
    });
    assert.equal(defined.status, 303);
    assert.equal(defined.headers.get('location'), '/admin/market/indices/PSXALL?notice=published');
    assert.ok(!indexCodes(site).includes('PSXALL'));
    const list = await (await desk.get('/admin/market/indices')).text();
    assert.match(list, /PSX All Share<\/td>\s*<td>Exchange figures only<\/td>/);
    assert.match(list, /href="\/admin\/market\/indices\/PSXALL#history-heading">import its history</);

    const page = '/admin/market/indices/PSXALL';
    const deskPage = await desk.get(page);
    assert.equal(deskPage.status, 200);
    const html = await deskPage.text();
    assert.match(html, /Exchange figures only/);
    assert.match(html, /id="members-startLevel"/);
    assert.doesNotMatch(html, /id="members-effective"/);

    // Without history there is no official close to continue from: the level must be given.
    const noLevel = await submit(desk, page, `${page}/constituents`, { constituents: 'OGDC\nHUBC', startLevel: '' });
    assert.equal(noLevel.status, 422);
    assert.match(await noLevel.text(), /PSXALL has no imported history to continue from/);

    const missing = await postUploadForm(site, desk, page, `${page}/history`, null);
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Choose a history CSV to import/);

    const imported = await postUploadForm(site, desk, page, `${page}/history`, {
      bytes: history,
      name: 'KSE100 Historical Data.csv',
    });
    assert.equal(imported.status, 200);
    const report = await imported.text();
    assert.match(report, /KSE100 Historical Data\.csv imported: \d+ of \d+ rows taken/);
    assert.match(report, /Daily history of PSXALL/);
    assert.match(report, /Latest stored close 77,965\.86 on 2024-08-05/);

    const computed = await submit(desk, page, `${page}/constituents`, { constituents: 'OGDC\nHUBC', startLevel: '' });
    assert.equal(computed.status, 303);
    assert.equal(computed.headers.get('location'), `${page}?notice=computed`);
    const index = site.app.market.snapshot().indices.find((view) => view.code === 'PSXALL');
    // The level is set on the members' last closes; the live value has moved with today's trades since.
    assert.equal(index?.previousClose, 7_796_586, 'the site’s line continues from the last official close');
  });

  test('withdrawing asks first, then takes the index off the desk and the markets pages', async () => {
    const asked = await submit(desk, '/admin/market/indices', '/admin/market/indices/BR5/withdraw', {});
    assert.equal(asked.status, 200);
    const question = await asked.text();
    assert.match(question, /Withdraw BR5: Broadsheet Five\?/);
    assert.match(question, /name="confirm" value="yes"/);
    assert.ok(indexCodes(site).includes('BR5'), 'asking changes nothing');

    const response = await submit(desk, '/admin/market/indices', '/admin/market/indices/BR5/withdraw', {
      confirm: 'yes',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/market/indices?notice=withdrawn');
    assert.ok(!indexCodes(site).includes('BR5'));
    assert.equal(site.app.market.scheduledRecompositions().length, 0, 'its pending recomposition goes with it');
    // The public page may be served from its cache until its background render catches up with the market.
    const markets = await eventuallyText(`${site.baseUrl}/markets`, (html) => !html.includes('Broadsheet Five'), 5000);
    assert.doesNotMatch(markets, /Broadsheet Five/);
    assert.equal((await desk.get('/admin/market/indices/BR5')).status, 404);
    assert.ok((await auditActions(site)).includes('market.index-withdraw'));
    const gone = await submit(desk, '/admin/market/indices', '/admin/market/indices/BR5/withdraw', { confirm: 'yes' });
    assert.equal(gone.status, 404);
  });
});

describe('the instruments page loads the listing file', () => {
  let site: DeskSite;
  let desk: Browser;
  before(async () => {
    site = await startDeskSite();
    desk = await site.signedIn('market-desk');
  });
  after(() => site.close());

  const PAGE = '/admin/market/instruments';
  const ACTION = '/admin/market/listing';
  const listing = [
    'Symbol,Name,Sector,Shares outstanding,Free float %,LDCP',
    'OGDC,Oil and Gas Development Co.,Oil & Gas Exploration Companies,"4,300,928,600",15,',
    'NEWCO,New Company Limited,Textile Composite,250000000,30,50.00',
    'LATER,Later Limited,Textile Composite,100000000,20,',
    'BAD SYMBOL,Bad,Textile,1,1,',
  ].join('\n');

  test('the report names what was updated, listed, kept and rejected, and the market takes it', async () => {
    const response = await postUploadForm(site, desk, PAGE, ACTION, {
      bytes: Buffer.from(listing),
      name: 'listing.csv',
    });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /listing\.csv loaded: 3 of 4 rows taken/);
    assert.match(html, /Listed instruments updated: 1/);
    assert.match(html, /New stocks listed: 1/);
    assert.match(html, /Kept for stocks not listed yet: 1/);
    assert.match(html, /Rows rejected: 1/);
    assert.match(html, /Line 5: /);
    assert.equal(site.app.market.instrument('OGDC')?.name, 'Oil and Gas Development Co.');
    assert.equal(site.app.market.instrument('OGDC')?.sharesOutstanding, 4_300_928_600);
    assert.equal(site.app.market.quote('NEWCO')?.ldcp, 5000);
    assert.equal(site.app.market.instrument('LATER'), undefined);
  });

  test('no file, a file without the header, or no form token: a 4xx that changes nothing', async () => {
    const version = site.app.market.version;
    const none = await postUploadForm(site, desk, PAGE, ACTION, null);
    assert.equal(none.status, 422);
    assert.match(await none.text(), /Choose a listing file to load/);
    const headless = await postUploadForm(site, desk, PAGE, ACTION, {
      bytes: Buffer.from('OGDC,Renamed,Sector,1,1\n'),
      name: 'listing.csv',
    });
    assert.equal(headless.status, 400);
    const headlessHtml = await headless.text();
    assert.match(headlessHtml, /needs a header row/);
    assert.match(headlessHtml, /id="listing-file"[^>]*aria-invalid="true"/);
    const form = new FormData();
    form.append('file', new Blob([listing]), 'listing.csv');
    const cookie = [...desk.cookies.entries()].map(([key, c]) => `${key.split('|')[0]}=${c.value}`).join('; ');
    const forged = await fetch(`${site.baseUrl}${ACTION}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie },
      body: form,
    });
    assert.equal(forged.status, 403);
    assert.equal(site.app.market.version, version);
  });
});
