// CPU time a server spends, read from /proc: divided by the requests served it gives CPU per request,
// which unlike requests/s does not depend on how much of the machine other processes took meanwhile.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

/**
 * utime and stime of one process (all its threads), and cutime and cstime (its ended children's, once it has
 * waited for them), in clock ticks, from the text of /proc/<pid>/stat.
 */
function parseStatTicks(stat) {
  // The command name (field 2) may hold spaces and parentheses; fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  if (![utime, stime, cutime, cstime].every(Number.isFinite)) throw new Error('unreadable /proc/<pid>/stat');
  return { utime, stime, cutime, cstime };
}

/** CPU seconds of a process's ended children (fields 16 and 17), from the text of /proc/<pid>/stat. */
export function parseStatEndedChildrenCpuSeconds(stat) {
  const { cutime, cstime } = parseStatTicks(stat);
  return (cutime + cstime) / TICKS_PER_SECOND;
}

/**
 * CPU seconds of a server that starts a process per connection (PostgreSQL's postmaster): itself, its live
 * descendants, and every child that ended, which a run may have replaced. Null when /proc cannot tell.
 */
export function serverCpuSecondsWithEnded(pid) {
  const live = processTreeCpuSeconds(pid);
  if (live === null) return null;
  try {
    return live + parseStatEndedChildrenCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** utime + stime of one process (all its threads) in seconds, from the text of /proc/<pid>/stat. */
export function parseStatCpuSeconds(stat) {
  const { utime, stime } = parseStatTicks(stat);
  return (utime + stime) / TICKS_PER_SECOND;
}

/** User and system CPU seconds of one process, apart (the kernel's share shows what its sockets cost); null when gone. */
export function processCpuSplit(pid) {
  try {
    const { utime, stime } = parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return { user: utime / TICKS_PER_SECOND, system: stime / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds of a process and its live descendants (nginx's workers), or null when /proc cannot tell. */
export function processTreeCpuSeconds(pid) {
  const own = processCpuSeconds(pid);
  if (own === null) return null;
  // A descendant that ended meanwhile counts for nothing.
  return processTree(pid)
    .slice(1)
    .reduce((total, descendant) => total + (processCpuSeconds(descendant) ?? 0), own);
}

function processCpuSeconds(pid) {
  try {
    return parseStatCpuSeconds(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** A process and all its descendants (nginx's workers, the site's stream workers). */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      pids.push(...childPids(pids[i]));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

function childPids(pid) {
  const children = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (listed !== '') children.push(...listed.split(/\s+/).map(Number));
    } catch {
      // the thread ended meanwhile, or the kernel does not list children
    }
  }
  return children;
}

/**
 * CPU seconds of one thread of a process (the main thread has the process's own id): the JavaScript
 * thread's time alone, without the GC and compiler helper threads, and unaffected by how much of
 * the machine other processes took. Resolution: one clock tick (10 ms).
 */
export function threadCpuSeconds(pid, tid = pid) {
  return parseStatCpuSeconds(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
}
