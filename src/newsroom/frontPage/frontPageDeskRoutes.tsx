import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { ArticleSummary } from '../../news/article.js';
import { arrangeFrontPage, FRONT_PAGE_SLOTS, type FrontPagePin, isFrontPageSlot } from '../../news/frontPage.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { AdminContext } from '../http/adminContext.js';
import { isAdminApi, sendAdminPage } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { FrontPageDeskPage } from './FrontPageDeskPage.js';

const CANDIDATES = 40;
const NOTICES = { saved: 'Front page saved: readers see it now.' } as const;
const guard = { onRequest: requirePermission('article.publish') };
const SlotValue = Type.Optional(Type.String({ maxLength: 20 }));
const PinsForm = Type.Object({
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
  lead: SlotValue,
  'top-1': SlotValue,
  'top-2': SlotValue,
  'top-3': SlotValue,
  'top-4': SlotValue,
});
const PinsJson = Type.Object(
  {
    pins: Type.Array(Type.Object({ slot: Type.String({ maxLength: 20 }), articleId: Type.Integer({ minimum: 1 }) }), {
      maxItems: FRONT_PAGE_SLOTS.length,
    }),
  },
  // A misspelt field is refused, never dropped while the pins are cleared.
  { additionalProperties: false },
);

/** `/admin/front-page` and `/api/v1/admin/front-page`: editors pin the lead and top stories; the rest is automatic. */
export function registerFrontPageDeskRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/front-page',
    { ...guard, schema: { querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => deskPage(ctx, request, reply, noticeFlash(NOTICES, request.query.notice), 200),
  );

  app.get('/api/v1/admin/front-page', guard, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ pins: await ctx.frontPage.pins() }),
  );

  app.post('/admin/front-page', { ...guard, schema: { body: PinsForm } }, async (request, reply) => {
    const problems: FieldProblem[] = [];
    const pins: FrontPagePin[] = [];
    for (const slot of FRONT_PAGE_SLOTS) {
      const value = request.body[slot];
      if (value === undefined || value === '' || value === 'auto') continue;
      if (!/^[1-9][0-9]{0,9}$/.test(value)) {
        problems.push({ field: slot, message: 'Choose a story or Automatic.' });
        continue;
      }
      pins.push({ slot, articleId: Number(value) });
    }
    return save(ctx, request, reply, pins, problems);
  });

  app.put('/api/v1/admin/front-page', { ...guard, schema: { body: PinsJson } }, async (request, reply) => {
    const problems: FieldProblem[] = [];
    const pins: FrontPagePin[] = [];
    for (const pin of request.body.pins) {
      if (!isFrontPageSlot(pin.slot)) {
        problems.push({ field: 'slot', message: `“${pin.slot}” is not a slot: use ${FRONT_PAGE_SLOTS.join(', ')}.` });
      } else if (pins.some((other) => other.slot === pin.slot)) {
        problems.push({ field: 'slot', message: `The ${pin.slot} slot is named twice.` });
      } else pins.push({ slot: pin.slot, articleId: pin.articleId });
    }
    return save(ctx, request, reply, pins, problems);
  });
}

async function save(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  pins: readonly FrontPagePin[],
  problems: FieldProblem[],
): Promise<FastifyReply> {
  const ids = pins.map((pin) => pin.articleId);
  if (new Set(ids).size !== ids.length) {
    problems.push({ field: '', message: 'A story can be pinned to one slot only.' });
  }
  if (problems.length === 0) {
    const outcome = await ctx.frontPage.replacePins(pins, actorOf(request).name, ctx.now());
    if (outcome.ok) {
      await ctx.audit.record({
        at: ctx.now(),
        actor: actorOf(request),
        action: 'frontpage.pin',
        subject: { type: 'front-page', id: 'home' },
        details: { pins: pins.map((pin) => ({ ...pin })) },
      });
      // Every node drops its cached home page (the bus is Redis when scaled out).
      ctx.bus.publish('content.changed', { kind: 'frontPage' });
      if (isAdminApi(request.url)) return reply.header('cache-control', 'no-store').send({ pins });
      return reply.redirect('/admin/front-page?notice=saved', 303);
    }
    problems.push({
      field: '',
      message: `Only published stories can be pinned; not published: ${outcome.unpublished.join(', ')}.`,
    });
  }
  const message = `The front page was not changed. ${problems.map((problem) => problem.message).join(' ')}`;
  if (isAdminApi(request.url)) return sendApiError(reply, 400, message, problems);
  return deskPage(ctx, request, reply, { kind: 'error', message }, 400);
}

async function deskPage(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
  flash: Flash | undefined,
  status: number,
): Promise<FastifyReply> {
  const [latest, pins] = await Promise.all([ctx.store.listArticles({ limit: CANDIDATES }), ctx.frontPage.pins()]);
  const byId = new Map<number, ArticleSummary>(latest.items.map((story) => [story.id, story]));
  for (const pin of pins) {
    if (byId.has(pin.articleId)) continue;
    const pinned = await ctx.store.getArticle(pin.articleId);
    if (pinned !== null) byId.set(pinned.id, pinned);
  }
  const { lead, top } = arrangeFrontPage(pins, latest.items, byId);
  const shown = [lead, ...top];
  const arranged = FRONT_PAGE_SLOTS.map((slot, index) => {
    const story = shown[index] ?? null;
    return {
      slot,
      story,
      pinned: story !== null && pins.some((pin) => pin.slot === slot && pin.articleId === story.id),
    };
  });
  return sendAdminPage(
    reply,
    <FrontPageDeskPage
      actor={actorOf(request)}
      csrfToken={csrfTokenFor(reply)}
      pins={pins}
      arranged={arranged}
      candidates={[...byId.values()]}
      {...(flash !== undefined ? { flash } : {})}
    />,
    status,
  );
}
