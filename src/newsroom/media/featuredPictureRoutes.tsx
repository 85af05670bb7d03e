import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../../desk/articles/articleDesk.js';
import { sendApiError } from '../../http/apiError.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { type FeaturedImage, parseFeaturedImage } from '../../news/featuredImage.js';
import { mayEdit } from '../../news/workflow.js';
import { type Refusal, refusal } from '../../shared/outcome.js';
import type { AdminContext } from '../http/adminContext.js';
import { isAdminApi, sendAdminRefusal } from '../http/adminPages.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { storeUpload, unavailable } from './mediaRoutes.js';
import { takeUploads, UPLOAD_BODY_LIMIT, type UploadForm } from './multipartUpload.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const PictureForm = Type.Object(
  {
    featuredMediaId: Type.Optional(Type.String({ maxLength: 20 })),
    featuredCaption: Type.Optional(Type.String({ maxLength: 5000 })),
    featuredCredit: Type.Optional(Type.String({ maxLength: 5000 })),
    featuredFocus: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: true },
);
type PictureFormBody = Static<typeof PictureForm>;
// The API's contract (docs/admin-api.md): the picture is always named, `"none"` to clear it. On the page an empty
// select means "no picture"; from a script a missing or misspelt field is a mistake, never an order to clear.
const PictureRequest = Type.Object(
  {
    featuredMediaId: Type.String({ pattern: '^(none|[1-9][0-9]{0,9})$' }),
    featuredCaption: Type.Optional(Type.String({ maxLength: 5000 })),
    featuredCredit: Type.Optional(Type.String({ maxLength: 5000 })),
    featuredFocus: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
const guard = { onRequest: requirePermission('article.write') };

/**
 * A story's featured picture: `/admin/articles/{id}/picture` (choose or
 * clear, a plain form), `/admin/articles/{id}/picture/upload` (upload into
 * the library and feature at once) and `PUT /api/v1/admin/articles/{id}/picture`.
 * Whoever may edit the story may change its picture.
 */
export function registerFeaturedPictureRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const options = { ...guard, schema: { params: IdParams, body: PictureForm } };
  const choose = async (request: FastifyRequest, reply: FastifyReply, articleId: number, body: PictureFormBody) => {
    const parsed = parseFeaturedImage({
      mediaId: body.featuredMediaId,
      caption: body.featuredCaption,
      credit: body.featuredCredit,
      focus: body.featuredFocus,
    });
    if (!parsed.ok) return refuse(request, reply, refusal('invalid', 'Fix the featured picture.', parsed.errors));
    return feature(ctx, request, reply, articleId, parsed.value);
  };
  app.post('/admin/articles/:id/picture', options, (request, reply) =>
    choose(request, reply, request.params.id, request.body),
  );
  const apiOptions = { ...guard, schema: { params: IdParams, body: PictureRequest } };
  app.put('/api/v1/admin/articles/:id/picture', apiOptions, (request, reply) =>
    choose(request, reply, request.params.id, request.body),
  );

  // Uploads in their own scope, as on the media page: only here is multipart/form-data parsed and the body this large.
  void app.register(async (scope) => {
    takeUploads(scope);
    scope.post(
      '/admin/articles/:id/picture/upload',
      { ...guard, bodyLimit: UPLOAD_BODY_LIMIT, schema: { params: IdParams, body: PictureForm } },
      async (request, reply) => {
        const library = ctx.media;
        if (library === undefined) return unavailable(reply);
        const form = request.body as UploadForm;
        // Checked by the route's schema.
        const articleId = (request.params as { readonly id: number }).id;
        const words = parseFeaturedImage({
          mediaId: '1',
          caption: form.featuredCaption,
          credit: form.featuredCredit,
          focus: form.featuredFocus,
        });
        if (!words.ok) return refuse(request, reply, refusal('invalid', 'Fix the featured picture.', words.errors));
        if (words.value === null) throw new Error('a featured picture with an id was read as none');
        const editable = await mayChange(ctx, request, articleId);
        if (!editable.ok) return refuse(request, reply, editable);
        const stored = await storeUpload(ctx, library, request, {
          ...form,
          // The library keeps the picture's own caption and credit too, for its next use.
          caption: typeof form.featuredCaption === 'string' ? form.featuredCaption : '',
          credit: typeof form.featuredCredit === 'string' ? form.featuredCredit : '',
        });
        if (!stored.ok) return refuse(request, reply, stored);
        return feature(ctx, request, reply, articleId, { ...words.value, mediaId: stored.asset.id });
      },
    );
  });
}

async function mayChange(
  ctx: AdminContext,
  request: FastifyRequest,
  articleId: number,
): Promise<{ ok: true } | Refusal> {
  const article = await ctx.workflow.get(articleId);
  if (article === null) return refusal('not-found', 'There is no article with this id.');
  if (!mayEdit(callerOf(actorOf(request), article), article.status)) {
    return refusal('forbidden', 'You cannot change this story, so you cannot change its picture.');
  }
  return { ok: true };
}

async function feature(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  articleId: number,
  featured: FeaturedImage | null,
): Promise<FastifyReply> {
  const editable = await mayChange(ctx, request, articleId);
  if (!editable.ok) return refuse(request, reply, editable);
  const outcome = await ctx.frontPage.setFeaturedImage(articleId, featured);
  if (!outcome.ok) {
    const message =
      outcome.reason === 'no-such-picture'
        ? 'There is no such picture in the library; it may have been deleted.'
        : 'There is no article with this id.';
    const field = outcome.reason === 'no-such-picture' ? 'featuredMediaId' : '';
    return refuse(request, reply, refusal('not-found', message, [{ field, message }]));
  }
  await ctx.audit.record({
    at: ctx.now(),
    actor: actorOf(request),
    action: 'article.picture',
    subject: { type: 'article', id: articleId },
    details: featured === null ? { mediaId: null } : { ...featured },
  });
  ctx.bus.publish('content.changed', { kind: 'pictures', articleIds: [articleId] });
  if (isAdminApi(request.url)) {
    return reply.header('cache-control', 'no-store').send({ articleId, featured });
  }
  return reply.redirect(`/admin/articles/${articleId}?notice=picture#featured-picture`, 303);
}

function refuse(request: FastifyRequest, reply: FastifyReply, refused: Refusal): FastifyReply {
  if (isAdminApi(request.url)) {
    return sendApiError(reply, statusForRefusal(refused.reason), refused.message, refused.problems);
  }
  const details = refused.problems.map((problem) => problem.message).filter((text) => text !== refused.message);
  return sendAdminRefusal(
    reply,
    refused.reason,
    'The featured picture was not changed',
    [refused.message, ...details].join(' '),
  );
}
