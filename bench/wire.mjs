#!/usr/bin/env node
// Wire ingest. Part 1: items per second each agency format is parsed at (bytes → WireItem, pure, in
// memory, one core). Part 2, a burst of 10,000 items into a running site, is bench/wire-burst.mjs.
// Usage: npm run build && node bench/wire.mjs [--seconds 2] [--format ninjs-2] [--record] [--dist DIR]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';
import { DEFAULT_DIST, importDist } from './lib/universe.mjs';

const CONFORMANCE = fileURLToPath(new URL('../../shared/conformance/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../test/ingest/fixtures/wire/', import.meta.url));

/** One representative file per format: a full story with metadata, body markup and a picture where the format has one. */
const SAMPLES = {
  'ninjs-1': `${CONFORMANCE}ninjs/examples/1.4/ninjsExComplex2.json`,
  'ninjs-2': `${CONFORMANCE}ninjs/examples/guidelines-2.2/007_multimedia.json`,
  'ninjs-3': `${CONFORMANCE}ninjs/examples/guidelines-3.1/007_multimedia.json`,
  'newsml-g2': `${CONFORMANCE}newsml-g2/examples/LISTING_22_Sports_story_in_NewsML-G2NITF.xml`,
  'newsml-1.2': `${FIXTURES}afp-newsml12.xml`,
  nitf: `${FIXTURES}app-nitf.xml`,
  rss: `${FIXTURES}feed-rss.xml`,
  atom: `${FIXTURES}feed-atom.xml`,
};

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '2' },
    format: { type: 'string' },
    record: { type: 'boolean', default: false },
    dist: { type: 'string', default: DEFAULT_DIST },
  },
});

/** Distinct copies of a sample (the id changed in each), so no run parses the very same string twice in a row. */
function variants(bytes, count) {
  const text = new TextDecoder().decode(bytes);
  return Array.from({ length: count }, (_, i) =>
    new TextEncoder().encode(text.replace(/(guid|uri|NewsItemId|doc-id|<id)([^0-9]{0,30})/, `$1$2${i}-`)),
  );
}

/** Part 1: files and items per second for each format, after a short warm-up. */
async function measureParsing({ seconds, only, dist }) {
  const { parseWireFile } = await importDist('ingest/wire/parseWireFile.js', dist);
  const rows = [];
  for (const [format, path] of Object.entries(SAMPLES)) {
    if (only !== undefined && only !== format) continue;
    const copies = variants(readFileSync(path), 64);
    const check = parseWireFile(copies[0], path);
    if (!check.ok) throw new Error(`${format} sample refused: ${check.reason}`);
    const perFile = check.items.length;
    const warmUntil = performance.now() + 300;
    for (let i = 0; performance.now() < warmUntil; i += 1) parseWireFile(copies[i % copies.length], path);
    let files = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    while (performance.now() < until) {
      for (let i = 0; i < 16; i += 1) parseWireFile(copies[(files + i) % copies.length], path);
      files += 16;
    }
    const elapsed = (performance.now() - started) / 1000;
    const bytes = copies[0].length;
    rows.push([
      format,
      String(bytes),
      String(perFile),
      Math.round(files / elapsed).toLocaleString('en-US'),
      Math.round((files * perFile) / elapsed).toLocaleString('en-US'),
      ((files * bytes) / elapsed / 1e6).toFixed(1),
    ]);
  }
  return { header: ['format', 'file bytes', 'items/file', 'files/s', 'items/s', 'MB/s'], rows };
}

async function main() {
  const settings = { seconds: Number(flags.seconds), only: flags.format, dist: flags.dist };
  if (flags.format !== undefined && !(flags.format in SAMPLES)) {
    throw new Error(`--format must be one of ${Object.keys(SAMPLES).join(', ')}`);
  }
  const machine = describeMachine();
  const load = loadAverage().toFixed(2);
  console.log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; load average ${load}`);
  const parsing = await measureParsing(settings);
  console.log(`\nWire parsing (bytes → WireItem), one core, ${settings.seconds} s per format:\n`);
  console.log(textTable(parsing.header, parsing.rows));
  if (flags.record) {
    await appendResults(
      [
        `## Wire parsing — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}. Command: \`node bench/wire.mjs\` (imports \`dist/\`).`,
        '',
        `Parsing (bytes → WireItem), one core, ${settings.seconds} s per format, load ${load}:`,
        '',
        markdownTable(parsing.header, parsing.rows),
      ].join('\n'),
    );
  }
}

await main();
