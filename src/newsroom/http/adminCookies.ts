import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecureCookies } from '../newsroomDeps.js';

export const SESSION_COOKIE = 'bs_session';
export const CSRF_COOKIE = 'bs_csrf';
export const DEVICE_COOKIE = 'bs_device';

// The device cookie matters only to the sign-in form's post.
const DEVICE_PATH = '/admin/login';

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

/** Marks this browser as one the account signed in from (see the rule in ../loginThrottle.ts). */
export function setDeviceCookie(
  reply: FastifyReply,
  token: string,
  input: { secure: boolean; maxAgeMs: number },
): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: DEVICE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: input.secure,
    maxAge: Math.floor(input.maxAgeMs / 1000),
  });
}
