import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { articleUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { validateComment } from '../../news/commentRules.js';
import type { SiteContext } from '../siteContext.js';
import { parseArticleId } from './articleId.js';
import { renderArticlePage } from './articlePageRender.js';
import { sendErrorPage, sendHtml, sendNotFoundPage, servePage } from './pageResponses.js';

// Generous bounds on what the form may send; the comment rules give the real limits and messages.
const formField = Type.Optional(Type.String({ maxLength: 20_000 }));

export function registerArticleRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  /** A killed story is gone for good (410); anything else missing is a plain 404. */
  const sendMissingArticle = async (id: number, request: FastifyRequest, reply: FastifyReply) =>
    (await store.isWithdrawn(id))
      ? sendErrorPage(
          site,
          reply,
          410,
          'This article has been withdrawn',
          'This article has been withdrawn and is no longer available.',
        )
      : sendNotFoundPage(site, request, reply);

  app.get('/news/:id', { schema: { params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
    const id = parseArticleId(request.params.id);
    if (id === null) return sendNotFoundPage(site, request, reply);
    const article = await store.getArticle(id);
    if (article === null) return sendMissingArticle(id, request, reply);
    return reply.redirect(articleUrl(article), 301);
  });

  app.get(
    '/news/:id/:slug',
    {
      schema: {
        params: Type.Object({ id: Type.String(), slug: Type.String() }),
        querystring: Type.Object({ comment: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendNotFoundPage(site, request, reply);
      const { slug } = request.params;
      const pendingNotice = request.query.comment === 'pending';
      const origin = site.origin(request);
      // The origin is part of the page (canonical, og:url, structured data), so of its key.
      const key = `article:${id}:${slug}:${pendingNotice ? 'pending' : ''}:${origin ?? ''}`;
      // Only on a cache miss, so cached pages cost no query; a cached page is dropped when its story is killed.
      if (site.pages.lookup(key) === undefined && (await store.isWithdrawn(id))) {
        return sendMissingArticle(id, request, reply);
      }
      return servePage(site, request, reply, key, async () => {
        const article = await store.getArticle(id);
        if (article === null) return { kind: 'notFound' };
        if (article.slug !== slug) return { kind: 'redirect', location: articleUrl(article), status: 301 };
        return { kind: 'page', html: await renderArticlePage(site, article, { pendingNotice, form: null, origin }) };
      });
    },
  );

  // The comment form without JavaScript: errors come back in the page, success goes back to the article.
  app.post(
    '/news/:id/comments',
    {
      bodyLimit: 64 * 1024,
      schema: {
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ name: formField, email: formField, body: formField }),
      },
    },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendNotFoundPage(site, request, reply);
      const decision = await site.commentLimiter.take(request.ip);
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        return sendErrorPage(
          site,
          reply,
          429,
          'Too many comments',
          `You have posted several comments in the last minute. Please wait ${decision.retryAfterSeconds} seconds and try again.`,
        );
      }
      if (await store.isCommentAddressBanned(request.ip)) {
        return sendErrorPage(
          site,
          reply,
          403,
          'Comments not accepted',
          'The moderators do not accept comments from your address.',
        );
      }
      const article = await store.getArticle(id);
      if (article === null) return sendMissingArticle(id, request, reply);
      const values = {
        name: request.body.name ?? '',
        email: request.body.email ?? '',
        body: request.body.body ?? '',
      };
      const validation = validateComment(values);
      if (!validation.ok) {
        const html = await renderArticlePage(site, article, {
          pendingNotice: false,
          form: { values, errors: validation.errors },
          origin: site.origin(request),
        });
        return sendHtml(reply, 422, html);
      }
      await store.addComment({ articleId: article.id, ...validation.value, ip: request.ip });
      return reply.redirect(`${articleUrl(article)}?comment=pending#comments`, 303);
    },
  );
}
