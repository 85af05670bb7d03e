import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Sqlite from 'better-sqlite3';
import { createFrontPageStore, createReadCountWriter } from '../../src/store/frontPage/frontPageStore.js';
import { openStore } from '../../src/store/openStore.js';
import { THREADS_THAT_CANNOT_START } from '../support/threadsThatCannotStart.js';
import { draft, SECTIONS } from './storeFixtures.js';

// A SQLite file's story reads are added on a thread of their own: a flush that waits for the write lock (held
// by another process's flush, a CLI import) waits there, not on the site's thread, where it held every page.

const dir = await mkdtemp(join(tmpdir(), 'broadsheet-read-thread-'));
after(() => rm(dir, { recursive: true, force: true }));
let files = 0;

async function siteWithStories() {
  const path = join(dir, `news-${++files}.db`);
  const opened = await openStore({ kind: 'sqlite', path });
  for (const section of SECTIONS) await opened.store.insertSection(section);
  const a = await opened.store.insertArticle(draft());
  const b = await opened.store.insertArticle(draft());
  return { path, opened, a, b };
}

test('a flush waiting for the write lock waits on its thread: the site thread runs on, and the counts land once the lock is free', async (t) => {
  const { path, opened, a, b } = await siteWithStories();
  t.after(() => opened.close());
  // Warm the thread, so the wait below is the lock's and not the thread's start.
  await opened.frontPage.addReads('2023-01-31', new Map([[a, 1]]));

  const other = new Sqlite(path);
  t.after(() => other.close());
  other.exec('begin immediate');
  let settled = false;
  const flushed = opened.frontPage.addReads(
    '2023-01-31',
    new Map([
      [a, 2],
      [b, 5],
    ]),
  );
  void flushed.then(() => {
    settled = true;
  });
  const asked = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const late = performance.now() - asked - 200;
  assert.ok(late < 150, `the site's timers ran ${Math.round(late)} ms late while the flush waited for the lock`);
  // The site's own connection still reads meanwhile (WAL: readers never wait for a writer).
  assert.equal(await opened.frontPage.readsOf(a, '2023-01-31'), 1);
  assert.equal(settled, false, 'the flush waits for the lock');

  other.exec('commit');
  await flushed;
  assert.equal(await opened.frontPage.readsOf(a, '2023-01-31'), 3);
  assert.equal(await opened.frontPage.readsOf(b, '2023-01-31'), 5);
});

test('reads flushed on the thread and the store closed at once: none is lost, and a fresh connection reads them', async () => {
  const { path, opened, a, b } = await siteWithStories();
  const counts = new Map<number, number>();
  // More stories than one statement takes, most of them gone (as after deletions): skipped by the join.
  for (let n = 0; n < 1_200; n += 1) counts.set(b + 10 + n, 1);
  counts.set(a, 4);
  counts.set(b, 6);
  const flushed = opened.frontPage.addReads('2023-01-31', counts);
  await opened.close();
  await flushed;

  const reopened = await openStore({ kind: 'sqlite', path });
  try {
    assert.equal(await reopened.frontPage.readsOf(a, '2023-01-31'), 4);
    assert.equal(await reopened.frontPage.readsOf(b, '2023-01-31'), 6);
  } finally {
    await reopened.close();
  }
});

for (const [how, startThread] of THREADS_THAT_CANNOT_START) {
  test(`the read-count thread cannot start (${how}): the reads are added on the site's connection, and the site hears it once`, async (t) => {
    const { path, opened, a } = await siteWithStories();
    t.after(() => opened.close());
    let starts = 0;
    const told: string[] = [];
    const writer = createReadCountWriter(path, {
      startThread: () => {
        starts += 1;
        return startThread();
      },
      onUnavailable: (error) => told.push(error.message),
    });
    t.after(() => writer.close());
    const frontPage = createFrontPageStore(opened.db, opened.dialect, writer);

    await frontPage.addReads('2023-01-31', new Map([[a, 2]]));
    await frontPage.addReads('2023-01-31', new Map([[a, 3]]));
    assert.equal(await frontPage.readsOf(a, '2023-01-31'), 5);
    assert.equal(writer.available, false);
    assert.equal(starts, 1, 'a thread that could not start is not tried at every flush');
    assert.equal(told.length, 1, 'the site hears it once (serve logs a warning)');
    assert.match(told[0] ?? '', /the read count writer thread could not start/);
  });
}
