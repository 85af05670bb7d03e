// Resident memory of a process, read from /proc/<pid>/status (Linux), sampled while load runs.
import { readFileSync } from 'node:fs';

/** VmRSS in bytes, or null when the process is gone or /proc is not there. */
export function readRssBytes(pid) {
  try {
    return parseVmRss(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/** The VmRSS line of a /proc status file in bytes (the kernel reports kB). */
export function parseVmRss(status) {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : null;
}

/** Samples a process's RSS every `intervalMs` until stopped; `stop()` returns the peak in bytes. */
export function sampleRss(pid, intervalMs = 100) {
  let peak = readRssBytes(pid) ?? 0;
  const timer = setInterval(() => {
    const rss = readRssBytes(pid);
    if (rss !== null && rss > peak) peak = rss;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const rss = readRssBytes(pid);
      if (rss !== null && rss > peak) peak = rss;
      return peak;
    },
  };
}
