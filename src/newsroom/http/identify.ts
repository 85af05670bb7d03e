import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminAuth } from './adminAuth.js';
import type { AdminContext } from './adminContext.js';
import { clearSessionCookie, cookieSecure, SESSION_COOKIE } from './adminCookies.js';
import { isAdminApi } from './adminPages.js';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,512})$/;

/**
 * An `onRequest` hook: works out who an admin request comes from. A bearer
 * token counts only on the JSON APIs (`/api/v1/admin/…`, `/api/v1/wire`) (it carries no ambient authority, so it
 * needs no CSRF token); pages know only the session cookie.
 */
export function identifyRequests(ctx: AdminContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.adminAuth = await identify(ctx, request, reply);
  };
}

async function identify(ctx: AdminContext, request: FastifyRequest, reply: FastifyReply): Promise<AdminAuth> {
  const secure = cookieSecure(ctx.secureCookies, request);
  // The stylesheet is the same for everyone: no session lookup for it.
  if (request.url.startsWith('/admin/assets/')) return { via: 'none', actor: null, secure };
  const authorization = request.headers.authorization;
  if (isAdminApi(request.url) && authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    const actor = token === undefined ? null : await ctx.accounts.tokenActor(token);
    return { via: 'token', actor, secure };
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (sessionToken === undefined || sessionToken === '') return { via: 'none', actor: null, secure };
  const session = await ctx.accounts.resumeSession({
    token: sessionToken,
    now: ctx.now(),
    policy: ctx.sessionPolicy,
  });
  if (session === null) {
    clearSessionCookie(reply, secure);
    return { via: 'none', actor: null, secure };
  }
  const { account } = session;
  return {
    via: 'session',
    actor: { kind: 'user', userId: account.id, email: account.email, name: account.name, role: account.role },
    sessionToken,
    secure,
  };
}
