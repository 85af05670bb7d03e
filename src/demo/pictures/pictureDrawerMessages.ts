import type { ProcessedImage } from '../../store/media/mediaFiles.js';

/** What the parent asks the picture drawer: every picture of the seed at once, in order. */
export interface PictureDrawerRequest {
  readonly svgs: readonly string[];
}

/** A picture as the drawer sends it back; the structured clone turns its Buffers into plain Uint8Arrays. */
export type DrawnPicture = ProcessedImage;

export type PictureDrawerAnswer =
  | { readonly ok: true; readonly pictures: readonly DrawnPicture[] }
  | { readonly ok: false; readonly message: string };
