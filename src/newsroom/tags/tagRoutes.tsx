import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordTagChange } from '../../desk/tags/recordTagChange.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { SLUG_SHAPE } from '../../news/slug.js';
import type { TagChange } from '../../store/tags/tagAdmin.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { TagMergeConfirmPage } from './TagMergeConfirmPage.js';
import { TagsPage } from './TagsPage.js';

const PAGE_SIZE = 50;
// Tag slugs keep letters of any script (an Urdu tag's words), as src/news/slug.ts makes them.
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100, pattern: SLUG_SHAPE.source }) });

const NOTICES = {
  renamed: 'Tag renamed; its old address redirects to the new one.',
  merged: 'Tags merged; the old address redirects to the tag kept.',
} as const satisfies Record<string, string>;

/** `/admin/tags`: list with story counts, rename, merge. */
export function registerTagRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const guard = { onRequest: requirePermission('tag.manage') };

  app.get(
    '/admin/tags',
    {
      ...guard,
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          notice: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const flash = noticeFlash(NOTICES, request.query.notice);
      return sendTags(ctx, request, reply, { search: request.query.q ?? '', page: request.query.page ?? 1, flash });
    },
  );

  app.post(
    '/admin/tags/:slug/rename',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object(
          { name: Type.String({ maxLength: 100 }), slug: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const outcome = await ctx.tags.rename({
        slug: request.params.slug,
        name: request.body.name,
        ...(request.body.slug !== undefined ? { newSlug: request.body.slug } : {}),
      });
      return finish(ctx, request, reply, outcome, 'tag.rename', 'renamed');
    },
  );

  app.post(
    '/admin/tags/:slug/merge',
    {
      ...guard,
      schema: {
        params: SlugParams,
        body: Type.Object(
          { into: Type.String({ maxLength: 100 }), confirm: Type.Optional(Type.String({ maxLength: 10 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      // Typed by an editor: "Russia Ukraine WAR" finds russia-ukraine-war, and an old name finds its tag.
      const into = await ctx.tags.find(request.body.into);
      if (into === null) {
        return sendTags(ctx, request, reply, {
          search: '',
          page: 1,
          flash: { kind: 'error', message: `There is no tag "${request.body.into}" to merge into.` },
          status: 422,
        });
      }
      if (request.body.confirm !== 'yes') {
        const from = await ctx.tags.find(request.params.slug);
        if (from === null) return sendAdminRefusal(reply, 'not-found', 'No such tag', 'There is no such tag.');
        if (from.slug !== into.slug) {
          return sendAdminPage(
            reply,
            <TagMergeConfirmPage actor={actorOf(request)} csrfToken={csrfTokenFor(reply)} from={from} into={into} />,
          );
        }
      }
      const outcome = await ctx.tags.merge({ from: request.params.slug, into: into.slug });
      return finish(ctx, request, reply, outcome, 'tag.merge', 'merged');
    },
  );
}

async function finish(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: TagChange,
  action: 'tag.rename' | 'tag.merge',
  notice: keyof typeof NOTICES,
): Promise<FastifyReply> {
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') return sendAdminRefusal(reply, 'not-found', 'No such tag', outcome.message);
    return sendTags(ctx, request, reply, {
      search: '',
      page: 1,
      flash: { kind: 'error', message: outcome.message },
      status: 422,
    });
  }
  await recordTagChange(ctx, actorOf(request), action, outcome);
  return reply.redirect(`/admin/tags?q=${encodeURIComponent(outcome.after.slug)}&notice=${notice}`, 303);
}

async function sendTags(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  input: {
    readonly search: string;
    readonly page: number;
    readonly flash: Flash | undefined;
    readonly status?: number;
  },
): Promise<FastifyReply> {
  const { items, total } = await ctx.tags.listWithCounts({
    search: input.search,
    limit: PAGE_SIZE,
    offset: (input.page - 1) * PAGE_SIZE,
  });
  return sendAdminPage(
    reply,
    <TagsPage
      actor={actorOf(request)}
      csrfToken={csrfTokenFor(reply)}
      search={input.search}
      tags={items}
      total={total}
      page={input.page}
      pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      {...(input.flash !== undefined ? { flash: input.flash } : {})}
    />,
    input.status ?? 200,
  );
}
