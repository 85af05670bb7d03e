import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { serve } from '../support/cliProcess.js';
import { readyStatus, startWorkerSite } from '../support/workerSite.js';
import { workersSuite } from './workersSuite.js';

// `serve --workers N` on one SQLite file: the workers hear each other through their primary (no Redis).

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-workers-'));
const db = join(dir, 'site.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

workersSuite('serve --workers 2 on one SQLite file', false, {
  args: () => ['--db', db],
  database: () => ({ kind: 'sqlite', path: db }),
});

describe('serve --workers on SQLite, beside the suite', () => {
  test('an empty site (--no-demo) is served by two workers, each ready on its own port', async () => {
    const site = await startWorkerSite(2, ['--db', join(dir, 'empty.sqlite'), '--no-demo', '--drain-window', '0']);
    try {
      const workers = site.workers();
      assert.equal(workers.length, 2, site.log());
      // Ready once some worker holds the engine lease, which may follow the "serving" lines by a check or two.
      for (const worker of workers) assert.equal(await readyStatus(worker.address), 200, site.log());
      assert.equal((await fetch(`${site.address}/`)).status, 200);
      assert.doesNotMatch(site.log(), /demo content seeded/);
    } finally {
      const finished = await site.stop();
      assert.equal(finished.code, 0, `${finished.stderr}\n${site.log()}`);
    }
  });

  test('SIGTERM to the primary drains every worker: /readyz says 503 on each while pages are still answered, then all exit 0', async () => {
    const site = await startWorkerSite(2, ['--db', join(dir, 'drained.sqlite'), '--no-demo', '--drain-window', '3000']);
    const workers = site.workers();
    assert.equal(workers.length, 2, site.log());
    site.primary.kill('SIGTERM');
    for (const worker of workers) {
      let status = 0;
      for (const deadline = Date.now() + 2000; status !== 503 && Date.now() < deadline; ) {
        status = (await fetch(`${worker.address}/readyz`)).status;
      }
      assert.equal(status, 503, `worker ${worker.id} still says it is ready`);
      assert.equal((await fetch(`${worker.address}/`)).status, 200, `worker ${worker.id} stopped serving pages early`);
    }
    assert.equal((await fetch(`${site.address}/`)).status, 200);
    const finished = await site.exited();
    assert.equal(finished.code, 0, site.log());
    assert.equal(site.log().match(/"msg":"stopped cleanly"/g)?.length, 3, site.log());
  });

  test('--workers 1 is the one process of old: it serves itself, with no primary and no worker', async () => {
    const node = await serve(['--db', join(dir, 'one.sqlite'), '--no-demo', '--workers', '1', '--drain-window', '0']);
    let log = '';
    node.child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk;
    });
    try {
      assert.equal((await fetch(`${node.address}/readyz`)).status, 200);
    } finally {
      node.child.kill('SIGTERM');
      const finished = await node.exited;
      assert.equal(finished.code, 0);
      log = finished.stdout;
    }
    const serving = log.split('\n').find((line) => line.includes('"Broadsheet is serving"')) ?? '';
    assert.match(serving, new RegExp(`"pid":${node.child.pid},`));
    assert.doesNotMatch(log, /worker is serving|"worker":/);
  });
});
