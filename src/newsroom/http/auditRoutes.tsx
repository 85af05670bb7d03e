import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { AuditPage } from '../pages/AuditPage.js';
import type { AdminContext } from './adminContext.js';
import { sendAdminPage } from './adminPages.js';
import { csrfTokenFor } from './csrf.js';
import { actorOf, requirePermission } from './guard.js';

const PAGE_SIZE = 50;

export function registerAuditRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  app.get(
    '/admin/audit',
    {
      onRequest: requirePermission('audit.read'),
      schema: { querystring: Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })) }) },
    },
    async (request, reply) => {
      const { before } = request.query;
      // One extra row says whether an older page exists without a count query.
      const rows = await ctx.audit.list({
        limit: PAGE_SIZE + 1,
        ...(before !== undefined ? { beforeId: before } : {}),
      });
      const entries = rows.slice(0, PAGE_SIZE);
      const last = entries[entries.length - 1];
      const olderHref = rows.length > PAGE_SIZE && last !== undefined ? `/admin/audit?before=${last.id}` : null;
      return sendAdminPage(
        reply,
        <AuditPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          entries={entries}
          olderHref={olderHref}
          paged={before !== undefined}
        />,
      );
    },
  );
}
