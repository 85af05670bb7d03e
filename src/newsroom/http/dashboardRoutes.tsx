import { dashboardCounts } from '../../desk/dashboardCounts.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { DashboardPage } from '../pages/DashboardPage.js';
import type { AdminContext } from './adminContext.js';
import { sendAdminPage } from './adminPages.js';
import { csrfTokenFor } from './csrf.js';
import { actorOf, requireSignedIn } from './guard.js';

export function registerDashboardRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const workflow = ctx.workflow;
  app.get('/admin', { onRequest: requireSignedIn() }, async (request, reply) => {
    const counts = await dashboardCounts({ store: ctx.store, workflow });
    return sendAdminPage(
      reply,
      <DashboardPage actor={actorOf(request)} csrfToken={csrfTokenFor(reply)} counts={counts} />,
    );
  });
}
