import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWireParserThread, WIRE_THREAD_LIMITS } from './parseInThread.js';
import { parseWireFile } from './parseWireFile.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const story = (n: number) =>
  utf8(
    JSON.stringify({
      uri: `urn:test:thread:${n}`,
      headline: `Rupee steadies ${n}`,
      datelines: [{ value: 'KARACHI, Jan 31' }],
      versioncreated: '2026-01-31T06:00:00+05:00',
      body_html: '<p>The rupee <b>held</b> at 280.</p>',
    }),
  );
/** A file just under the size limit whose one paragraph takes the reader a while and a lot of memory. */
const heavy = () =>
  utf8(JSON.stringify({ uri: 'urn:test:heavy', headline: 'Heavy', body_html: `<p>${'word '.repeat(1_000_000)}</p>` }));

describe('reading wire files off the main thread', () => {
  it('answers what the in-process reader answers, times as dates, files in order', async (t) => {
    const reader = createWireParserThread();
    t.after(() => reader.close());
    const results = await Promise.all([1, 2, 3].map((n) => reader.parse(story(n), `${n}.json`)));
    for (const [index, result] of results.entries()) {
      assert.deepEqual(result, parseWireFile(story(index + 1), `${index + 1}.json`));
      assert.ok(result.ok && result.items[0]?.versionCreated instanceof Date, 'times arrive as dates');
    }
    assert.deepEqual(reader.reads(), { inThread: 3, inProcess: 0 }, 'every file was read by the thread');
    const refused = await reader.parse(utf8('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), 'bomb.xml');
    assert.equal(refused.ok, false);
  });

  it('refuses a file that needs more memory than the thread may take, then reads the next one', async (t) => {
    const reader = createWireParserThread({ ...WIRE_THREAD_LIMITS, heapMb: 24 });
    t.after(() => reader.close());
    const refused = await reader.parse(heavy(), 'heavy.json');
    assert.deepEqual(refused, { ok: false, reason: 'The file could not be read: it needs more than 24 MB to read.' });
    const next = await reader.parse(story(4), '4.json');
    assert.ok(next.ok, 'a new thread reads the next file');
    assert.equal(reader.reads().inProcess, 0);
  });

  it('refuses a file that takes longer than the time limit, then reads the next one', async (t) => {
    const reader = createWireParserThread({ ...WIRE_THREAD_LIMITS, timeoutMs: 1 });
    t.after(() => reader.close());
    const refused = await reader.parse(heavy(), 'heavy.json');
    assert.deepEqual(refused, {
      ok: false,
      reason: 'The file could not be read: it took longer than 0.001 s to read.',
    });
  });
});
