import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordSectionChange, type SectionAction } from '../../desk/sections/recordSectionChange.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { SLUG_SHAPE } from '../../news/slug.js';
import type { SectionChange } from '../../store/sections/sectionAdmin.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { SectionsPage } from './SectionsPage.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100, pattern: SLUG_SHAPE.source }) });
// A form's position field: empty (last), or a whole number; anything else is refused on the page with a message.
const PositionField = Type.Optional(Type.String({ maxLength: 10 }));

const NOTICES = {
  created: 'Section created; it shows in the navigation now.',
  renamed: 'Section renamed.',
  moved: 'Section moved.',
  deleted: 'Section deleted.',
} as const satisfies Record<string, string>;

/** `/admin/sections`: the navigation's sections with their story counts; create, rename, reorder, delete. */
export function registerSectionRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('section.manage') };

  app.get(
    '/admin/sections',
    { ...guard, schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => sendSections(ctx, request, reply, noticeFlash(NOTICES, request.query.notice)),
  );

  app.post(
    '/admin/sections',
    {
      ...guard,
      schema: {
        body: Type.Object(
          {
            name: Type.String({ maxLength: 200 }),
            slug: Type.Optional(Type.String({ maxLength: 100 })),
            position: PositionField,
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const position = parsePosition(request.body.position);
      if (position === 'bad') return refuse(ctx, request, reply, 'A position is a whole number from 1.');
      const outcome = await ctx.sections.create({
        name: request.body.name,
        ...(request.body.slug !== undefined ? { slug: request.body.slug } : {}),
        ...(position !== undefined ? { position } : {}),
      });
      return finish(ctx, request, reply, outcome, 'section.create', 'created');
    },
  );

  app.post(
    '/admin/sections/:slug/rename',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object(
          { name: Type.String({ maxLength: 200 }), slug: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const outcome = await ctx.sections.rename({
        slug: request.params.slug,
        name: request.body.name,
        ...(request.body.slug !== undefined ? { newSlug: request.body.slug } : {}),
      });
      return finish(ctx, request, reply, outcome, 'section.rename', 'renamed');
    },
  );

  app.post(
    '/admin/sections/:slug/move',
    {
      ...guard,
      schema: { params: SlugParams, body: Type.Object({ position: PositionField }, { additionalProperties: true }) },
    },
    async (request, reply) => {
      const position = parsePosition(request.body.position);
      if (position === 'bad' || position === undefined) {
        return refuse(ctx, request, reply, 'A position is a whole number from 1.');
      }
      const outcome = await ctx.sections.move({ slug: request.params.slug, position });
      return finish(ctx, request, reply, outcome, 'section.move', 'moved');
    },
  );

  app.post('/admin/sections/:slug/delete', { ...guard, schema: { params: SlugParams } }, async (request, reply) => {
    const outcome = await ctx.sections.delete(request.params.slug);
    return finish(ctx, request, reply, outcome, 'section.delete', 'deleted');
  });
}

/** A form's position: undefined when left empty, 'bad' when not a whole number from 1 to 1000. */
export function parsePosition(typed: string | undefined): number | undefined | 'bad' {
  if (typed === undefined || typed.trim() === '') return undefined;
  if (!/^[0-9]{1,4}$/.test(typed.trim())) return 'bad';
  const position = Number(typed.trim());
  return position >= 1 && position <= 1000 ? position : 'bad';
}

async function finish(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: SectionChange,
  action: SectionAction,
  notice: keyof typeof NOTICES,
): Promise<FastifyReply> {
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') {
      return sendAdminRefusal(reply, 'not-found', 'No such section', outcome.message);
    }
    return refuse(ctx, request, reply, outcome.message, outcome.reason === 'conflict' ? 409 : 422);
  }
  await recordSectionChange(ctx, actorOf(request), action, outcome);
  return reply.redirect(`/admin/sections?notice=${notice}`, 303);
}

function refuse(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  message: string,
  status = 422,
): Promise<FastifyReply> {
  return sendSections(ctx, request, reply, { kind: 'error', message }, status);
}

async function sendSections(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  flash: Flash | undefined,
  status = 200,
): Promise<FastifyReply> {
  const sections = await ctx.sections.listWithCounts();
  return sendAdminPage(
    reply,
    <SectionsPage
      actor={actorOf(request)}
      csrfToken={csrfTokenFor(reply)}
      sections={sections}
      {...(flash !== undefined ? { flash } : {})}
    />,
    status,
  );
}
