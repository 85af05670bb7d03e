import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { hashApiToken, roleOfApiToken } from '../../src/store/accounts/apiTokens.js';
import { run } from '../support/cliProcess.js';
import { openMarketDb } from './marketBackends.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-tokens-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('tokens create prints the token once, stores only its hash; list and revoke', async () => {
  const db = join(dir, 'site.sqlite');
  const created = await run(['tokens', 'create', '--role', 'market-feed', '--name', 'PSX feed', '--json', '--db', db]);
  assert.equal(created.code, 0, created.stderr);
  const { id, token } = JSON.parse(created.stdout) as { id: number; token: string };
  assert.match(token, /^bst_[A-Za-z0-9_-]{43}$/);

  const opened = await openMarketDb({ kind: 'sqlite', path: db });
  try {
    const rows = await opened.db.selectFrom('api_tokens').selectAll().execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.role, r.token_hash]),
      [['PSX feed', 'market-feed', hashApiToken(token)]],
    );
    assert.equal(await roleOfApiToken(opened.db, token), 'market-feed');

    const listed = await run(['tokens', 'list', '--db', db]);
    assert.match(listed.stdout, new RegExp(`^${id}\\tmarket-feed\\tactive\\t.*\\tPSX feed$`, 'm'));
    assert.ok(!listed.stdout.includes(token));

    assert.equal((await run(['tokens', 'revoke', String(id), '--db', db])).code, 0);
    assert.equal(await roleOfApiToken(opened.db, token), null);
    const badRole = await run(['tokens', 'create', '--role', 'root', '--name', 'x', '--db', db]);
    assert.notEqual(badRole.code, 0);
    assert.match(
      badRole.stderr,
      /--role must be one of market-feed, wire-feed, market-desk, writer, editor, moderator, admin/,
    );
  } finally {
    await opened.close();
  }
});
