import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { openDatabase } from '../../src/store/connect.js';
import { testServeConfig } from '../support/serveConfig.js';
import { SECTIONS, story } from './articlesFixture.js';

async function startSite(file: string, clock: { now: number }): Promise<{ app: App; baseUrl: string }> {
  const app = await createApp(
    testServeConfig(file, { demo: false, commentRateLimit: '1000' }),
    // A long interval: only the check at start can publish in this test.
    { logger: pino({ level: 'silent' }), now: () => new Date(clock.now), scheduledPublishIntervalMs: 3_600_000 },
  );
  return { app, baseUrl: await app.start() };
}

test('a story scheduled before a stop is published by the next start once its time has passed', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-schedule-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'site.sqlite');
  const clock = { now: Date.parse('2023-01-31T08:00:00Z') };

  const first = await startSite(file, clock);
  for (const section of SECTIONS) await first.app.store.insertSection(section);
  const opened = await openDatabase({ kind: 'sqlite', path: file });
  const { token } = await createApiToken(opened.db, {
    name: 'desk',
    role: 'editor',
    now: new Date(),
  });
  await opened.close();
  const call = (baseUrl: string, method: string, url: string, body?: unknown) =>
    fetch(`${baseUrl}/api/v1/admin/articles${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  const created = await call(first.baseUrl, 'POST', '', story({ headline: 'Results season opens with bank profits' }));
  const id: number = created.body.id;
  const scheduled = await call(first.baseUrl, 'POST', `/${id}/transition`, {
    action: 'schedule',
    at: '2023-01-31T10:00:00Z',
  });
  assert.equal(scheduled.body.status, 'scheduled');
  await first.app.stop();

  clock.now = Date.parse('2023-01-31T10:30:00Z');
  const second = await startSite(file, clock);
  try {
    const after = await call(second.baseUrl, 'GET', `/${id}`);
    assert.equal(after.body.status, 'published');
    assert.equal(after.body.publishedAt, '2023-01-31T10:00:00.000Z');
    const home = await (await fetch(`${second.baseUrl}/`)).text();
    assert.match(home, /Results season opens with bank profits/);
  } finally {
    await second.app.stop();
  }
});
