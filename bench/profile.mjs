#!/usr/bin/env node
// Where Broadsheet spends its time serving the article page under load: a CPU profile of the server
// (node --cpu-prof) over one wrk run, summarised by function and by area. Nothing is recorded.
// With --target bare it profiles the bare node:http baseline serving the same bytes instead, for comparison.
// Usage: npm run build && node bench/profile.mjs [--target broadsheet|bare] [--coding identity|gzip] [--duration 10]
//        [--top 25] [--keep DIR]
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBareNode } from './lib/bareNode.mjs';
import { pickArticlePath, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, runWithCleanup } from './lib/children.mjs';
import { summarizeProfile } from './lib/cpuProfile.mjs';
import { pickLoadTool, runLoad } from './lib/load.mjs';
import { getRaw } from './lib/loopback.mjs';
import { textTable } from './lib/results.mjs';

const { values: flags } = parseArgs({
  options: {
    target: { type: 'string', default: 'broadsheet' },
    coding: { type: 'string', default: 'identity' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    top: { type: 'string', default: '25' },
    simulator: { type: 'string', default: 'on' },
    path: { type: 'string' },
    keep: { type: 'string' },
    cli: { type: 'string' },
  },
});
if (flags.coding !== 'identity' && flags.coding !== 'gzip') fail('--coding must be identity or gzip');
if (flags.target !== 'broadsheet' && flags.target !== 'bare') fail('--target must be broadsheet or bare');
const durationSec = Number(flags.duration);
if (!Number.isInteger(durationSec) || durationSec < 1 || durationSec > 60) fail('--duration must be 1 to 60 seconds');
const top = Number(flags.top);
const headers = flags.coding === 'gzip' ? { 'Accept-Encoding': 'gzip' } : {};

await runWithCleanup(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-profile-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));
  const profileDir = flags.keep ? resolve(flags.keep) : join(dir, 'profile');
  const profiling = ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const broadsheet = await startBroadsheet({
    dir,
    simulator: flags.simulator === 'on',
    nodeArgs: flags.target === 'broadsheet' ? profiling : [],
    ...(flags.cli ? { cli: resolve(flags.cli) } : {}),
  });
  const path = flags.path ?? (await pickArticlePath(broadsheet.origin));
  let target = { origin: broadsheet.origin, stop: broadsheet.stop };
  if (flags.target === 'bare') {
    const identityFile = join(dir, 'page.html');
    const gzipFile = join(dir, 'page.html.gz');
    await writeFile(identityFile, (await getRaw(`${broadsheet.origin}${path}`)).body);
    await writeFile(gzipFile, (await getRaw(`${broadsheet.origin}${path}`, { 'Accept-Encoding': 'gzip' })).body);
    await broadsheet.stop();
    target = await startBareNode({ path, identityFile, gzipFile, nodeArgs: profiling });
  }
  const url = `${target.origin}${path}`;
  const tool = pickLoadTool(undefined);
  process.stderr.write(
    `[profile] ${flags.target} ${path}, ${flags.coding}: 3s warm-up, then ${durationSec}s profiled…\n`,
  );
  await runLoad(tool, url, { threads: 2, connections: Number(flags.connections), durationSec: 3 }, headers);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const result = await runLoad(tool, url, { threads: 2, connections: Number(flags.connections), durationSec }, headers);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  await target.stop(); // the profile is written as the server exits
  const files = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${profileDir}: did the server exit cleanly on SIGTERM?`);
  const profile = JSON.parse(await readFile(join(profileDir, files.sort().at(-1) ?? ''), 'utf8'));
  const summary = summarizeProfile(profile, { fromUs, toUs });

  const rows = (list) => list.slice(0, top).map((entry) => [entry.percent.toFixed(1), String(entry.count), entry.name]);
  const header = ['%', 'samples', 'where'];
  process.stdout.write(
    `\n${result.requestsPerSec.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms under the profiler ` +
      `(${summary.samples} samples in the load window)\n`,
  );
  process.stdout.write(`\nBy area (self time):\n${textTable(header, rows(summary.areas))}\n`);
  process.stdout.write(`\nBy function, self time:\n${textTable(header, rows(summary.self))}\n`);
  process.stdout.write(`\nBy function, inclusive time:\n${textTable(header, rows(summary.inclusive))}\n`);
  if (flags.keep) process.stdout.write(`\nProfile kept in ${profileDir} (open it in Chrome DevTools › Performance)\n`);
  return 0;
});

function fail(message) {
  process.stderr.write(`profile.mjs: ${message}\n`);
  process.exit(2);
}
