import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import type { ApiRole } from '../../store/accounts/apiTokens.js';
import type { MarketFeedDeps } from '../siteDeps.js';

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/;

/**
 * An `onRequest` hook: the request must carry `Authorization: Bearer <token>`
 * of a live token with `role`. Runs before the body is read, so an
 * unauthenticated client learns nothing from validation errors.
 */
export function requireRole(feed: MarketFeedDeps | undefined, role: ApiRole) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!feed) {
      await sendApiError(reply, 503, 'This server does not take market data.');
      return;
    }
    const match = BEARER.exec(request.headers.authorization ?? '');
    const token = match?.[1];
    if (token === undefined) {
      reply.header('www-authenticate', 'Bearer realm="broadsheet"');
      await sendApiError(reply, 401, 'Send an API token: Authorization: Bearer <token>.');
      return;
    }
    const granted = await feed.roleOfToken(token);
    if (granted === null) {
      reply.header('www-authenticate', 'Bearer realm="broadsheet", error="invalid_token"');
      await sendApiError(reply, 401, 'This API token is unknown or revoked.');
      return;
    }
    if (granted !== role) {
      await sendApiError(reply, 403, `This API token's role (${granted}) may not do this; it needs ${role}.`);
    }
  };
}
