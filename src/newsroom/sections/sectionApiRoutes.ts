import { Type } from '@sinclair/typebox';
import { recordSectionChange } from '../../desk/sections/recordSectionChange.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { Section } from '../../news/article.js';
import { SLUG_SHAPE } from '../../news/slug.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100, pattern: SLUG_SHAPE.source }) });
const SectionJson = Type.Object({ slug: Type.String(), name: Type.String(), position: Type.Integer() });
const Position = Type.Integer({ minimum: 1, maximum: 1000 });

/** `/api/v1/admin/sections`: list, create, rename or move, delete, for scripts and enhanced pages. */
export function registerSectionApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('section.manage') };
  const errors = { '4xx': ApiErrorSchema };

  app.get(
    '/api/v1/admin/sections',
    {
      ...guard,
      schema: {
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                slug: Type.String(),
                name: Type.String(),
                position: Type.Integer(),
                articleCount: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send({ items: await ctx.sections.listWithCounts() }),
  );

  app.post(
    '/api/v1/admin/sections',
    {
      ...guard,
      schema: {
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            position: Type.Optional(Position),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ section: SectionJson }), ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await ctx.sections.create(request.body);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      await recordSectionChange(ctx, actorOf(request), 'section.create', outcome);
      const section = await current(ctx, outcome.after?.slug ?? request.body.name);
      if (section === undefined) return sendApiError(reply, 409, 'The section was deleted meanwhile.');
      return reply.code(201).header('cache-control', 'no-store').send({ section });
    },
  );

  app.patch(
    '/api/v1/admin/sections/:slug',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            position: Type.Optional(Position),
          },
          { minProperties: 1, additionalProperties: false },
        ),
        response: { 200: Type.Object({ before: SectionJson, after: SectionJson }), ...errors },
      },
    },
    async (request, reply) => {
      const { name, slug: newSlug, position } = request.body;
      let slug = request.params.slug;
      const before = await current(ctx, slug);
      if (before === undefined) return sendApiError(reply, 404, `There is no section "${slug}".`);
      if (name !== undefined || newSlug !== undefined) {
        const renamed = await ctx.sections.rename({
          slug,
          ...(name !== undefined ? { name } : {}),
          ...(newSlug !== undefined ? { newSlug } : {}),
        });
        if (!renamed.ok) return sendApiRefusal(reply, renamed);
        await recordSectionChange(ctx, actorOf(request), 'section.rename', renamed);
        slug = renamed.after?.slug ?? slug;
      }
      if (position !== undefined) {
        const moved = await ctx.sections.move({ slug, position });
        if (!moved.ok) return sendApiRefusal(reply, moved);
        await recordSectionChange(ctx, actorOf(request), 'section.move', moved);
      }
      const after = await current(ctx, slug);
      if (after === undefined) return sendApiError(reply, 409, 'The section was deleted meanwhile.');
      return reply.header('cache-control', 'no-store').send({ before, after });
    },
  );

  app.delete(
    '/api/v1/admin/sections/:slug',
    { ...guard, schema: { params: SlugParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const outcome = await ctx.sections.delete(request.params.slug);
      if (!outcome.ok) return sendApiRefusal(reply, outcome);
      await recordSectionChange(ctx, actorOf(request), 'section.delete', outcome);
      return reply.code(204).send(null);
    },
  );
}

/** A section as it stands now, in the API's shape, or undefined when there is none at `slug`. */
async function current(ctx: AdminContext, slug: string): Promise<Section | undefined> {
  const found = (await ctx.sections.listWithCounts()).find((section) => section.slug === slug);
  return found === undefined ? undefined : { slug: found.slug, name: found.name, position: found.position };
}
