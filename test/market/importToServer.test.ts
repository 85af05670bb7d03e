import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createToken, run, serve } from '../support/cliProcess.js';
import { zerosGzip, zerosZip } from './bombFixture.js';
import { zipOf } from './zipFixture.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-import-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const closing = new URL('./fixtures/closing11.lis', import.meta.url).pathname;

test('market import --server sends the file to a running empty site, which shows the day at once', async () => {
  const db = join(dir, 'site.sqlite');
  const site = await serve(['--db', db, '--no-demo']);
  try {
    const token = await createToken(db, 'market-desk');
    const quotes = async () =>
      ((await (await fetch(`${site.address}/api/v1/market/quotes`)).json()) as { quotes: { symbol: string }[] }).quotes;
    assert.deepEqual(await quotes(), []);

    const refused = await run(['market', 'import', closing, '--server', site.address, '--token', 'not-a-token']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /answered 401/);

    const garbage = join(dir, 'garbage.lis.gz');
    writeFileSync(garbage, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    const unreadable = await run(['market', 'import', garbage, '--server', site.address, '--token', token]);
    assert.equal(unreadable.code, 2, unreadable.stderr);

    // Bombs and a crafted ZIP: exit 2 with one line, the site unchanged and still answering.
    const bad = {
      'bomb.gz': await zerosGzip(),
      'bomb.Z': await zerosZip(),
      'huge.lis': Buffer.alloc(9 * 1024 * 1024, 0x41),
      'crafted.Z': zipOf('closing11.lis', readFileSync(closing), { directoryOffset: 0xfffffff0 }),
    };
    for (const [name, bytes] of Object.entries(bad)) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const refusedFile = await run(['market', 'import', file, '--server', site.address, '--token', token, '--force']);
      assert.equal(refusedFile.code, 2, `${name}: ${refusedFile.stderr}`);
      assert.equal(refusedFile.stderr.trim().split('\n').length, 1, refusedFile.stderr);
      assert.match(
        refusedFile.stderr,
        {
          'bomb.gz': /413: .*unpacks to more than/,
          'bomb.Z': /413: .*unpacks to/,
          'huge.lis': /larger than 8 MB/,
        }[name] ?? /answered 400: .*ZIP/,
      );
      assert.deepEqual(await quotes(), []);
    }

    // The file's day (2021) is before the live market's: refused unless --force.
    const older = await run(['market', 'import', closing, '--server', site.address, '--token', token]);
    assert.equal(older.code, 1, older.stderr);
    assert.equal(older.stderr.trim().split('\n').length, 1, older.stderr);
    assert.match(older.stderr, /answered 409: The closing file is for 2021-12-31.*--force/);
    assert.deepEqual(await quotes(), []);

    const sent = await run([
      'market',
      'import',
      closing,
      '--server',
      site.address,
      '--token',
      token,
      '--json',
      '--force',
    ]);
    assert.equal(sent.code, 0, sent.stderr);
    const report = JSON.parse(sent.stdout) as { format: string; date: string; accepted: number };
    assert.deepEqual([report.format, report.date, report.accepted], ['closing', '2021-12-31', 3]);

    // No restart: the running server already quotes the file's day.
    const after = (await quotes()) as { symbol: string; last: string; ldcp: string }[];
    assert.deepEqual(
      after.map((q) => [q.symbol, q.last, q.ldcp]),
      [
        ['HUBC', '70.55', '70.01'],
        ['NESTLE', '5620.50', '5601.00'],
        ['OGDC', '86.20', '84.94'],
      ],
    );
  } finally {
    site.child.kill('SIGTERM');
    await site.exited;
  }
});
