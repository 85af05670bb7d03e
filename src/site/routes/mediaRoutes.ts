import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { RenditionFormat } from '../../news/media.js';
import type { SiteContext } from '../siteContext.js';
import { sendNotFoundPage } from './pageResponses.js';

/**
 * A picture's file never changes (a new picture gets a new id), so browsers keep it a year without
 * asking. A shared cache asks again after a minute: a picture removed from the library (a takedown)
 * must leave the proxy's cache too, and its ETag makes the asking a 304.
 */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, s-maxage=60, immutable';

// Digits only: nothing in the path can step outside the media folder.
const FILE_NAME = /^([1-9][0-9]{0,4})\.(webp|jpg)$/;
const ID = /^[1-9][0-9]{0,9}$/;

const FORMATS: Record<'webp' | 'jpg', { readonly format: RenditionFormat; readonly type: string }> = {
  webp: { format: 'webp', type: 'image/webp' },
  jpg: { format: 'jpeg', type: 'image/jpeg' },
};

/** `/media/{id}/{width}.{webp|jpg}`: the renditions the media library made at upload, from its folder or its table. */
export function registerMediaRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get(
    '/media/:id/:file',
    { schema: { params: Type.Object({ id: Type.String({ maxLength: 12 }), file: Type.String({ maxLength: 12 }) }) } },
    async (request, reply) => {
      const library = site.deps.media;
      const match = FILE_NAME.exec(request.params.file);
      if (library === undefined || match === null || !ID.test(request.params.id)) {
        return sendNotFoundPage(site, request, reply);
      }
      const [, width, extension] = match as unknown as [string, string, 'webp' | 'jpg'];
      const { format, type } = FORMATS[extension];
      const stored = await library.rendition(Number(request.params.id), Number(width), format);
      if (stored === null) return sendNotFoundPage(site, request, reply);
      const etag = `"m${request.params.id}-${width}-${extension}"`;
      reply.header('cache-control', MEDIA_CACHE_CONTROL).header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.header('content-type', type).header('content-length', String(stored.size)).send(stored.body);
    },
  );
}
