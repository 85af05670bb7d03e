// What the numbers were measured on, for RESULTS.md: a result without its machine means little.
import { execFileSync } from 'node:child_process';
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

/** Version line of a tool, or "absent". */
export function toolVersion(command, args) {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.split('\n')[0]?.trim() || 'present';
  } catch (error) {
    const stderr = /** @type {{ stderr?: string }} */ (error).stderr;
    return typeof stderr === 'string' && stderr.trim() ? (stderr.split('\n')[0]?.trim() ?? 'present') : 'absent';
  }
}

/** The 1-minute load average: on a shared machine, other work skews a run and the record should say so. */
export function loadAverage() {
  return loadavg()[0] ?? 0;
}
