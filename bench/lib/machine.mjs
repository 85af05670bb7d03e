// What the numbers were measured on, for RESULTS.md: a result without its machine means little.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

export function describeMachine() {
  let cpu = 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  let nproc = String(availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // keep Node's count
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc,
    cpu,
    memoryGiB: (totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
  };
}

/** First line a tool prints about its version (on stdout or stderr, whatever its exit code), or "absent". */
export function toolVersion(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 5000 });
  if (result.error) return 'absent';
  const text = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'present'
  );
}

/** The 1-minute load average: on a shared machine, other work skews a run and the record should say so. */
export function loadAverage() {
  return loadavg()[0] ?? 0;
}
