/**
 * The newsroom inside the web server: `/admin/*` pages and the
 * `/api/v1/admin/*` JSON API, in one encapsulated Fastify scope that owns
 * cookies, sessions, API-token sign-in, CSRF checks and its error pages.
 *
 * Mounted once by src/app.ts on the reader site's server:
 *   await server.register(adminPlugin, { admin: context });
 * Its background work (the purge of expired sessions) is ./sessionPurge.ts, started by the app.
 *
 * Adding an area (articles, comments, print, tags, market desk):
 *   1. Write `export function registerXRoutes(app: TypeBoxApp, ctx: AdminContext): void`
 *      in your own folder. Every route gets `onRequest: requirePermission('…')`
 *      from ./guard.ts; handlers read the signed-in person with `actorOf(request)`.
 *   2. Pages: render inside `AdminLayout` (../pages/AdminLayout.tsx) and send with
 *      `sendAdminPage(reply, <Page …/>)` (./adminPages.tsx). Every form is
 *      `method="post"` and carries `<input type="hidden" name="_csrf" value={csrfTokenFor(reply)} />`
 *      (./csrf.ts); scripts send the token in an `x-csrf-token` header instead.
 *   3. Record changes with `ctx.audit.record({ at: ctx.now(), actor, action, subject, details })`.
 *   4. Append `registerXRoutes` to ADMIN_ROUTE_MODULES in ./adminRoutes.ts.
 *
 * What this scope guarantees: a route's guard answers 401/303/403 before the
 * body is read or anything is validated; every POST/PUT/PATCH/DELETE made with
 * a session cookie must then carry a valid CSRF token or gets 403 before
 * validation and before the handler runs; bearer-token API calls are exempt
 * (no ambient credentials). Routes without a guard are reachable by anyone:
 * always add one.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyError, FastifyInstance } from 'fastify';
import { MarketEngineUnavailableError } from '../../engine/engineUnavailable.js';
import { RETRY_AFTER_SECONDS, sendApiError } from '../../http/apiError.js';
import { issueField } from '../../http/plainRequestProblem.js';
import { unknownFieldsRefused } from '../../http/strictBodyValidator.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isDatabaseUnavailable } from '../../store/databaseUnavailable.js';
import { ADMIN_CSS, ADMIN_STYLESHEET_PATH } from '../pages/adminStylesheet.js';
import type { AdminContext } from './adminContext.js';
import { isAdminApi, sendAdminError, sendAdminRefusal } from './adminPages.js';
import { ADMIN_ROUTE_MODULES } from './adminRoutes.js';
import { CSRF_OPTIONS, isUnsafeMethod } from './csrf.js';
import { identifyRequests } from './identify.js';

export interface AdminPluginOptions {
  /** The newsroom's context (adminContextOf in ./adminContext.ts). */
  readonly admin: AdminContext;
}

export async function adminPlugin(instance: FastifyInstance, options: AdminPluginOptions): Promise<void> {
  const ctx = options.admin;
  const app = instance as unknown as TypeBoxApp;

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, CSRF_OPTIONS);
  app.decorateRequest('actor', undefined);
  app.decorateRequest('adminAuth', undefined);

  // Nothing of the newsroom may be kept by a browser or CDN cache, whatever the route forgets to say (a route may still say it).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('cache-control', 'no-store');
    done();
  });
  app.addHook('onRequest', identifyRequests(ctx));
  // After the body is parsed (the token is a form field), before validation and every route's guard.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.adminAuth?.via === 'session' && isUnsafeMethod(request.method)) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
  // The JSON API refuses a field its schema does not name, where its body is judged (strictBodyValidator.ts);
  // only `/api/v1/admin/…`: the newsroom's pages post forms with fields of their own.
  const judgeApiBodies = unknownFieldsRefused(() => app.validatorCompiler, isAdminApi);
  app.addHook('onRoute', (route) => {
    if (isAdminApi(route.url) && route.schema?.body !== undefined && route.validatorCompiler === undefined) {
      route.validatorCompiler = judgeApiBodies;
    }
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof MarketEngineUnavailableError) {
      // A market desk write while no engine holds the lease (docs/adr/0006): worth trying again shortly.
      request.log.warn({ err: error, url: request.url }, 'no market engine took a desk change');
      reply.header('retry-after', String(error.retryAfterSeconds));
      const maybe = error.mayHaveBeenTaken
        ? ' It may have been made before the engine stopped answering: look before you send it again.'
        : '';
      return sendAdminError(reply, 503, 'Market engine unavailable', `${error.message}${maybe}`);
    }
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'admin request failed');
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendAdminRefusal(
        reply,
        'forbidden',
        'Form expired',
        'This form was not accepted: it has expired or did not come from this site. Go back, reload the page and try again.',
      );
    }
    if (status === 500 && isDatabaseUnavailable(error)) {
      // A write that could not reach the database took nothing: say so, and when to try again.
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendAdminError(
        reply,
        503,
        'Temporarily unavailable',
        'The database is not answering; nothing was changed. Try again in a moment.',
      );
    }
    if (status === 500) return sendAdminError(reply, 500, 'Something went wrong', 'Please try again in a moment.');
    if (isAdminApi(request.url)) {
      const details = error.validation?.map((issue) => ({
        field: issueField(issue) || 'request',
        message: issue.message ?? 'is not valid',
      }));
      return sendApiError(reply, status, error.message, details);
    }
    const message = `We could not read this request: ${error.message}.`;
    return sendAdminError(reply, status, 'Bad request', message);
  });

  app.get(ADMIN_STYLESHEET_PATH, (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(ADMIN_CSS),
  );

  for (const register of ADMIN_ROUTE_MODULES) register(app, ctx);
}
