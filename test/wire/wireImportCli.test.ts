import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../../src/store/openStore.js';
import { run } from '../support/cliProcess.js';
import { ninjsJson } from './wireFixtures.js';

const CONFORMANCE = new URL('../../../shared/conformance/ninjs/examples/1.4/ninjsExSimpleText1.json', import.meta.url)
  .pathname;

describe('broadsheet wire import', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-wire-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a folder, recursively: one JSON line per item, bad files rejected with a reason, the rest stored', async () => {
    const drop = join(dir, 'drop');
    await mkdir(join(drop, 'nested'), { recursive: true });
    await writeFile(join(drop, 'a-first.json'), ninjsJson());
    await writeFile(join(drop, 'b-broken.json'), '{"uri": "x", "headline": ');
    await writeFile(join(drop, 'c-latin1.json'), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    await writeFile(
      join(drop, 'nested', 'd-update.json'),
      ninjsJson({ version: '2', headline: 'Oil prices climb further' }),
    );
    await cp(CONFORMANCE, join(drop, 'nested', 'e-iptc.json'));
    const db = join(dir, 'site.sqlite');

    const result = await run(['wire', 'import', drop, '--json', '--db', db]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      lines.map((line) => [String(line.file).slice(drop.length + 1), line.status]),
      [
        ['a-first.json', 'accepted'],
        ['b-broken.json', 'rejected'],
        ['c-latin1.json', 'rejected'],
        ['nested/d-update.json', 'updated'],
        ['nested/e-iptc.json', 'accepted'],
      ],
    );
    assert.match(String(lines[2]?.reason), /UTF-8/);
    const first = lines[0];
    assert.equal(first?.agency, 'AFP');
    assert.equal(first?.agencyId, 'urn:newsml:afp.com:20230131:item-1');
    assert.equal(first?.version, 1);
    assert.equal(first?.headline, 'Oil prices climb as supply worries return');
    assert.equal(first?.byline, 'Amna Khan');
    assert.deepEqual(first?.times, {
      firstCreated: '2023-01-31T06:00:00.000Z',
      versionCreated: '2023-01-31T06:00:00.000Z',
    });
    assert.deepEqual(first?.subjects, ['Economy']);
    assert.equal(
      first?.bodyText,
      'Brent crude rose on Tuesday as traders weighed output cuts.\nPrices had fallen for a week.',
    );
    assert.match(String(lines[3]?.reason), /Replaces version 1/);
    const iptc = lines[4];
    assert.equal(iptc?.headline, 'Captain of wrecked cruise ship on trial in Italy');
    assert.equal(iptc?.byline, "Paulo Santalucia and Frances d'Emilio");
    assert.match(String(iptc?.bodyText), /^GROSSETO, Italy \(AP\) -- The trial/);
    assert.match(result.stderr, /5 files: accepted 2, updated 1, duplicate 0, stale 0, killed 0, rejected 2/);

    const again = await run(['wire', 'import', join(drop, 'a-first.json'), '--db', db]);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /^duplicate\tAFP urn:newsml:afp.com:20230131:item-1 v1 /);

    const opened = await openStore({ kind: 'sqlite', path: db });
    try {
      const inbox = await opened.wire.list({ limit: 10 });
      assert.equal(inbox.total, 2);
      assert.equal(inbox.items.find((entry) => entry.agency === 'AFP')?.version, 2);
    } finally {
      await opened.close();
    }
  });

  test("the whole of IPTC's conformance folder: every news item stored once, everything else named and refused", async () => {
    const folder = new URL('../../../shared/conformance/', import.meta.url).pathname;
    const result = await run(['wire', 'import', folder, '--json', '--db', join(dir, 'iptc.sqlite')]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const of = (name: string) => lines.filter((line) => String(line.file).endsWith(name));
    // Examples repeated across ninjs versions (same uri and version) are one item.
    assert.match(result.stderr, /101 files: accepted 21, updated 0, duplicate 22, stale 0, killed 0, rejected 58/);
    for (const line of lines) {
      if (line.status === 'rejected')
        assert.match(String(line.reason), /^Not a (news item|wire file): /, String(line.file));
      else assert.ok(line.status === 'accepted' || line.status === 'duplicate', `${line.file}: ${line.status}`);
    }
    assert.deepEqual(
      of('ninjs-schema_3.1.json').map((line) => line.reason),
      ['Not a news item: a JSON Schema.'],
    );
    const g2 = of('LISTING_1_A_NewsML-G2_News_Item.xml')[0];
    assert.equal(g2?.status, 'accepted');
    assert.equal(g2?.agency, 'Reuters');
    assert.equal(g2?.headline, 'Fed to halt QE to avert "bubble"');
    assert.equal(g2?.dateline, 'Berlin');
    const complex = of('1.4/ninjsExComplex1.json')[0];
    assert.equal(complex?.dateline, 'Grossetto, Italy');
    assert.deepEqual(
      of('guidelines-3.1/005_complex_text_article.json').map((line) => [line.status, line.headline]),
      [['duplicate', 'Captain of wrecked cruise ship on trial in Italy']],
    );
  });

  test('exits 1 when nothing could be read, 2 for a path that does not exist', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad);
    await writeFile(join(bad, 'x.xml'), '<<<');
    const result = await run(['wire', 'import', bad, '--db', join(dir, 'other.sqlite')]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^rejected\t.*x\.xml\t/);
    assert.match(result.stderr, /Nothing could be read/);
    const missing = await run(['wire', 'import', join(dir, 'nope'), '--db', join(dir, 'other.sqlite')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot read .*nope: ENOENT/);
  });
});
