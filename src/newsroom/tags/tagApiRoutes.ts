import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordTagChange } from '../../desk/tags/recordTagChange.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { sendApiRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { Tag } from '../../news/article.js';
import { SLUG_SHAPE } from '../../news/slug.js';
import type { TagChange } from '../../store/tags/tagAdmin.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';

const PAGE_SIZE = 50;
// Tag slugs keep letters of any script (an Urdu tag's words), as src/news/slug.ts makes them.
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100, pattern: SLUG_SHAPE.source }) });
const TagJson = Type.Object({ slug: Type.String(), name: Type.String() });

/** `/api/v1/admin/tags`: the tag list, rename and merge for scripts and enhanced pages. */
export function registerTagApiRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('tag.manage') };
  const errors = { '4xx': ApiErrorSchema };

  app.get(
    '/api/v1/admin/tags',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ slug: Type.String(), name: Type.String(), articleCount: Type.Integer() })),
            total: Type.Integer(),
            page: Type.Integer(),
            pageCount: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const { items, total } = await ctx.tags.listWithCounts({
        search: request.query.q ?? '',
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) });
    },
  );

  app.patch(
    '/api/v1/admin/tags/:slug',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          },
          { minProperties: 1, additionalProperties: false },
        ),
        response: { 200: Type.Object({ before: TagJson, after: TagJson }), ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      let name = request.body.name;
      if (name === undefined) {
        // Only the slug changes: keep the name the tag has (findTag may follow a redirect; that is another tag).
        const current = await ctx.tags.find(slug);
        if (current === null || current.slug !== slug) return sendApiError(reply, 404, `There is no tag "${slug}".`);
        name = current.name;
      }
      const outcome = await ctx.tags.rename({
        slug,
        name,
        ...(request.body.slug !== undefined ? { newSlug: request.body.slug } : {}),
      });
      return finish(ctx, request, reply, outcome, 'tag.rename', (change) => ({ ...change }));
    },
  );

  app.post(
    '/api/v1/admin/tags/:slug/merge',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object({ into: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ from: TagJson, into: TagJson, moved: Type.Integer() }), ...errors },
      },
    },
    async (request, reply) => {
      // As on the page: a loosely typed or old slug finds the tag it means.
      const into = await ctx.tags.find(request.body.into);
      if (into === null) {
        return sendApiError(reply, 422, `There is no tag "${request.body.into}" to merge into.`, [
          { field: 'into', message: 'is not a tag' },
        ]);
      }
      const outcome = await ctx.tags.merge({ from: request.params.slug, into: into.slug });
      return finish(ctx, request, reply, outcome, 'tag.merge', (change) => ({
        from: change.before,
        into: change.after,
        moved: outcome.moved ?? 0,
      }));
    },
  );
}

/** Answers a refusal (404 for a missing tag, else 422), or audits, announces and answers the change. */
async function finish(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: TagChange,
  action: 'tag.rename' | 'tag.merge',
  body: (change: { readonly before: Tag; readonly after: Tag }) => Record<string, unknown>,
): Promise<FastifyReply> {
  if (!outcome.ok) {
    return sendApiRefusal(reply, outcome);
  }
  await recordTagChange(ctx, actorOf(request), action, outcome);
  return reply.header('cache-control', 'no-store').send(body(outcome));
}
