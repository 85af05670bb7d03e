import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecureCookies } from '../adminDeps.js';

export const SESSION_COOKIE = 'bs_session';
export const CSRF_COOKIE = 'bs_csrf';

// The session is sent only where it is used: never to the reader site, its assets or its public API.
const SESSION_PATHS = ['/admin', '/api/v1/admin'] as const;

export function cookieSecure(mode: SecureCookies, request: FastifyRequest): boolean {
  switch (mode) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'auto':
      return request.protocol === 'https';
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  for (const path of SESSION_PATHS) {
    // No Max-Age: the server ends sessions (idle and absolute limits); the browser forgets it at exit.
    reply.setCookie(SESSION_COOKIE, token, { path, httpOnly: true, sameSite: 'lax', secure });
  }
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  for (const path of SESSION_PATHS) {
    reply.clearCookie(SESSION_COOKIE, { path, httpOnly: true, sameSite: 'lax', secure });
  }
}
