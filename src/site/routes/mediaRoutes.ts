import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Type } from '@sinclair/typebox';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { RenditionFormat } from '../../news/media.js';
import { renditionPath } from '../../store/media/mediaFiles.js';
import type { SiteContext } from '../siteContext.js';
import { sendNotFoundPage } from './pageResponses.js';

/** A picture's file never changes (a new picture gets a new id): caches may keep it for a year without asking. */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

// Digits only: nothing in the path can step outside the media directory.
const FILE_NAME = /^([1-9][0-9]{0,4})\.(webp|jpg)$/;
const ID = /^[1-9][0-9]{0,9}$/;

const FORMATS: Record<'webp' | 'jpg', { readonly format: RenditionFormat; readonly type: string }> = {
  webp: { format: 'webp', type: 'image/webp' },
  jpg: { format: 'jpeg', type: 'image/jpeg' },
};

/** `/media/{id}/{width}.{webp|jpg}`: the renditions the media library made at upload, straight from disk. */
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
      const file = renditionPath(library.dir, Number(request.params.id), Number(width), format);
      const size = await stat(file).then(
        (info) => (info.isFile() ? info.size : null),
        () => null,
      );
      if (size === null) return sendNotFoundPage(site, request, reply);
      return reply
        .header('content-type', type)
        .header('content-length', String(size))
        .header('cache-control', MEDIA_CACHE_CONTROL)
        .send(createReadStream(file));
    },
  );
}
