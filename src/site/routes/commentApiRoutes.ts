import { Type } from '@sinclair/typebox';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { validateComment } from '../../news/commentRules.js';
import type { SiteContext } from '../siteContext.js';
import { parseArticleId } from './articleId.js';

const CommentRequest = Type.Object({
  // Bounds here only stop absurd payloads; the comment rules give the real limits (422).
  name: Type.String({ maxLength: 2000 }),
  email: Type.String({ maxLength: 2000 }),
  body: Type.String({ maxLength: 20_000 }),
});

export function registerCommentApiRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.post(
    '/api/v1/articles/:id/comments',
    {
      bodyLimit: 64 * 1024,
      schema: {
        params: Type.Object({ id: Type.String() }),
        body: CommentRequest,
        response: {
          201: Type.Object({ id: Type.Integer(), status: Type.Literal('pending') }),
          '4xx': ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendApiError(reply, 404, 'No article has this id.');
      const decision = await site.commentLimiter.take(request.ip);
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        return sendApiError(
          reply,
          429,
          `Too many comments from this address; try again in ${decision.retryAfterSeconds} seconds.`,
        );
      }
      if (await site.deps.store.isCommentAddressBanned(request.ip)) {
        return sendApiError(reply, 403, 'Comments from this address are not accepted.');
      }
      const validation = validateComment(request.body);
      if (!validation.ok) return sendApiError(reply, 422, 'The comment was not accepted.', validation.errors);
      const article = await site.deps.store.getArticle(id);
      if (article === null) return sendApiError(reply, 404, 'No article has this id.');
      const comment = await site.deps.store.addComment({ articleId: id, ...validation.value, ip: request.ip });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ id: comment.id, status: 'pending' as const });
    },
  );
}
