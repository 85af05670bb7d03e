import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { type MediaAsset, validateMediaDescription } from '../../news/media.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { AdminContext } from '../http/adminContext.js';
import { isAdminApi, sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { MediaEditPage } from './MediaEditPage.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Words = Type.Object(
  {
    alt: Type.Optional(Type.String({ maxLength: 5000 })),
    caption: Type.Optional(Type.String({ maxLength: 5000 })),
    credit: Type.Optional(Type.String({ maxLength: 5000 })),
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  },
  // The API refuses a misspelt field (a form's extra fields are dropped before the route sees them).
  { additionalProperties: false },
);
const NOTICES = { saved: 'Saved: pages showing the picture use the new words now.' } as const;
const guard = { onRequest: requirePermission('article.write') };

/**
 * One library picture: `/admin/media/{id}` (its words, delete) and
 * `PATCH`/`DELETE /api/v1/admin/media/{id}`. A picture a published story
 * shows (featured or in its body) is never deleted: 409 names the stories.
 */
export function registerMediaEditRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/media/:id',
    {
      ...guard,
      schema: { params: IdParams, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) },
    },
    async (request, reply) => {
      const library = ctx.media;
      if (library === undefined) return noLibrary(reply);
      const asset = await library.get(request.params.id);
      if (asset === null) return missing(request, reply);
      const flash = noticeFlash(NOTICES, request.query.notice);
      return editPage(request, reply, asset, { ...(flash !== undefined ? { flash } : {}) });
    },
  );

  const describe = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    body: { alt?: string | undefined; caption?: string | undefined; credit?: string | undefined },
  ) => {
    const library = ctx.media;
    if (library === undefined) return noLibrary(reply);
    const values = { alt: body.alt ?? '', caption: body.caption ?? '', credit: body.credit ?? '' };
    const checked = validateMediaDescription(values);
    const asset = await library.get(id);
    if (asset === null) return missing(request, reply);
    if (!checked.ok) {
      return isAdminApi(request.url)
        ? sendApiError(reply, 400, 'The picture was not changed.', checked.errors)
        : editPage(request, reply, asset, { values, errors: checked.errors, status: 400 });
    }
    const changed = await library.describe(id, checked.value);
    if (changed === null) return missing(request, reply);
    await ctx.audit.record({
      at: ctx.now(),
      actor: actorOf(request),
      action: 'media.describe',
      subject: { type: 'media', id },
      details: { before: words(asset), after: words(changed) },
    });
    // Its words show wherever a story shows it, which only the pages know.
    ctx.bus.publish('content.changed', { kind: 'pictures', articleIds: [] });
    if (isAdminApi(request.url)) return reply.header('cache-control', 'no-store').send(assetJson(changed));
    return reply.redirect(`/admin/media/${id}?notice=saved`, 303);
  };
  app.post('/admin/media/:id', { ...guard, schema: { params: IdParams, body: Words } }, (request, reply) =>
    describe(request, reply, request.params.id, request.body),
  );
  app.patch('/api/v1/admin/media/:id', { ...guard, schema: { params: IdParams, body: Words } }, (request, reply) =>
    describe(request, reply, request.params.id, request.body),
  );

  const remove = async (request: FastifyRequest, reply: FastifyReply, id: number) => {
    const library = ctx.media;
    if (library === undefined) return noLibrary(reply);
    const asset = await library.get(id);
    const outcome = await library.remove(id);
    switch (outcome.kind) {
      case 'missing':
        return missing(request, reply);
      case 'in-use': {
        const message = `Picture ${id} is shown by ${outcome.stories.length === 1 ? 'a published story' : 'published stories'}: ${outcome.stories
          .map((story) => `"${story.headline}" (${story.id})`)
          .join(', ')}. Change their pictures first.`;
        if (isAdminApi(request.url)) {
          return sendApiError(reply, 409, message, [{ field: '', message }]);
        }
        if (asset === null) return missing(request, reply);
        return editPage(request, reply, asset, {
          status: 409,
          usedBy: outcome.stories,
          flash: { kind: 'error', message: 'The picture was not deleted.' },
        });
      }
      case 'removed':
        await ctx.audit.record({
          at: ctx.now(),
          actor: actorOf(request),
          action: 'media.delete',
          subject: { type: 'media', id },
          details: asset === null ? {} : words(asset),
        });
        ctx.bus.publish('content.changed', { kind: 'pictures', articleIds: [] });
        if (isAdminApi(request.url)) return reply.code(204).send();
        return reply.redirect('/admin/media?notice=deleted', 303);
    }
  };
  app.post(
    '/admin/media/:id/delete',
    {
      ...guard,
      schema: { params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String({ maxLength: 200 })) }) },
    },
    (request, reply) => remove(request, reply, request.params.id),
  );
  app.delete('/api/v1/admin/media/:id', { ...guard, schema: { params: IdParams } }, (request, reply) =>
    remove(request, reply, request.params.id),
  );

  function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    asset: MediaAsset,
    state: {
      readonly values?: { readonly alt: string; readonly caption: string; readonly credit: string };
      readonly errors?: readonly FieldProblem[];
      readonly status?: number;
      readonly flash?: { readonly kind: 'notice' | 'error'; readonly message: string };
      readonly usedBy?: readonly { readonly id: number; readonly headline: string }[];
    },
  ): FastifyReply {
    return sendAdminPage(
      reply,
      <MediaEditPage
        actor={actorOf(request)}
        csrfToken={csrfTokenFor(reply)}
        asset={asset}
        values={state.values ?? { alt: asset.alt, caption: asset.caption ?? '', credit: asset.credit ?? '' }}
        errors={state.errors ?? []}
        {...(state.flash !== undefined ? { flash: state.flash } : {})}
        {...(state.usedBy !== undefined ? { usedBy: state.usedBy } : {})}
      />,
      state.status ?? 200,
    );
  }
}

function words(asset: MediaAsset) {
  return { alt: asset.alt, caption: asset.caption, credit: asset.credit };
}

function assetJson(asset: MediaAsset) {
  return { ...asset, widths: [...asset.widths], createdAt: asset.createdAt.toISOString() };
}

function missing(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return isAdminApi(request.url)
    ? sendApiError(reply, 404, 'There is no picture with this id.')
    : sendAdminRefusal(reply, 'not-found', 'No such picture', 'There is no picture with this id in the library.');
}

function noLibrary(reply: FastifyReply): FastifyReply {
  return sendAdminRefusal(
    reply,
    'unavailable',
    'Media library unavailable',
    'This server was started without a media directory.',
  );
}
