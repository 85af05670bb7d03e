// How long `broadsheet` takes to start and finish a small command: wall time and the CPU time
// the process used (user + system, from /usr/bin/time), median and spread over several runs.
// CPU time is the figure to compare on a loaded machine; wall time moves with the load.
//
//   npm run build && node bench/cli-start.mjs [--runs 10]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 10 : Number(process.argv[runsAt + 1]);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number');

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-start-'));
const db = join(dir, 'site.sqlite');
const commands = [
  ['--help'],
  ['users', '--help'],
  ['serve', '--port', 'eighty'],
  ['tokens', 'list', '--db', db],
  ['market', 'log', '--help'],
];

function once(args) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, 'dist/cli.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', BROADSHEET_DATABASE_URL: '', BROADSHEET_DB: '' },
  });
  const last = result.stderr.trim().split('\n').at(-1) ?? '';
  const [wall, user, system] = last.split(' ').map(Number);
  if (![wall, user, system].every(Number.isFinite))
    throw new Error(`no timing for ${args.join(' ')}: ${result.stderr}`);
  return { wallMs: wall * 1000, cpuMs: (user + system) * 1000 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

try {
  console.log(`${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, ${runs} runs each`);
  console.log(
    `load average before: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  once(['tokens', 'list', '--db', db]); // creates and migrates the database outside the measured runs
  for (const args of commands) {
    const timings = Array.from({ length: runs }, () => once(args));
    const wall = timings.map((t) => t.wallMs);
    const cpu = timings.map((t) => t.cpuMs);
    console.log(
      `broadsheet ${args.join(' ').replace(db, 'DB')}`.padEnd(44) +
        `wall median ${median(wall).toFixed(0)} ms (${Math.min(...wall).toFixed(0)}–${Math.max(...wall).toFixed(0)}), ` +
        `CPU median ${median(cpu).toFixed(0)} ms (${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)})`,
    );
  }
  console.log(
    `load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
