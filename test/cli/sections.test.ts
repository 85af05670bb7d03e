import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../src/store/openStore.js';
import { broadsheet, finish, servingAddress } from '../support/cliProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('broadsheet sections', () => {
  test('create, list --json, rename, move and delete, refusing a section with stories (exit 1, nothing changed)', async () => {
    const dbPath = join(dir, 'sections.sqlite');
    const run = (args: readonly string[]) => finish(broadsheet(['sections', ...args, '--db', dbPath]));
    const empty = await run(['list']);
    assert.equal(empty.code, 0, empty.stderr);
    assert.match(empty.stdout, /No sections/);

    for (const args of [
      ['create', 'World'],
      ['create', 'Business & Finance', '--position', '1'],
      ['create', 'پاکستان'],
    ]) {
      const created = await run(args);
      assert.equal(created.code, 0, created.stderr);
    }
    const bad = await run(['create', '   ']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /A section needs a name/);
    const badPosition = await run(['create', 'Sport', '--position', 'top']);
    assert.equal(badPosition.code, 2);
    const taken = await run(['create', 'World again', '--slug', 'world']);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /already has the slug "world"/);

    const renamed = await run(['rename', 'business-finance', 'Business', '--slug', 'business']);
    assert.equal(renamed.code, 0, renamed.stderr);
    const moved = await run(['move', 'پاکستان', '1']);
    assert.equal(moved.code, 0, moved.stderr);
    const listed = await run(['list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { slug: string; name: string; position: number }[]).map((s) => [
        s.position,
        s.slug,
        s.name,
      ]),
      [
        [1, 'پاکستان', 'پاکستان'],
        [2, 'business', 'Business'],
        [3, 'world', 'World'],
      ],
    );

    const opened = await openStore({ kind: 'sqlite', path: dbPath });
    await opened.store.insertArticle({
      headline: 'Rupee steady',
      slug: 'rupee-steady',
      summary: 'A story in Business.',
      sectionSlug: 'business',
      byline: { kind: 'agency', agency: 'APP' },
      dateline: 'KARACHI',
      body: [{ type: 'paragraph', text: 'First paragraph.' }],
      tags: [],
      publishedAt: new Date('2026-11-27T10:00:00Z'),
      printPage: null,
    });
    assert.equal(await opened.store.sectionRedirect('business-finance'), 'business');
    await opened.close();

    const refused = await run(['delete', 'business']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /still has 1 story/);
    const deleted = await run(['delete', 'world']);
    assert.equal(deleted.code, 0, deleted.stderr);
    const missing = await run(['delete', 'world']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /There is no section "world"/);
    const after = await run(['list', '--json']);
    assert.deepEqual(
      (JSON.parse(after.stdout) as { slug: string; articleCount: number }[]).map((s) => [s.slug, s.articleCount]),
      [
        ['پاکستان', 0],
        ['business', 1],
      ],
    );
  });

  test('a section made from the command line shows on a --no-demo site', async () => {
    const dbPath = join(dir, 'fresh.sqlite');
    const created = await finish(broadsheet(['sections', 'create', 'Opinion', '--db', dbPath]));
    assert.equal(created.code, 0, created.stderr);
    const child = broadsheet(['serve', '--port', '0', '--no-demo', '--db', dbPath]);
    const finished = finish(child);
    try {
      const address = await servingAddress(child);
      const home = await (await fetch(`${address}/`)).text();
      assert.match(home, /href="\/opinion"/);
      const section = await fetch(`${address}/opinion`);
      assert.equal(section.status, 200);
      assert.match(await section.text(), /Opinion/);
    } finally {
      child.kill('SIGTERM');
      await finished;
    }
  });
});
