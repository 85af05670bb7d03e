import { randomBytes } from 'node:crypto';
import type { FastifyCsrfProtectionOptions } from '@fastify/csrf-protection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE } from './adminCookies.js';

/** The hidden form field every admin form carries; scripts send the `x-csrf-token` header instead. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * @fastify/csrf-protection with its secret in an HttpOnly cookie: a form's
 * token is an HMAC of that secret, so a page on another site can neither read
 * the token nor make one. The cookie is rotated at every sign-in and sign-out.
 */
export const CSRF_OPTIONS: FastifyCsrfProtectionOptions = {
  sessionPlugin: '@fastify/cookie',
  cookieKey: CSRF_COOKIE,
  // Path / because both /admin and /api/v1/admin need it; the secret alone grants nothing.
  cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax' },
  getToken: (request) => formField(request.body) ?? headerToken(request),
};

/** The token to put in a form's `_csrf` field (or a script's `x-csrf-token` header) on this response's page. */
export function csrfTokenFor(reply: FastifyReply): string {
  return reply.generateCsrf({ secure: reply.request.adminAuth?.secure ?? false });
}

/** A new secret, so tokens from before a sign-in or sign-out stop working. */
export function rotateCsrfSecret(reply: FastifyReply, secure: boolean): void {
  reply.setCookie(CSRF_COOKIE, randomBytes(18).toString('base64url'), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

/** State-changing methods: every one from a browser session must carry a token. */
export function isUnsafeMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

function formField(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

function headerToken(request: FastifyRequest): string | undefined {
  const value = request.headers[CSRF_HEADER];
  return typeof value === 'string' ? value : undefined;
}
