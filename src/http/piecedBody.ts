import type { DeflatedRun } from './gzipPieces.js';

/**
 * A part of a body that many responses carry alike (a page's ticker and masthead), made into bytes and
 * compressed once however many bodies it appears in.
 */
export interface SharedPart {
  readonly text: string;
  readonly bytes: Buffer;
  /** Stands for the bytes in a body's validator: equal ids, equal bytes. */
  readonly id: string;
  /** The bytes as a deflate run, compressed on the first call and kept. */
  run(): DeflatedRun;
}

/** A body's own text between the parts it shares with others, in order. */
export type BodyPart = string | SharedPart;

/**
 * A body as its parts, so that what it shares with other bodies is neither encoded nor compressed again for it
 * (see gzipOfPieces).
 */
export interface PiecedBody {
  readonly parts: readonly BodyPart[];
}

/** The whole body as one string. */
export function piecedText(body: PiecedBody): string {
  let text = '';
  for (const part of body.parts) text += typeof part === 'string' ? part : part.text;
  return text;
}
