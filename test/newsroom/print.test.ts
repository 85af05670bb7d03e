import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';
import { addStory } from './moderationFixture.js';

const DATE = '2023-01-31';

describe('print edition desk', () => {
  let site: AdminSite;
  let first: number;
  let second: number;
  let third: number;

  before(async () => {
    site = await startAdminSite();
    await site.addUser({ email: 'editor@example.com', role: 'editor' });
    await site.addUser({ email: 'mod@example.com', role: 'moderator' });
    const at = (hour: number) => new Date(Date.UTC(2023, 0, 31, hour));
    first = await addStory(site.app.store, { headline: 'Cement sales climb', printPage: 1, publishedAt: at(3) });
    second = await addStory(site.app.store, { headline: 'Textile exports dip', printPage: 1, publishedAt: at(4) });
    third = await addStory(site.app.store, { headline: 'Oil imports steady', printPage: null, publishedAt: at(5) });
    // An earlier edition, for the previous-day link.
    await addStory(site.app.store, {
      headline: 'Earlier news',
      printPage: 2,
      publishedAt: new Date('2023-01-29T05:00:00Z'),
    });
  });
  after(() => site.close());

  async function editor(): Promise<{ browser: Browser; token: string }> {
    const browser = site.browser();
    await browser.login('editor@example.com');
    return { browser, token: await browser.csrfToken(`/admin/print/${DATE}?q=oil`) };
  }

  const readerOrder = async () => {
    const html = await (await fetch(`${site.baseUrl}/print/${DATE}`)).text();
    const headlines = ['Cement sales climb', 'Textile exports dip', 'Oil imports steady'];
    return { html, order: headlines.filter((h) => html.includes(h)).sort((a, b) => html.indexOf(a) - html.indexOf(b)) };
  };

  test('without a layout the reader page follows the stories’ print pages', async () => {
    const { order, html } = await readerOrder();
    assert.deepEqual(order, ['Cement sales climb', 'Textile exports dip']);
    assert.match(html, /href="\/print\/2023-01-29"/);
  });

  test('placements override print_page: added, moved and reordered stories show in the desk’s order', async () => {
    const { browser, token } = await editor();
    const edit = (form: Record<string, string>) => browser.post(`/admin/print/${DATE}/edit`, { _csrf: token, ...form });
    assert.equal((await browser.post(`/admin/print/${DATE}/seed`, { _csrf: token })).status, 303);
    const search = await (await browser.get(`/admin/print/${DATE}?q=OIL`)).text();
    assert.match(search, /Oil imports steady/);
    assert.equal((await edit({ op: 'add', articleId: String(third), page: '1' })).status, 303);
    assert.equal((await edit({ op: 'up', articleId: String(third) })).status, 303);
    assert.equal((await edit({ op: 'move', articleId: String(first), page: '3' })).status, 303);
    assert.equal((await edit({ op: 'label', page: '3', label: 'Business & Finance' })).status, 303);

    const { order, html } = await readerOrder();
    assert.deepEqual(order, ['Oil imports steady', 'Textile exports dip', 'Cement sales climb']);
    assert.match(html, /Page 3: Business &amp; Finance/);
    assert.match(html, /href="\/print\/2023-01-29"/, 'previous-day navigation kept');
    const audit = await listAudit(site.db, { limit: 10 });
    assert.ok(audit.some((entry) => entry.action === 'print.edit' && entry.subject?.id === DATE));
  });

  test('a refused change answers 422 with the reason and changes nothing', async () => {
    const { browser, token } = await editor();
    const response = await browser.post(`/admin/print/${DATE}/edit`, {
      _csrf: token,
      op: 'add',
      articleId: String(second),
      page: '2',
    });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /already on page 1/);
    assert.deepEqual((await readerOrder()).order, ['Oil imports steady', 'Textile exports dip', 'Cement sales climb']);
  });

  test('the layout page refuses page 150 as its JSON API does: pages run 1–99 everywhere', async () => {
    const { browser, token } = await editor();
    const response = await browser.post(`/admin/print/${DATE}/edit`, {
      _csrf: token,
      op: 'move',
      articleId: String(second),
      page: '150',
    });
    assert.equal(response.status, 422);
    assert.match(await response.text(), /Page numbers run from 1 to 99/);
    assert.deepEqual((await readerOrder()).order, ['Oil imports steady', 'Textile exports dip', 'Cement sales climb']);
  });

  test('discarding the layout brings back the print_page order; a moderator may not use the desk', async () => {
    const { browser, token } = await editor();
    assert.equal((await browser.post(`/admin/print/${DATE}/clear`, { _csrf: token })).status, 303);
    assert.deepEqual((await readerOrder()).order, ['Cement sales climb', 'Textile exports dip']);
    const moderator = site.browser();
    await moderator.login('mod@example.com');
    assert.equal((await moderator.get(`/admin/print/${DATE}`)).status, 403);
    assert.equal((await site.browser().get(`/admin/print/${DATE}`)).status, 303);
  });
});
