import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser } from './adminSite.js';
import { type DeskSite, type Json, startDeskSite } from './marketDeskFixture.js';

const IMPORTS = '/api/v1/admin/market/imports';
const closing = readFileSync(new URL('../market/fixtures/closing11.lis', import.meta.url));
const history = readFileSync(new URL('../market/fixtures/KSE100 Historical Data.csv', import.meta.url));

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

  test('moves the live quotes at once, reports like the CLI, and survives a restart', async () => {
    const answer = await upload(site, token, '?name=closing11.lis.gz', gzipSync(closing), 'application/gzip');
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
async function postImportForm(site: DeskSite, browser: Browser, file: { bytes: Buffer; name: string } | null) {
  const form = new FormData();
  form.append('_csrf', await browser.csrfToken('/admin/market'));
  form.append('format', '');
  form.append('symbol', '');
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

    const done = await postImportForm(site, browser, { bytes: closing, name: 'closing11.lis' });
    assert.equal(done.status, 200);
    const html = await done.text();
    assert.match(html, /closing11\.lis imported: 3 of 7 rows taken/);
    assert.match(html, /Line 4: OGDC-JAN: futures contract/);
    assert.equal((await quote(site, 'HUBC')).last, '70.55');
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
