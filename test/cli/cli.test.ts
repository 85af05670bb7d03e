import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../src/store/openStore.js';
import { broadsheet, finish, servingAddress } from '../support/cliProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('broadsheet serve', () => {
  test('a bad flag stops the start with exit code 2 and names the setting', async () => {
    const result = await finish(broadsheet(['serve', '--port', 'eighty']));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--port .* must be a whole number, got "eighty"/);
  });

  test('a bad environment value is refused the same way', async () => {
    const result = await finish(broadsheet(['serve'], { env: { BROADSHEET_SIMULATOR: 'sometimes' } }));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--simulator .*BROADSHEET_SIMULATOR/);
  });

  test('--no-demo serves an empty site from BROADSHEET_DB and stops cleanly on SIGTERM', async () => {
    const dbPath = join(dir, 'nested', 'empty.sqlite');
    const child = broadsheet(['serve', '--port', '0', '--no-demo'], { env: { BROADSHEET_DB: dbPath } });
    const finished = finish(child);
    const address = await servingAddress(child);
    assert.ok(existsSync(dbPath), 'database file created on first start');
    const quotes = (await (await fetch(`${address}/api/v1/market/quotes`)).json()) as { quotes: unknown[] };
    assert.deepEqual(quotes.quotes, []);
    const home = await fetch(`${address}/`);
    assert.equal(home.status, 200);
    // Every page the masthead links to says something true of an empty site, never a bare "Page not found".
    const links = [...(await home.text()).matchAll(/<a [^>]*href="(\/[^"#]*)"/g)].map((match) => match[1] as string);
    for (const path of ['/markets', '/markets/currency/usd-pkr', '/print']) assert.ok(links.includes(path), path);
    for (const path of new Set(links)) {
      const response = await fetch(`${address}${path}`);
      const text = await response.text();
      assert.doesNotMatch(text, /Page not found/, `${path} on an empty site`);
      assert.equal(response.status, 200, path);
      if (path === '/print') assert.match(text, /No print edition has been assembled yet/);
    }
    child.kill('SIGTERM');
    const result = await finished;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /shutting down/);
  });
});

describe('broadsheet comments', () => {
  test('lists pending comments as JSON and approves or rejects them by id', async () => {
    const dbPath = join(dir, 'moderation.sqlite');
    const opened = await openStore({ kind: 'sqlite', path: dbPath });
    await opened.store.insertSection({ slug: 'world', name: 'World', position: 1 });
    const articleId = await opened.store.insertArticle({
      headline: 'Moderation test story',
      slug: 'moderation-test-story',
      summary: 'A story to comment on.',
      sectionSlug: 'world',
      byline: { kind: 'agency', agency: 'AFP' },
      dateline: 'KARACHI',
      body: [{ type: 'paragraph', text: 'First paragraph.' }],
      tags: ['Testing'],
      publishedAt: new Date('2026-11-27T10:00:00Z'),
      printPage: null,
    });
    const first = await opened.store.addComment({
      articleId,
      name: 'Amina',
      email: 'a@example.com',
      body: 'First!',
      ip: '127.0.0.1',
    });
    const second = await opened.store.addComment({
      articleId,
      name: 'Bilal',
      email: 'b@example.com',
      body: 'Second',
      ip: '127.0.0.1',
    });
    await opened.close();

    const listed = await finish(broadsheet(['comments', 'list', '--pending', '--json', '--db', dbPath]));
    assert.equal(listed.code, 0, listed.stderr);
    const pending = JSON.parse(listed.stdout) as { id: number; status: string; body: string }[];
    assert.deepEqual(pending.map((c) => c.id).sort(), [first.id, second.id].sort());
    assert.ok(pending.every((c) => c.status === 'pending'));

    const approved = await finish(broadsheet(['comments', 'approve', String(first.id), '--db', dbPath]));
    assert.equal(approved.code, 0, approved.stderr);
    const rejected = await finish(broadsheet(['comments', 'reject', String(second.id), '999999', '--db', dbPath]));
    assert.equal(rejected.code, 1, 'an unknown id is reported');
    assert.match(rejected.stderr, /not found: 999999/);

    const check = await openStore({ kind: 'sqlite', path: dbPath });
    try {
      assert.deepEqual(
        (await check.store.approvedComments(articleId)).map((c) => c.id),
        [first.id],
      );
      assert.deepEqual(
        (await check.store.listComments({ status: 'rejected' })).map((c) => c.id),
        [second.id],
      );
    } finally {
      await check.close();
    }
  });
});
