import { Type } from '@sinclair/typebox';
import { ASSET_URL_PREFIX } from '../assets/siteAssets.js';
import { sendPrepared } from '../http/preparedResponse.js';
import type { TypeBoxApp } from '../http/typeboxApp.js';
import type { SiteContext } from '../siteContext.js';
import { sendNotFoundPage } from './pageResponses.js';

/** Content-hashed stylesheet and script, from memory, cached by browsers for a year. */
export function registerAssetRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get(
    `${ASSET_URL_PREFIX}:file`,
    { schema: { params: Type.Object({ file: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const prepared = site.assets.files.get(request.params.file);
      if (prepared === undefined) return sendNotFoundPage(site, request, reply);
      return sendPrepared(request, reply, prepared);
    },
  );
}
