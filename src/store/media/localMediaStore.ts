import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { removeImageFiles, renditionPath, writeImageFiles } from './mediaFiles.js';
import type { MediaStore } from './mediaStore.js';

/** Pictures in a folder on this machine (`{dir}/{id}/{width}.{webp|jpg}`): the embedded default. */
export function createLocalMediaStore(dir: string): MediaStore {
  return {
    place: { kind: 'local', dir },
    save: (_trx, id, image) => writeImageFiles(dir, id, image),
    discard: (id) => removeImageFiles(dir, id),
    async rendition(id, width, format) {
      const file = renditionPath(dir, id, width, format);
      const size = await stat(file).then(
        (info) => (info.isFile() ? info.size : null),
        () => null,
      );
      return size === null ? null : { size, body: createReadStream(file) };
    },
  };
}
