import { fork } from 'node:child_process';
import type { ProcessedImage } from '../../store/media/mediaFiles.js';
import type { PictureDrawerAnswer, PictureDrawerRequest } from './pictureDrawerMessages.js';

/** Turns SVG pictures into the media library's renditions, in order; rejects if any cannot be drawn. */
export type DrawPictures = (svgs: readonly string[]) => Promise<ProcessedImage[]>;

/**
 * Draws in a child process that exits when done (pictureDrawer.ts says why:
 * the image library's memory would otherwise stay with the server for good).
 */
export const drawPicturesApart: DrawPictures = (svgs) =>
  new Promise((resolve, reject) => {
    const fromSource = import.meta.url.endsWith('.ts');
    const script = new URL(fromSource ? './pictureDrawer.ts' : './pictureDrawer.js', import.meta.url).pathname;
    const child = fork(script, [], {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answered = false;
    child.once('message', (answer: PictureDrawerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.pictures.map(asBuffers));
      else reject(new Error(answer.message));
    });
    child.once('error', (error) => {
      if (!answered) reject(error);
      answered = true;
    });
    child.once('exit', (code, signal) => {
      if (!answered)
        reject(new Error(`the picture drawer stopped (${signal ?? `exit code ${code}`}) before answering`));
    });
    const request: PictureDrawerRequest = { svgs };
    child.send(request);
  });

/** The store writes Buffers; what crossed the process boundary are plain Uint8Arrays over the same bytes. */
function asBuffers(picture: ProcessedImage): ProcessedImage {
  const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    ...picture,
    original: buffer(picture.original),
    renditions: picture.renditions.map((rendition) => ({ ...rendition, data: buffer(rendition.data) })),
  };
}
