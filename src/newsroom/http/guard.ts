import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, can, type Permission, permissionDescription } from '../../news/roles.js';
// Brings in the `request.actor` and `request.adminAuth` declarations for every module that imports the guard.
import './adminAuth.js';
import { isAdminApi, sendAdminRefusal } from './adminPages.js';
import { safeNext } from './safeNext.js';

/** A Fastify onRequest hook that lets a request through or answers it. */
export type AdminGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * The check every admin route runs as its `onRequest` hook: after the scope
 * has identified the caller, before the body is read, CSRF is checked, or the
 * params, query and body are validated, so a caller who may not use the route
 * learns nothing about its input and costs no body parsing. Nobody signed in: a
 * page redirects to the sign-in form (303), the API answers 401. Signed in
 * without `permission`: 403. Otherwise `request.actor` is set and the route runs.
 */
export function requirePermission(permission: Permission): AdminGuard {
  return guard((actor) => can(actor.role, permission), permission);
}

/** Any signed-in person or live token, whatever the role (the dashboard, sign-out, "who am I"). */
export function requireSignedIn(): AdminGuard {
  return guard(() => true, null);
}

/** The actor of a request that passed a guard; throws when the route forgot its guard. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === undefined) {
    throw new Error(`No actor on ${request.method} ${request.url}: the route needs requirePermission(...)`);
  }
  return request.actor;
}

function guard(allowed: (actor: Actor) => boolean, permission: Permission | null): AdminGuard {
  return async (request, reply) => {
    const auth = request.adminAuth;
    if (auth === undefined) throw new Error('requirePermission used outside the admin plugin');
    const actor = auth.actor;
    if (actor === null) {
      if (auth.via === 'token') {
        reply.header('www-authenticate', 'Bearer realm="broadsheet", error="invalid_token"');
        return sendAdminRefusal(reply, 'unauthenticated', 'Not signed in', 'This API token is unknown or revoked.');
      }
      if (isAdminApi(request.url)) {
        reply.header('www-authenticate', 'Bearer realm="broadsheet"');
        return sendAdminRefusal(
          reply,
          'unauthenticated',
          'Not signed in',
          'Sign in, or send Authorization: Bearer <token>.',
        );
      }
      return reply.redirect(loginUrl(request), 303);
    }
    if (!allowed(actor)) {
      const message =
        permission === null
          ? 'You may not do this.'
          : `Your role (${actor.role}) may not ${permissionDescription(permission)}. Ask an administrator if you need to.`;
      return sendAdminRefusal(reply, 'forbidden', 'Not allowed', message);
    }
    request.actor = actor;
    return undefined;
  };
}

/**
 * The sign-in form, coming back here afterwards when this was a page the
 * browser asked for. A form sent after the session ended is not kept (its
 * body is never read unauthenticated); the form comes back to the page it was
 * sent from, says why, and the story editor restores its copy from the browser.
 */
function loginUrl(request: FastifyRequest): string {
  if (request.method === 'GET') return `/admin/login?next=${encodeURIComponent(request.url)}`;
  const back = safeNext(refererPath(request.headers.referer));
  return back === null ? '/admin/login?ended=1' : `/admin/login?next=${encodeURIComponent(back)}&ended=1`;
}

function refererPath(referer: string | undefined): string | null {
  if (referer === undefined) return null;
  try {
    const url = new URL(referer);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}
