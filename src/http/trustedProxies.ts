import { isIP } from 'node:net';

/** Names Fastify's proxy matching (proxy-addr) understands for whole private ranges. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Reads a comma-separated list of proxy addresses and CIDR ranges (IPv4 and
 * IPv6, or `loopback`, `linklocal`, `uniquelocal`). Only a request whose
 * direct peer matches one of them may speak for the client with
 * X-Forwarded-For and X-Forwarded-Proto. Returns the entries, or the first
 * bad one as a problem.
 */
export function parseTrustedProxies(list: string): { entries: string[] } | { problem: string } {
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = problemOf(entry);
    if (problem !== null) return { problem };
  }
  return { entries };
}

function problemOf(entry: string): string | null {
  if ((NAMED_RANGES as readonly string[]).includes(entry)) return null;
  const [address = '', prefix, extra] = entry.split('/');
  // A zone (fe80::1%eth0) names an interface of this machine, which a peer's address never carries.
  const family = address.includes('%') ? 0 : isIP(address);
  if (family === 0 || extra !== undefined) {
    return `"${entry}" is not an IP address or CIDR range`;
  }
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return `"${entry}" has a bad prefix length (0 to ${max} for IPv${family})`;
  }
  return null;
}
