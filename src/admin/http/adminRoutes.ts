import type { TypeBoxApp } from '../../web/http/typeboxApp.js';
import type { AdminContext } from './adminContext.js';
import { registerAuditRoutes } from './auditRoutes.js';
import { registerDashboardRoutes } from './dashboardRoutes.js';
import { registerLoginRoutes } from './loginRoutes.js';
import { registerMeRoutes } from './meRoutes.js';
import { registerUserRoutes } from './userRoutes.js';

/** Registers one area's routes inside the admin scope (cookies, sessions, CSRF and the error pages apply). */
export type AdminRouteModule = (app: TypeBoxApp, ctx: AdminContext) => void;

/**
 * Every newsroom area. To add one: write `registerXRoutes(app, ctx)` in your
 * own folder (paths under /admin/… or /api/v1/admin/…, each with
 * `preHandler: requirePermission(...)`), import it here and append it.
 */
export const ADMIN_ROUTE_MODULES: readonly AdminRouteModule[] = [
  registerLoginRoutes,
  registerDashboardRoutes,
  registerMeRoutes,
  registerUserRoutes,
  registerAuditRoutes,
];
