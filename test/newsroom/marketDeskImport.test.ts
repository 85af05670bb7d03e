import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { MAX_LISTED_PROBLEMS } from '../../src/ingest/importRows.js';
import { openDatabase } from '../../src/store/connect.js';
import { zerosGzip, zerosZip } from '../market/bombFixture.js';
import { zipOf } from '../market/zipFixture.js';
import type { Browser } from './adminSite.js';
import { type DeskSite, type Json, startDeskSite } from './marketDeskFixture.js';

const IMPORTS = '/api/v1/admin/market/imports';
const closing = readFileSync(new URL('../market/fixtures/closing11.lis', import.meta.url));
const history = readFileSync(new URL('../market/fixtures/KSE100 Historical Data.csv', import.meta.url));
// The fixture's day is 31 Dec 2021; the desk site's live day is Tuesday 31 Jan 2023.
const closingToday = Buffer.from(closing.toString('latin1').replaceAll('31DEC2021', '31JAN2023'), 'latin1');
const malformed = Buffer.from(
  '31DEC2021|OGDC|0820|Oil & Gas Dev.|8x.20|87.30|84.15|86.20|3368560|84.94|||\r\n'.repeat(100_000),
  'latin1',
);
const MB = 1024 * 1024;

/** Rows the site has stored: what an import would add to, and a refused one must leave as it was. */
async function stored(site: DeskSite): Promise<Record<string, number>> {
  const opened = await openDatabase({ kind: 'sqlite', path: site.file });
  try {
    const market = opened.db;
    const rows = async (query: { execute(): Promise<unknown[]> }) => (await query.execute()).length;
    return {
      bars: await rows(market.selectFrom('daily_bars').select('code')),
      events: await rows(market.selectFrom('market_events').select('position')),
      instruments: await rows(market.selectFrom('market_instruments').select('symbol')),
      audit: await rows(opened.db.selectFrom('audit_log').select('id')),
    };
  } finally {
    await opened.close();
  }
}

async function upload(
  site: DeskSite,
  token: string | null,
  query: string,
  bytes: Buffer,
  type = 'application/octet-stream',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${site.baseUrl}${IMPORTS}${query}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

async function quote(site: DeskSite, symbol: string): Promise<Json> {
  const body = (await (await fetch(`${site.baseUrl}/api/v1/market/quotes?symbols=${symbol}`)).json()) as Json;
  return body.quotes[0];
}

describe('a closing file uploaded to the running server', () => {
  let site: DeskSite;
  let token: string;
  before(async () => {
    site = await startDeskSite();
    token = await site.token('market-desk');
  });
  after(() => site.close());

  test('needs a market-desk token; anything else changes nothing', async () => {
    const before = await quote(site, 'OGDC');
    assert.equal((await upload(site, null, '?name=closing11.lis', closing)).status, 401);
    assert.equal((await upload(site, await site.token('market-feed'), '?name=closing11.lis', closing)).status, 403);
    assert.deepEqual(await quote(site, 'OGDC'), before);
  });

  test('a damaged or empty file is a 400 naming the problem, and changes nothing', async () => {
    const before = await quote(site, 'OGDC');
    const damaged = await upload(site, token, '?name=closing.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    assert.equal(damaged.status, 400);
    assert.match(damaged.body.message, /gzip|damaged|read/i);
    const empty = await upload(site, token, '?name=closing11.lis', Buffer.alloc(0));
    assert.equal(empty.status, 400);
    const noRows = await upload(site, token, '?format=closing', Buffer.from('31DEC2021|SHORT|0820|Too few\r\n'));
    assert.equal(noRows.status, 422);
    assert.deepEqual(await quote(site, 'OGDC'), before);
  });

  test('a file dated after the live day is refused, even with force, and changes nothing', async () => {
    // The desk site's live day is Tuesday 31 Jan 2023; Wednesday's file cannot have been published yet.
    const tomorrow = Buffer.from(closing.toString('latin1').replaceAll('31DEC2021', '01FEB2023'), 'latin1');
    const before = await quote(site, 'OGDC');
    const kept = await stored(site);
    for (const query of ['?name=closing11.lis', '?name=closing11.lis&force=true']) {
      const answer = await upload(site, token, query, tomorrow);
      assert.equal(answer.status, 422, JSON.stringify(answer.body));
      assert.match(answer.body.message, /for 2023-02-01, after the live market's 2023-01-31/);
    }
    assert.deepEqual(await quote(site, 'OGDC'), before);
    assert.deepEqual(await stored(site), kept);
  });

  test('moves the live quotes at once, reports like the CLI, and survives a restart', async () => {
    const answer = await upload(
      site,
      token,
      '?name=closing11.lis.gz&force=true',
      gzipSync(closing),
      'application/gzip',
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.format, 'closing');
    assert.equal(answer.body.packing, 'gzip');
    assert.equal(answer.body.date, '2021-12-31');
    assert.equal(answer.body.accepted, 3);
    assert.deepEqual(
      answer.body.rejected.map((row: Json) => row.line),
      [6, 7],
    );

    // No restart: the running server shows the file's day, to the paisa.
    const ogdc = await quote(site, 'OGDC');
    assert.equal(ogdc.last, '86.20');
    assert.equal(ogdc.ldcp, '84.94');
    assert.equal(ogdc.change, '1.26');
    const nestle = await quote(site, 'NESTLE');
    assert.equal(nestle.last, '5620.50');

    await site.restart();
    const again = await quote(site, 'OGDC');
    assert.equal(again.last, '86.20');
    assert.equal(again.ldcp, '84.94');
    assert.equal((await quote(site, 'NESTLE')).last, '5620.50');
  });

  test('a closing file of a day before the live one is 409 naming both days, and taken with force', async () => {
    const before = await quote(site, 'OGDC');
    const kept = await stored(site);
    const refused = await upload(site, token, '?name=closing11.lis', closing);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.match(refused.body.message, /2021-12-31/);
    assert.match(refused.body.message, /2023-01-31/);
    assert.match(refused.body.message, /force=true/);
    assert.deepEqual(
      refused.body.details.map((d: Json) => d.field),
      ['force'],
    );
    assert.deepEqual(await quote(site, 'OGDC'), before);
    assert.deepEqual(await stored(site), kept);
    const forced = await upload(site, token, '?name=closing11.lis&force=true', closing);
    assert.equal(forced.status, 200, JSON.stringify(forced.body));
    assert.equal(forced.body.date, '2021-12-31');
  });

  test('a closing file of the live day needs no force', async () => {
    const answer = await upload(site, token, '?name=closing11.lis', closingToday);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.date, '2023-01-31');
    assert.equal((await quote(site, 'OGDC')).last, '86.20');
  });

  test('decompression bombs are 413, change nothing, and the server goes on answering', async () => {
    const before = await quote(site, 'OGDC');
    const kept = await stored(site);
    for (const [name, bomb] of [
      ['closing.gz', await zerosGzip(200 * MB)],
      ['closing.Z', await zerosZip(200 * MB)],
    ] as const) {
      const answer = await upload(site, token, `?name=${name}&force=true`, bomb);
      assert.equal(answer.status, 413, `${name}: ${JSON.stringify(answer.body)}`);
      assert.match(answer.body.message, /unpacks to more than 16 MB/);
      assert.equal((await fetch(`${site.baseUrl}/api/v1/market/quotes`)).status, 200);
    }
    // A ZIP whose directory understates its entry's size is stopped at the size it claims.
    const lying = await upload(site, token, '?name=closing.Z', await zerosZip(200 * MB, { declaredSize: 1000 }));
    assert.equal(lying.status, 400, JSON.stringify(lying.body));
    // The upload itself is bounded too, before it is unpacked.
    const huge = await upload(site, token, '?name=closing11.lis', Buffer.alloc(9 * MB, 0x41));
    assert.equal(huge.status, 413);
    assert.match(huge.body.message, /larger than 8 MB/);
    assert.deepEqual(await quote(site, 'OGDC'), before);
    assert.deepEqual(await stored(site), kept);
  });

  test('a crafted ZIP directory offset is a 400, not a server error', async () => {
    for (const directoryOffset of [0xfffffff0, 0x7fffffff, 3]) {
      const answer = await upload(site, token, '?name=closing.Z', zipOf('closing11.lis', closing, { directoryOffset }));
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.match(answer.body.message, /ZIP/);
    }
  });

  test('100,000 malformed lines are a 422 naming only the first few', async () => {
    const kept = await stored(site);
    const response = await fetch(`${site.baseUrl}${IMPORTS}?name=closing11.lis&force=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(malformed),
    });
    const text = await response.text();
    assert.equal(response.status, 422);
    assert.ok(text.length < 10_000, `${text.length} bytes of refusal`);
    const body = JSON.parse(text) as Json;
    assert.match(body.message, /100000 rejected/);
    assert.ok(body.details.length <= 11);
    assert.deepEqual(await stored(site), kept);
    assert.ok(MAX_LISTED_PROBLEMS < 100_000);
  });

  test('a history CSV adds daily bars without touching the live market', async () => {
    const before = await quote(site, 'OGDC');
    const answer = await upload(site, token, `?name=${encodeURIComponent('KSE100 Historical Data.csv')}`, history);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.format, 'csv');
    assert.equal(answer.body.symbol, 'KSE100');
    assert.ok(answer.body.accepted > 0);
    assert.deepEqual(await quote(site, 'OGDC'), before);
  });
});

/** Posts the desk's import form as a browser would (multipart, with the session cookie and the form's token). */
async function postImportForm(
  site: DeskSite,
  browser: Browser,
  file: { bytes: Buffer; name: string } | null,
  options: { force?: boolean } = {},
) {
  const form = new FormData();
  form.append('_csrf', await browser.csrfToken('/admin/market'));
  form.append('format', '');
  form.append('symbol', '');
  if (options.force) form.append('force', 'yes');
  if (file !== null) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const cookie = [...browser.cookies.entries()]
    .filter(([, c]) => '/admin/market/imports'.startsWith(c.path))
    .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
    .join('; ');
  return fetch(`${site.baseUrl}/admin/market/imports`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie },
    body: form,
  });
}

describe('the market desk page imports a closing file without script', () => {
  let site: DeskSite;
  before(async () => {
    site = await startDeskSite();
  });
  after(() => site.close());

  test('the form takes the file, reports the rows left out, and the market moves', async () => {
    const browser = await site.signedIn('market-desk');
    const page = await (await browser.get('/admin/market')).text();
    assert.match(page, /enctype="multipart\/form-data"/);

    const missing = await postImportForm(site, browser, null);
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Choose a file to import/);

    const older = await postImportForm(site, browser, { bytes: closing, name: 'closing11.lis' });
    assert.equal(older.status, 409);
    const olderPage = await older.text();
    assert.match(
      olderPage,
      /for 2021-12-31, a day before the live market’s 2023-01-31|for 2021-12-31, a day before the live market's 2023-01-31/,
    );
    assert.match(olderPage, /href="#import-force"/);
    assert.match(olderPage, /id="import-force"/);

    const done = await postImportForm(site, browser, { bytes: closing, name: 'closing11.lis' }, { force: true });
    assert.equal(done.status, 200);
    const html = await done.text();
    assert.match(html, /closing11\.lis imported: 3 of 7 rows taken/);
    assert.match(html, /Line 4: OGDC-JAN: futures contract/);
    assert.equal((await quote(site, 'HUBC')).last, '70.55');
  });

  test('a bomb, an oversize upload or a crafted ZIP sent through the form changes nothing', async () => {
    const browser = await site.signedIn('market-desk');
    const before = await quote(site, 'OGDC');
    const kept = await stored(site);
    const bomb = await postImportForm(site, browser, { bytes: await zerosGzip(200 * MB), name: 'closing.gz' });
    assert.equal(bomb.status, 413);
    assert.match(await bomb.text(), /unpacks to more than 16 MB/);
    const zipBomb = await postImportForm(site, browser, { bytes: await zerosZip(200 * MB), name: 'closing.Z' });
    assert.equal(zipBomb.status, 413);
    const huge = await postImportForm(site, browser, { bytes: Buffer.alloc(9 * MB, 0x41), name: 'closing11.lis' });
    assert.equal(huge.status, 413);
    assert.match(await huge.text(), /larger than 8 MB/);
    const crafted = zipOf('closing11.lis', closing, { directoryOffset: 0xfffffff0 });
    const damaged = await postImportForm(site, browser, { bytes: crafted, name: 'closing.Z' });
    assert.equal(damaged.status, 400);
    const junk = await postImportForm(site, browser, { bytes: malformed, name: 'closing11.lis' }, { force: true });
    assert.equal(junk.status, 422);
    assert.match(await junk.text(), /100000 rejected/);
    assert.equal((await browser.get('/admin/market')).status, 200);
    assert.deepEqual(await quote(site, 'OGDC'), before);
    assert.deepEqual(await stored(site), kept);
  });

  test('without the form token nothing is imported', async () => {
    const browser = await site.signedIn('market-desk');
    const before = await quote(site, 'OGDC');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(closing)]), 'closing11.lis');
    const cookie = [...browser.cookies.entries()].map(([key, c]) => `${key.split('|')[0]}=${c.value}`).join('; ');
    const response = await fetch(`${site.baseUrl}/admin/market/imports`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie },
      body: form,
    });
    assert.equal(response.status, 403);
    assert.deepEqual(await quote(site, 'OGDC'), before);
  });
});
