import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { type OpenDatabase, openDatabase } from '../../src/store/connect.js';
import { SECTIONS } from '../newsroom/articlesFixture.js';
import {
  POSTGRES_URL,
  postgresBackend,
  postgresReachable,
  type StoreBackend,
  sqliteBackend,
} from '../store/storeBackends.js';
import { testServeConfig } from '../support/serveConfig.js';

// Item 8 of issue 16: a published story's address survives headline edits,
// a slug changed on purpose leaves the old address answering 301, and Urdu
// headlines and tags get Urdu slugs, percent-encoded in every URL.

const URDU_HEADLINE = 'اسٹاک مارکیٹ میں تیزی';
const URDU_SLUG = 'اسٹاک-مارکیٹ-میں-تیزی';
const URDU_TAG = 'سونے کی قیمت';

function slugSuite(makeBackend: () => Promise<StoreBackend> | StoreBackend, name: string): void {
  describe(`article slugs over HTTP on ${name}`, () => {
    let backend: StoreBackend;
    let app: App;
    let baseUrl: string;
    let second: OpenDatabase;
    let token: string;
    let dir: string;

    before(async () => {
      backend = await makeBackend();
      const target = await backend.freshTarget();
      dir = await mkdtemp(join(tmpdir(), 'broadsheet-slugs-'));
      app = await createApp(
        { ...testServeConfig(join(dir, 'site.sqlite'), { demo: false }), database: target },
        { logger: pino({ level: 'silent' }) },
      );
      baseUrl = await app.start();
      for (const section of SECTIONS) await app.store.insertSection(section);
      second = await openDatabase(target);
      token = (await createApiToken(second.db, { name: 'desk', role: 'editor', now: new Date() })).token;
    });
    after(async () => {
      await app?.stop();
      await second?.close();
      await backend?.dispose();
      if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    });

    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseUrl}/api/v1/admin/articles${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    };
    const reader = (path: string) => fetch(`${baseUrl}${path}`, { redirect: 'manual' });
    const story = (overrides: Record<string, unknown> = {}) => ({
      headline: 'Gold rises in Karachi',
      summary: 'Bullion gained on the day.',
      sectionSlug: 'markets',
      byline: 'Staff Reporter',
      body: [{ type: 'paragraph', text: 'Gold rose by Rs 1,500 per tola.' }],
      tags: ['Gold'],
      ...overrides,
    });

    test('an Urdu headline gets its words as the slug, percent-encoded in the URL', async () => {
      const created = await call('POST', '', story({ headline: URDU_HEADLINE, tags: [URDU_TAG] }));
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.slug, URDU_SLUG);
      const { id } = created.body;
      assert.equal((await call('POST', `/${id}/transition`, { action: 'publish' })).status, 200);

      const encoded = `/news/${id}/${encodeURIComponent(URDU_SLUG)}`;
      const page = await reader(encoded);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.ok(html.includes(`href="/tags/${encodeURIComponent('سونے-کی-قیمت')}"`), 'the tag link is percent-encoded');
      // Any other slug of the story sends readers to the encoded one (a Location header must be ASCII).
      const wrong = await reader(`/news/${id}/article`);
      assert.equal(wrong.status, 301);
      assert.equal(wrong.headers.get('location'), encoded);

      const tagPage = await reader(`/tags/${encodeURIComponent('سونے-کی-قیمت')}`);
      assert.equal(tagPage.status, 200);
      assert.match(await tagPage.text(), new RegExp(URDU_HEADLINE));
      const feed = await reader(`/feeds/tags/${encodeURIComponent('سونے-کی-قیمت')}.atom`);
      assert.equal(feed.status, 200);
      assert.ok((await feed.text()).includes(encoded), 'the feed links the encoded address');
      const sitemap = await (await reader('/sitemaps/tags.xml')).text();
      assert.ok(
        sitemap.includes(`/tags/${encodeURIComponent('سونے-کی-قیمت')}`),
        'the tag sitemap lists the encoded address',
      );
    });

    test('a published story keeps its address when the headline changes; a new slug leaves the old one 301', async () => {
      const created = await call('POST', '', story());
      const { id } = created.body;
      assert.equal(created.body.slug, 'gold-rises-in-karachi');
      // Before publication the slug follows the headline.
      const draftEdit = await call('PUT', `/${id}`, {
        ...story({ headline: 'Gold climbs in Karachi' }),
        baseRevision: created.body.revision,
      });
      assert.equal(draftEdit.body.slug, 'gold-climbs-in-karachi');
      const published = await call('POST', `/${id}/transition`, { action: 'publish' });
      assert.equal(published.status, 200);

      const edited = await call('PUT', `/${id}`, {
        ...story({ headline: 'Gold hits a record in Karachi' }),
        baseRevision: published.body.revision,
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.slug, 'gold-climbs-in-karachi', 'a headline edit does not move a published story');
      const kept = await reader(`/news/${id}/gold-climbs-in-karachi`);
      assert.equal(kept.status, 200);
      assert.match(await kept.text(), /Gold hits a record in Karachi/);

      const moved = await call('PUT', `/${id}`, {
        ...story({ headline: 'Gold hits a record in Karachi' }),
        slug: 'Gold Record',
        baseRevision: edited.body.revision,
      });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.slug, 'gold-record');
      const old = await reader(`/news/${id}/gold-climbs-in-karachi`);
      assert.equal(old.status, 301);
      assert.equal(old.headers.get('location'), `/news/${id}/gold-record`);
      assert.equal((await reader(`/news/${id}/gold-record`)).status, 200);

      const audits = await listAudit(second.db, { limit: 50 });
      const slugAudit = audits.find((entry) => entry.subject?.id === String(id) && 'oldSlug' in entry.details);
      assert.deepEqual(
        { slug: slugAudit?.details.slug, oldSlug: slugAudit?.details.oldSlug },
        { slug: 'gold-record', oldSlug: 'gold-climbs-in-karachi' },
      );
    });

    test('a slug without letters or digits is refused with a 4xx and changes nothing', async () => {
      const created = await call('POST', '', story({ headline: 'Cotton steady' }));
      const refused = await call('PUT', `/${created.body.id}`, {
        ...story({ headline: 'Cotton steady' }),
        slug: '!!! ---',
        baseRevision: created.body.revision,
      });
      assert.equal(refused.status, 422);
      assert.match(JSON.stringify(refused.body), /slug/i);
      const after = await call('GET', `/${created.body.id}`);
      assert.equal(after.body.revision, created.body.revision);
      assert.equal(after.body.slug, 'cotton-steady');
    });
  });
}

slugSuite(sqliteBackend, 'SQLite');

if (await postgresReachable('article slugs on PostgreSQL')) {
  slugSuite(() => postgresBackend(POSTGRES_URL), 'PostgreSQL');
}
