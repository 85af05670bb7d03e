import { Type } from '@sinclair/typebox';
import { deskFor } from '../../desk/articles/deskFor.js';
import { createDraftFromWire } from '../../desk/wire/wireDraft.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { can } from '../../news/roles.js';
import { parseSearchQuery } from '../../news/searchQuery.js';
import { karachiDayRange } from '../../shared/pakistanTime.js';
import type { WireInboxQuery } from '../../store/wire/wireInboxStore.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { type WireFilters, WireInboxPage } from './WireInboxPage.js';
import { WireItemPage } from './WireItemPage.js';

const PAGE_SIZE = 50;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const DATE = '^(\\d{4}-\\d{2}-\\d{2})?$';

const InboxQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  agency: Type.Optional(Type.String({ maxLength: 100 })),
  subject: Type.Optional(Type.String({ maxLength: 200 })),
  from: Type.Optional(Type.String({ pattern: DATE })),
  to: Type.Optional(Type.String({ pattern: DATE })),
  urgency: Type.Optional(Type.String({ pattern: '^[1-9]?$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

/** `/admin/wire`: the inbox, an item's preview, and "Create draft". */
export function registerWirePageRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const read = { onRequest: requirePermission('wire.read') };
  const desk = deskFor(ctx);

  app.get('/admin/wire', { ...read, schema: { querystring: InboxQuery } }, async (request, reply) => {
    const q = request.query;
    const filters: WireFilters = {
      q: q.q ?? '',
      agency: q.agency ?? '',
      subject: q.subject?.trim() ?? '',
      from: q.from ?? '',
      to: q.to ?? '',
      urgency: q.urgency ?? '',
    };
    const page = q.page ?? 1;
    const { query, problem } = inboxQuery(filters, page);
    const [found, agencies] = await Promise.all([ctx.wire.list(query), ctx.wire.agencies()]);
    return sendAdminPage(
      reply,
      <WireInboxPage
        actor={actorOf(request)}
        csrfToken={csrfTokenFor(reply)}
        filters={filters}
        agencies={agencies}
        entries={found.items}
        total={found.total}
        page={page}
        pageCount={Math.max(1, Math.ceil(found.total / PAGE_SIZE))}
        {...(problem !== null ? { problem } : {})}
      />,
    );
  });

  app.get('/admin/wire/:id', { ...read, schema: { params: IdParams } }, async (request, reply) => {
    const held = await ctx.wire.get(request.params.id);
    if (held === null)
      return sendAdminRefusal(reply, 'not-found', 'No such wire item', 'There is no wire item with this id.');
    const actor = actorOf(request);
    return sendAdminPage(
      reply,
      <WireItemPage
        actor={actor}
        csrfToken={csrfTokenFor(reply)}
        held={held}
        sections={await ctx.store.listSections()}
        mayDraft={can(actor.role, 'article.write')}
      />,
    );
  });

  app.post(
    '/admin/wire/:id/draft',
    {
      onRequest: requirePermission('article.write'),
      schema: {
        params: IdParams,
        body: Type.Object({ sectionSlug: Type.String({ maxLength: 100 }) }, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!can(actor.role, 'wire.read')) {
        return sendAdminRefusal(reply, 'forbidden', 'Not allowed', 'Your role may not use the wire inbox.');
      }
      const sections = await ctx.store.listSections();
      if (sections.length === 0) {
        // A page opened before the last section went, or a script: the same notice as the page, nothing made.
        const held = await ctx.wire.get(request.params.id);
        if (held === null)
          return sendAdminRefusal(reply, 'not-found', 'No such wire item', 'There is no wire item with this id.');
        const page = (
          <WireItemPage actor={actor} csrfToken={csrfTokenFor(reply)} held={held} sections={sections} mayDraft />
        );
        return sendAdminPage(reply, page, 409);
      }
      const made = await createDraftFromWire({ desk, wire: ctx.wire, now: ctx.now }, actor, {
        itemId: request.params.id,
        sectionSlug: request.body.sectionSlug,
      });
      if (!made.ok) {
        const detail = made.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
        return sendAdminRefusal(
          reply,
          made.reason,
          'No draft made',
          detail === '' ? made.message : `${made.message} ${detail}`,
        );
      }
      return reply.redirect(`/admin/articles/${made.value.articleId}?notice=created`, 303);
    },
  );
}

/** The form's filters as a store query; a date that is no calendar date is left out and said so. */
function inboxQuery(filters: WireFilters, page: number): { query: WireInboxQuery; problem: string | null } {
  let problem: string | null = null;
  const day = (text: string) => {
    if (text === '') return null;
    try {
      return karachiDayRange(text);
    } catch {
      problem = `"${text}" is not a date; that filter was left out.`;
      return null;
    }
  };
  const from = day(filters.from);
  const to = day(filters.to);
  const terms = parseSearchQuery(filters.q);
  const query: WireInboxQuery = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    terms,
    ...(filters.agency !== '' ? { agency: filters.agency } : {}),
    ...(filters.subject !== '' ? { subject: filters.subject } : {}),
    ...(from !== null ? { from: new Date(from.startMs) } : {}),
    ...(to !== null ? { until: new Date(to.endMs) } : {}),
    ...(filters.urgency !== '' ? { maxUrgency: Number(filters.urgency) } : {}),
  };
  return { query, problem };
}
