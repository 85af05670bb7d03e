import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import {
  MEDIA_MAX_BYTES,
  type MediaAsset,
  oversizedPictureMessage,
  validateMediaDescription,
} from '../../news/media.js';
import { type FieldProblem, type Refusal, refusal } from '../../shared/outcome.js';
import { processUpload } from '../../store/media/mediaFiles.js';
import type { MediaLibrary } from '../../store/media/mediaLibrary.js';
import type { AdminContext } from '../http/adminContext.js';
import { isAdminApi, sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import type { Flash } from '../pages/AdminLayout.js';
import { MediaLibraryPage } from './MediaLibraryPage.js';
import { registerMediaEditRoutes } from './mediaEditRoutes.js';
import { isUploadedFile, takeUploads, UPLOAD_BODY_LIMIT, type UploadForm } from './multipartUpload.js';

const LIST_SIZE = 60;
const SEARCH_MAX = 200;
const LIBRARY_NOTICES = { uploaded: 'Picture uploaded.', deleted: 'Picture deleted.' } as const;
// The picture plus its words and the form's own bytes.

/** `/admin/media` (pages) and `/api/v1/admin/media` (JSON): the picture library, for anyone who writes articles. */
export function registerMediaRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('article.write') };

  app.get(
    '/admin/media',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          notice: Type.Optional(Type.Union([Type.Literal('uploaded'), Type.Literal('deleted')])),
          q: Type.Optional(Type.String({ maxLength: SEARCH_MAX })),
          for: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (request, reply) => {
      const library = ctx.media;
      if (library === undefined) return unavailable(reply);
      const { notice } = request.query;
      const flash: Flash | undefined =
        notice === undefined ? undefined : { kind: 'notice', message: LIBRARY_NOTICES[notice] };
      return sendLibrary(library, request, reply, {
        values: blankValues,
        errors: [],
        status: 200,
        flash,
        search: request.query.q ?? '',
        forArticle: request.query.for ?? null,
      });
    },
  );

  registerMediaEditRoutes(app, ctx);

  app.get(
    '/api/v1/admin/media',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
          search: Type.Optional(Type.String({ maxLength: SEARCH_MAX })),
        }),
      },
    },
    async (request, reply) => {
      const library = ctx.media;
      if (library === undefined) return unavailable(reply);
      const { items, total } = await library.list({
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
        ...(request.query.search !== undefined ? { search: request.query.search } : {}),
      });
      return reply.header('cache-control', 'no-store').send({ items: items.map(assetJson), total });
    },
  );

  // Uploads in their own scope: only here is multipart/form-data parsed, and only here is the body this large.
  void app.register(async (scope) => {
    takeUploads(scope);
    for (const path of ['/admin/media', '/api/v1/admin/media']) {
      scope.post(
        path,
        {
          ...guard,
          bodyLimit: UPLOAD_BODY_LIMIT,
          schema: {
            body: Type.Object(
              {
                alt: Type.Optional(Type.String()),
                caption: Type.Optional(Type.String()),
                credit: Type.Optional(Type.String()),
              },
              { additionalProperties: true },
            ),
          },
        },
        async (request, reply) => upload(ctx, request, reply, request.body as UploadForm),
      );
    }
  });
}

async function upload(ctx: AdminContext, request: FastifyRequest, reply: FastifyReply, form: UploadForm) {
  const library = ctx.media;
  if (library === undefined) return unavailable(reply);
  const values = uploadValues(form);
  const stored = await storeUpload(ctx, library, request, form);
  if (!stored.ok) {
    // The reason carries what a client can act on: too large, not an accepted picture, or fix the words.
    const status = statusForRefusal(stored.reason);
    return isAdminApi(request.url)
      ? sendApiError(reply, status, 'The picture was not stored.', stored.problems)
      : sendLibrary(library, request, reply, {
          values,
          errors: stored.problems,
          status,
          flash: undefined,
          search: '',
          forArticle: null,
        });
  }
  if (isAdminApi(request.url)) return reply.code(201).header('cache-control', 'no-store').send(assetJson(stored.asset));
  return reply.redirect('/admin/media?notice=uploaded', 303);
}

/** The words typed with an upload, as typed. */
export function uploadValues(form: UploadForm): typeof blankValues {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  return { alt: text('alt'), caption: text('caption'), credit: text('credit') };
}

/**
 * Checks an upload form and stores its picture in the library, audited:
 * the media page and the article's featured-picture upload both use it.
 */
export async function storeUpload(
  ctx: AdminContext,
  library: MediaLibrary,
  request: FastifyRequest,
  form: UploadForm,
): Promise<{ ok: true; asset: MediaAsset } | Refusal> {
  const invalid = (problems: readonly FieldProblem[]) => refusal('invalid', 'Fix the fields marked.', problems);
  // The words are checked first: a missing alt text is refused before any image work is done.
  const description = validateMediaDescription(uploadValues(form));
  const file = form.file;
  if (!isUploadedFile(file) || file.bytes.length === 0) {
    const errors = [{ field: 'file', message: 'Choose a picture to upload.' }];
    return invalid(description.ok ? errors : [...errors, ...description.errors]);
  }
  if (!description.ok) return invalid(description.errors);
  if (file.bytes.length > MEDIA_MAX_BYTES) {
    const message = oversizedPictureMessage(file.bytes.length);
    return refusal('too-large', message, [{ field: 'file', message }]);
  }
  const processed = await processUpload(file.bytes);
  if (!processed.ok) return processed;
  const actor = actorOf(request);
  const asset = await library.add({
    image: processed.image,
    description: description.value,
    by: actor.name,
    at: ctx.now(),
  });
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action: 'media.upload',
    subject: { type: 'media', id: asset.id },
    details: { filename: file.filename, width: asset.width, height: asset.height, bytes: asset.bytes },
  });
  return { ok: true, asset };
}

const blankValues = { alt: '', caption: '', credit: '' };

async function sendLibrary(
  library: MediaLibrary,
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    readonly values: typeof blankValues;
    readonly errors: readonly FieldProblem[];
    readonly status: number;
    readonly flash: Flash | undefined;
    readonly search: string;
    /** The story a picture is being chosen for: each picture then offers to be its featured picture. */
    readonly forArticle: number | null;
  },
): Promise<FastifyReply> {
  const { items, total } = await library.list({ limit: LIST_SIZE, search: input.search });
  return sendAdminPage(
    reply,
    <MediaLibraryPage
      actor={actorOf(request)}
      csrfToken={csrfTokenFor(reply)}
      items={items}
      total={total}
      values={input.values}
      errors={input.errors}
      search={input.search}
      forArticle={input.forArticle}
      {...(input.flash !== undefined ? { flash: input.flash } : {})}
    />,
    input.status,
  );
}

export function unavailable(reply: FastifyReply): FastifyReply {
  return sendAdminRefusal(
    reply,
    'unavailable',
    'Media library unavailable',
    'This server was started without a media directory.',
  );
}

export function assetJson(asset: MediaAsset) {
  return { ...asset, widths: [...asset.widths], createdAt: asset.createdAt.toISOString() };
}
