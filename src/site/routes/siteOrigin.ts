import type { FastifyRequest } from 'fastify';
import type { SiteContext } from '../siteContext.js';

// A host name, an IPv4 address or a bracketed IPv6 one, with an optional port: nothing else becomes part of a link.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin absolute links are made from: `--public-url` when set; else the
 * request's own scheme and host, which Fastify reads from X-Forwarded-Proto and
 * X-Forwarded-Host only when the peer is a trusted proxy. Null when the Host
 * header is not a host, so a route can refuse rather than publish it.
 */
export function siteOrigin(site: SiteContext, request: FastifyRequest): string | null {
  const configured = site.deps.publicUrl;
  if (configured) return new URL(configured).origin;
  const host = request.host;
  if (!HOST.test(host)) return null;
  return `${request.protocol}://${host.toLowerCase()}`;
}
