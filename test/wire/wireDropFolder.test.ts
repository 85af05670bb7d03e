import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { wireDropFolder } from '../../src/desk/wire/wireDropFolder.js';
import type { WireItemOutcome } from '../../src/desk/wire/wireIngest.js';
import { parseWireFile } from '../../src/ingest/wire/parseWireFile.js';
import { type OpenedStore, openStore } from '../../src/store/openStore.js';
import { ninjsJson } from './wireFixtures.js';

describe('wire drop folder', () => {
  let dir: string;
  let drop: string;
  let opened: OpenedStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-wire-drop-'));
    drop = join(dir, 'drop');
    await mkdir(drop);
    opened = await openStore({ kind: 'sqlite', path: join(dir, 'site.sqlite') });
  });
  after(async () => {
    await opened.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs the folder until `count` files were handled (or fails after a deadline), then stops it. */
  async function runUntil(count: number, isWatcher: () => boolean = () => true): Promise<string[]> {
    const handled: string[] = [];
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const folder = wireDropFolder({
      dir: drop,
      wire: opened.wire,
      parse: parseWireFile,
      now: () => new Date(),
      isWatcher,
      intervalMs: 20,
      settleMs: 0,
      onFile: (file: string, _outcomes: readonly WireItemOutcome[]) => {
        handled.push(file);
        if (handled.length >= count) done();
      },
      onError: (error) => assert.fail(String(error)),
    });
    await folder.start();
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, count === 0 ? 300 : 10_000));
    await Promise.race([finished, deadline]);
    await folder.stop();
    return handled;
  }

  test('good files go to done/, bad ones to rejected/ with a reason, and a bad file never holds up the next', async () => {
    await writeFile(join(drop, '1-bad.json'), Buffer.from([0xc3, 0x28, 0x7b]));
    await mkdir(join(drop, 'afp'));
    await writeFile(join(drop, 'afp', '2-good.json'), ninjsJson());
    await writeFile(join(drop, '3-broken.json'), '{');
    await writeFile(join(drop, '4-good.json'), ninjsJson({ uri: 'second', headline: 'Gold steadies' }));
    const handled = await runUntil(4);
    assert.equal(handled.length, 4);
    const done = (await readdir(join(drop, 'done'))).sort();
    const rejected = (await readdir(join(drop, 'rejected'))).sort();
    assert.equal(done.length, 2);
    assert.ok(done.some((name) => name.endsWith('-2-good.json')));
    assert.equal(rejected.length, 4, 'two files, each with its reason');
    const reasonFile = rejected.find((name) => name.endsWith('1-bad.json.reason.txt')) ?? '';
    assert.match(await readFile(join(drop, 'rejected', reasonFile), 'utf8'), /UTF-8/);
    assert.equal((await opened.wire.list({ limit: 10 })).total, 2);
    assert.deepEqual(await readdir(join(drop, 'afp')), [], 'the file left its folder');
  });

  test('a process that is not the watcher leaves files alone; a file left at a stop is taken after a restart', async () => {
    await writeFile(join(drop, '5-later.json'), ninjsJson({ uri: 'third', headline: 'Rupee firms' }));
    assert.deepEqual(await runUntil(0, () => false), []);
    assert.ok((await readdir(drop)).includes('5-later.json'));
    const handled = await runUntil(1);
    assert.equal(handled.length, 1);
    assert.equal((await opened.wire.list({ limit: 10 })).total, 3);
  });

  test('a file still being written (changed just now) waits for the next look', async () => {
    const folder = wireDropFolder({
      dir: drop,
      wire: opened.wire,
      parse: parseWireFile,
      now: () => new Date(),
      isWatcher: () => true,
      intervalMs: 20,
      settleMs: 60_000,
      onError: (error) => assert.fail(String(error)),
    });
    const fresh = join(drop, '6-fresh.json');
    await writeFile(fresh, ninjsJson({ uri: 'fourth' }));
    await folder.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await folder.stop();
    assert.ok((await readdir(drop)).includes('6-fresh.json'));
    const old = new Date(Date.now() - 120_000);
    await utimes(fresh, old, old);
    assert.equal((await runUntil(1)).length, 1);
  });
});
