import { Type } from '@sinclair/typebox';
import { prepareResponse, sendPrepared } from '../../http/preparedResponse.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { ASSET_URL_PREFIX } from '../assets/siteAssets.js';
import { FAVICON_PATH } from '../components/Layout.js';
import type { SiteContext } from '../siteContext.js';
import { sendNotFoundPage } from './pageResponses.js';

// The masthead's "B" in the brand colour; small enough to keep in code.
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#7a1020"/>' +
  '<text x="16" y="24" font-family="Georgia,serif" font-size="22" font-weight="700" text-anchor="middle" fill="#fff">B</text></svg>';

/** Content-hashed stylesheet and script, from memory, cached by browsers for a year. */
export function registerAssetRoutes(app: TypeBoxApp, site: SiteContext): void {
  const favicon = prepareResponse(FAVICON_SVG, {
    contentType: 'image/svg+xml',
    cacheControl: 'public, max-age=86400',
  });
  app.get(FAVICON_PATH, async (request, reply) => sendPrepared(request, reply, await favicon));
  // Browsers and crawlers still ask for the old name; point them at the one icon.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(FAVICON_PATH, 301));

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
