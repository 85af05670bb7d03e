import { MarketDesk } from '../../desk/market/marketDesk.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminRefusal } from '../http/adminPages.js';
import { registerActionApiRoutes } from './actionApiRoutes.js';
import { registerActionPageRoutes } from './actionPageRoutes.js';
import { DESK_GUARD, type DeskRoutes } from './deskRouteKit.js';
import { registerFxCalendarPageRoutes } from './fxCalendarPageRoutes.js';
import { registerImportApiRoutes } from './importApiRoutes.js';
import { registerIndexDefinitionApiRoutes } from './indexDefinitionApiRoutes.js';
import { registerIndexDefinitionPageRoutes } from './indexDefinitionPageRoutes.js';
import { registerIndexPageRoutes } from './indexPageRoutes.js';
import { registerInstrumentApiRoutes } from './instrumentApiRoutes.js';
import { registerInstrumentPageRoutes } from './instrumentPageRoutes.js';
import { registerOverviewPageRoutes } from './overviewPageRoutes.js';

/**
 * The market desk: `/admin/market/...` pages and `/api/v1/admin/market/...`,
 * all behind `market.manage`. A server built without a market (ctx.marketDesk
 * undefined) answers every desk address with 503 rather than 404.
 */
export function registerMarketDeskRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  if (ctx.marketDesk === undefined) {
    const unavailable = async (_request: unknown, reply: Parameters<typeof sendAdminRefusal>[0]) =>
      sendAdminRefusal(reply, 'unavailable', 'Market desk unavailable', 'This server runs without a market.');
    for (const path of ['/admin/market', '/admin/market/*', '/api/v1/admin/market/*']) {
      app.all(path, DESK_GUARD, unavailable);
    }
    return;
  }
  const desk = new MarketDesk({
    deps: ctx.marketDesk,
    audit: ctx.audit,
    marketStore: ctx.marketStore,
    now: ctx.now,
  });
  const routes: DeskRoutes = { app, ctx, desk };
  registerOverviewPageRoutes(routes);
  registerInstrumentPageRoutes(routes);
  registerIndexPageRoutes(routes);
  registerIndexDefinitionPageRoutes(routes);
  registerActionPageRoutes(routes);
  registerFxCalendarPageRoutes(routes);
  registerInstrumentApiRoutes(routes);
  registerActionApiRoutes(routes);
  registerImportApiRoutes(routes);
  registerIndexDefinitionApiRoutes(routes);
}
