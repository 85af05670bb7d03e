import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import proxyAddr from '@fastify/proxy-addr';

/**
 * The origin (`https://example.com`) a reader asked for, or null when the
 * request names no usable host. Read from Host, or from X-Forwarded-Host and
 * X-Forwarded-Proto when the direct peer is a trusted proxy: the same rule
 * Fastify applies to `request.host` and `request.protocol` (last entry wins,
 * as the nearest proxy wrote it), kept here so the pre-routing fast path and
 * the routes cannot read a request differently.
 */
export type OriginReader = (request: IncomingMessage) => string | null;

// A DNS name, an IPv4 address or a bracketed IPv6 address, with an optional port (RFC 9110 §7.2).
const HOST_PATTERN =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const MAX_HOST_LENGTH = 260;

export function createOriginReader(trustedProxies: readonly string[]): OriginReader {
  const trusts = trustedProxies.length > 0 ? proxyAddr.compile([...trustedProxies]) : null;
  return (request) => {
    const peer = request.socket.remoteAddress;
    const viaProxy = trusts !== null && peer !== undefined && trusts(peer, 0);
    const forwardedHost = viaProxy ? lastEntry(request.headers['x-forwarded-host']) : undefined;
    const forwardedProto = viaProxy ? lastEntry(request.headers['x-forwarded-proto']) : undefined;
    const host = forwardedHost ?? request.headers.host;
    const encrypted = (request.socket as Partial<TLSSocket>).encrypted === true;
    const protocol = forwardedProto?.toLowerCase() ?? (encrypted ? 'https' : 'http');
    return originOf(protocol, host);
  };
}

/** `https` + `Example.com:443` → `https://example.com`; null for anything that is not plainly a host. */
export function originOf(protocol: string, host: string | undefined): string | null {
  if (protocol !== 'http' && protocol !== 'https') return null;
  if (host === undefined || host.length > MAX_HOST_LENGTH || !HOST_PATTERN.test(host)) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

function lastEntry(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[header.length - 1] : header;
  if (value === undefined) return undefined;
  const last = value.slice(value.lastIndexOf(',') + 1).trim();
  return last === '' ? undefined : last;
}
