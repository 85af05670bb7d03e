import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { piecedText } from '../../http/piecedBody.js';
import { articleUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { rateLimitRefusal } from '../../news/commentMessages.js';
import { validateComment } from '../../news/commentRules.js';
import type { ArticleForReaders } from '../../store/articles/newsStore.js';
import type { CommentFormState } from '../pages/CommentsSection.js';
import type { SiteContext } from '../siteContext.js';
import { parseArticleId } from './articleId.js';
import { renderArticlePage } from './articlePageRender.js';
import { sendGonePage, sendHtml, sendNotFoundPage, servePage } from './pageResponses.js';

// Generous bounds on what the form may send; the comment rules give the real limits and messages.
const formField = Type.Optional(Type.String({ maxLength: 20_000 }));

export function registerArticleRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  /** A killed story is gone for good (410); anything else missing is a plain 404. */
  const WITHDRAWN = {
    kind: 'gone',
    title: 'This article has been withdrawn',
    message: 'This article has been withdrawn and is no longer available.',
  } as const;
  const sendMissingArticle = async (id: number, request: FastifyRequest, reply: FastifyReply) =>
    (await store.isWithdrawn(id))
      ? sendGonePage(site, reply, WITHDRAWN.title, WITHDRAWN.message)
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
      const key = `article:${id}:${slug}:${pendingNotice ? 'pending' : ''}`;
      // A cached page is dropped when its story is killed; a story that is not published is asked about only
      // when missing, so a page rendered afresh costs no query for the question.
      return servePage(site, request, reply, key, async (origin) => {
        const reading = await store.articleForReaders(id);
        if (reading === null) return (await store.isWithdrawn(id)) ? WITHDRAWN : { kind: 'notFound' };
        const { article } = reading;
        if (article.slug !== slug) return { kind: 'redirect', location: articleUrl(article), status: 301 };
        return { kind: 'page', html: await renderArticlePage(site, reading, { pendingNotice, form: null, origin }) };
      });
    },
  );

  const commentBody = Type.Object({ name: formField, email: formField, body: formField });

  /** Takes a comment from the form: 303 to the article when taken, else the page again with the text and why. */
  const takeComment = async (
    reading: ArticleForReaders,
    sent: Static<typeof commentBody>,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const values = {
      name: sent.name ?? '',
      email: sent.email ?? '',
      body: sent.body ?? '',
    };
    const sendForm = async (status: number, form: CommentFormState) =>
      sendHtml(
        reply,
        status,
        piecedText(
          await renderArticlePage(site, reading, { pendingNotice: false, form, origin: site.origin(request) }),
        ),
      );
    const { article } = reading;
    const decision = await site.commentLimiter.take(request.ip);
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendForm(429, { values, errors: [], refusal: rateLimitRefusal(decision.retryAfterSeconds) });
    }
    if (await store.isCommentAddressBanned(request.ip)) {
      return sendForm(403, {
        values,
        errors: [],
        refusal: 'The moderators do not accept comments from your address.',
      });
    }
    const validation = validateComment(values);
    if (!validation.ok) return sendForm(422, { values, errors: validation.errors });
    await store.addComment({ articleId: article.id, ...validation.value, ip: request.ip });
    return reply.redirect(`${articleUrl(article)}?comment=pending#comments`, 303);
  };

  const commentLimits = { bodyLimit: 64 * 1024 };

  /**
   * The comment form posts to the article's own address. A refused comment
   * comes back there, in the page, with the reader's text and the reason next
   * to the form (autofocus on the field brings the browser to it), so the
   * address stays one a reader can reload or share; an accepted one
   * redirects (303) to the article with a notice.
   */
  app.post(
    '/news/:id/:slug',
    {
      ...commentLimits,
      schema: { params: Type.Object({ id: Type.String(), slug: Type.String() }), body: commentBody },
    },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendNotFoundPage(site, request, reply);
      const reading = await store.articleForReaders(id);
      if (reading === null) return sendMissingArticle(id, request, reply);
      // 307 keeps the method and the body: the comment reaches the article's right address whole.
      if (reading.article.slug !== request.params.slug) return reply.redirect(articleUrl(reading.article), 307);
      return takeComment(reading, request.body, request, reply);
    },
  );

  // Where the form posted before it posted to the article itself: pages cached or open in a tab still send here,
  // and are answered the same way.
  app.post(
    '/news/:id/comments',
    { ...commentLimits, schema: { params: Type.Object({ id: Type.String() }), body: commentBody } },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendNotFoundPage(site, request, reply);
      const reading = await store.articleForReaders(id);
      if (reading === null) return sendMissingArticle(id, request, reply);
      return takeComment(reading, request.body, request, reply);
    },
  );
}
