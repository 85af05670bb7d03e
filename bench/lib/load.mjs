// One load run against one URL: wrk when installed, else autocannon from the site's devDependencies.
// Both report the same shape so the table does not care which one ran.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './broadsheet.mjs';
import { runToEnd } from './children.mjs';

export const WRK = '/usr/bin/wrk';
const AUTOCANNON = join(REPO_ROOT, 'node_modules', 'autocannon', 'autocannon.js');

/**
 * @typedef {{ requestsPerSec: number, p50Ms: number, p75Ms: number, p90Ms: number, p99Ms: number,
 *   requests: number, bytesPerResponse: number, non2xx: number, socketErrors: number }} LoadResult
 * @typedef {{ threads: number, connections: number, durationSec: number }} LoadShape
 */

/** Which load tool this machine has: wrk first. */
export function pickLoadTool(forced) {
  if (forced === 'wrk' || forced === 'autocannon') return forced;
  if (existsSync(WRK)) return 'wrk';
  if (existsSync(AUTOCANNON)) return 'autocannon';
  throw new Error('neither wrk (apt-get install -y wrk) nor autocannon (npm ci in the repository) is available');
}

/**
 * @param {'wrk' | 'autocannon'} tool
 * @param {string} url
 * @param {LoadShape} shape
 * @param {Record<string, string>} headers
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(tool, url, shape, headers) {
  const timeoutMs = (shape.durationSec + 30) * 1000;
  if (tool === 'wrk') {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const args = [
      `-t${shape.threads}`,
      `-c${shape.connections}`,
      `-d${shape.durationSec}s`,
      '--latency',
      ...headerArgs,
      url,
    ];
    const { stdout } = await runToEnd('wrk', WRK, args, { timeoutMs });
    return parseWrkOutput(stdout);
  }
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = [
    AUTOCANNON,
    '-c',
    String(shape.connections),
    '-d',
    String(shape.durationSec),
    '-w',
    String(shape.threads),
    '--json',
    ...headerArgs,
    url,
  ];
  const { stdout } = await runToEnd('autocannon', process.execPath, args, { timeoutMs });
  return parseAutocannonJson(stdout);
}

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const UNIT_BYTES = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function durationMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: cannot read the duration "${text}"`);
  return Number(match[1]) * UNIT_MS[/** @type {keyof typeof UNIT_MS} */ (match[2])];
}

function bytes(text) {
  const match = /^([\d.]+)(B|KB|MB|GB|TB)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: cannot read the size "${text}"`);
  return Number(match[1]) * UNIT_BYTES[/** @type {keyof typeof UNIT_BYTES} */ (match[2])];
}

/** Reads wrk's --latency report. Throws when a part is missing rather than guessing. */
export function parseWrkOutput(text) {
  const percentile = (p) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(text);
    if (!match?.[1]) throw new Error(`wrk output has no ${p}% latency line (was --latency given?):\n${text}`);
    return durationMs(match[1]);
  };
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  const total = /^\s*(\d+) requests in [\d.]+\w+, ([\d.]+\w?B) read/m.exec(text);
  if (!rps?.[1] || !total?.[1] || !total[2]) throw new Error(`wrk output has no totals:\n${text}`);
  const requests = Number(total[1]);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requestsPerSec: Number(rps[1]),
    p50Ms: percentile(50),
    p75Ms: percentile(75),
    p90Ms: percentile(90),
    p99Ms: percentile(99),
    requests,
    bytesPerResponse: requests > 0 ? bytes(total[2]) / requests : 0,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** Reads autocannon's --json report. */
export function parseAutocannonJson(text) {
  const report = JSON.parse(text.slice(text.indexOf('{')));
  const requests = Number(report.requests?.total ?? 0);
  return {
    requestsPerSec: Number(report.requests.average),
    p50Ms: Number(report.latency.p50),
    p75Ms: Number(report.latency.p75),
    p90Ms: Number(report.latency.p90),
    p99Ms: Number(report.latency.p99),
    requests,
    bytesPerResponse: requests > 0 ? Number(report.throughput.total) / requests : 0,
    non2xx: Number(report.non2xx ?? 0),
    socketErrors: Number(report.errors ?? 0) + Number(report.timeouts ?? 0),
  };
}
