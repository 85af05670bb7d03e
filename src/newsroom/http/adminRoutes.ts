import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { registerInvitationRoutes } from '../accounts/invitationRoutes.js';
import { registerLinkRoutes } from '../accounts/linkRoutes.js';
import { registerUserAccessRoutes } from '../accounts/userAccessRoutes.js';
import { registerUserApiRoutes } from '../accounts/userApiRoutes.js';
import { registerArticleApiRoutes } from '../articles/articleApiRoutes.js';
import { registerArticlePageRoutes } from '../articles/articlePageRoutes.js';
import { registerEditingRoutes } from '../articles/editingRoutes.js';
import { registerFrontPageDeskRoutes } from '../frontPage/frontPageDeskRoutes.js';
import { registerMarketDeskRoutes } from '../market/marketDeskRoutes.js';
import { registerFeaturedPictureRoutes } from '../media/featuredPictureRoutes.js';
import { registerMediaRoutes } from '../media/mediaRoutes.js';
import { registerModerationApiRoutes } from '../moderation/moderationApiRoutes.js';
import { registerModerationRoutes } from '../moderation/moderationRoutes.js';
import { registerPrintApiRoutes } from '../print/printApiRoutes.js';
import { registerPrintDeskRoutes } from '../print/printDeskRoutes.js';
import { registerSectionApiRoutes } from '../sections/sectionApiRoutes.js';
import { registerSectionRoutes } from '../sections/sectionRoutes.js';
import { registerTagApiRoutes } from '../tags/tagApiRoutes.js';
import { registerTagRoutes } from '../tags/tagRoutes.js';
import { registerWireApiRoutes } from '../wire/wireApiRoutes.js';
import { registerWirePageRoutes } from '../wire/wirePageRoutes.js';
import { registerAccountRoutes } from './accountRoutes.js';
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
 * `onRequest: requirePermission(...)`), import it here and append it.
 */
export const ADMIN_ROUTE_MODULES: readonly AdminRouteModule[] = [
  registerLoginRoutes,
  registerDashboardRoutes,
  registerMeRoutes,
  registerAccountRoutes,
  registerUserRoutes,
  registerUserAccessRoutes,
  registerUserApiRoutes,
  registerInvitationRoutes,
  registerLinkRoutes,
  registerAuditRoutes,
  registerArticlePageRoutes,
  registerArticleApiRoutes,
  registerEditingRoutes,
  registerModerationRoutes,
  registerModerationApiRoutes,
  registerPrintDeskRoutes,
  registerTagRoutes,
  registerSectionRoutes,
  registerMediaRoutes,
  registerFeaturedPictureRoutes,
  registerFrontPageDeskRoutes,
  registerMarketDeskRoutes,
  registerPrintApiRoutes,
  registerTagApiRoutes,
  registerSectionApiRoutes,
  registerWirePageRoutes,
  registerWireApiRoutes,
];
