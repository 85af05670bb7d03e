import type { FieldProblem } from '../shared/outcome.js';

/**
 * Images in the media library: which files are accepted, the sizes made of
 * each, and what a newsroom must say about a picture. Pure rules; the store
 * and sharp do the I/O.
 */

/** Formats accepted for upload, told apart by their first bytes, never by name or declared type. */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

/** Formats every rendition is written in: WebP for browsers that take it, JPEG for the rest. */
export type RenditionFormat = 'webp' | 'jpeg';
export const RENDITION_FORMATS: readonly RenditionFormat[] = ['webp', 'jpeg'];

/** Widths made of every upload, in CSS pixels; an image is never scaled up past its own width. */
export const RENDITION_WIDTHS: readonly number[] = [320, 640, 1024, 1600];

/** Largest upload accepted: a full-resolution agency photo is 3–8 MB. */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Why a file over MEDIA_MAX_BYTES is refused, with the limit: its own size
 * when it was read, or (`null`) only that the upload ran past the limit.
 */
export function oversizedPictureMessage(fileBytes: number | null): string {
  const limit = `a picture may be at most ${MEDIA_MAX_BYTES / 1024 / 1024} MB (${grouped(MEDIA_MAX_BYTES)} bytes)`;
  if (fileBytes === null) return `The upload is too large: ${limit}. Nothing was stored.`;
  const megabytes = (Math.floor((fileBytes / 1024 / 1024) * 100) / 100).toFixed(2);
  return `The file is ${megabytes} MB (${grouped(fileBytes)} bytes); ${limit}. Nothing was stored.`;
}
/** Smallest and largest side accepted, in pixels: icons and posters are not news pictures. */
export const MEDIA_MIN_SIDE = 64;
export const MEDIA_MAX_SIDE = 12_000;

export const ALT_MAX_CHARS = 300;
export const CAPTION_MAX_CHARS = 600;
export const CREDIT_MAX_CHARS = 120;

/** A stored picture: its facts and the widths that exist on disk. */
export interface MediaAsset {
  readonly id: number;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly alt: string;
  readonly caption: string | null;
  readonly credit: string | null;
  /** Widths of the renditions, ascending; each exists as WebP and JPEG. */
  readonly widths: readonly number[];
  readonly createdAt: Date;
}

/** The words that go with a picture, as a newsroom typed them. */
export interface MediaDescription {
  readonly alt: string;
  readonly caption: string | null;
  readonly credit: string | null;
}

/** The fields of an upload a problem can be about. */
export type MediaField = 'alt' | 'caption' | 'credit' | 'file';

/** The format of an image from its magic bytes, or null when it is not JPEG, PNG or WebP. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  // JPEG: SOI marker FF D8 then the next marker's FF (ISO/IEC 10918-1 Annex B).
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  // PNG: the fixed 8-byte signature (RFC 2083 §3.1).
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((byte, index) => bytes[index] === byte)) return 'png';
  // WebP: a RIFF container whose form type is "WEBP" (RFC 9649 §2.5).
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Widths to make of an image `originalWidth` wide: the standard ones that fit, plus the original when smaller than the largest. */
export function renditionWidths(originalWidth: number): number[] {
  const fitting = RENDITION_WIDTHS.filter((width) => width <= originalWidth);
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1] ?? 0;
  if (originalWidth < largest && !fitting.includes(originalWidth)) fitting.push(originalWidth);
  return fitting.sort((a, b) => a - b);
}

/** Height of a rendition `width` wide, keeping the original's proportions. */
export function renditionHeight(asset: Pick<MediaAsset, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((asset.height * width) / asset.width));
}

/** Checks the words that go with a picture: alt text is required (WCAG 2.2 SC 1.1.1), the rest optional. */
export function validateMediaDescription(input: {
  readonly alt: unknown;
  readonly caption: unknown;
  readonly credit: unknown;
}): { ok: true; value: MediaDescription } | { ok: false; errors: FieldProblem<MediaField>[] } {
  const errors: FieldProblem<MediaField>[] = [];
  const alt = oneLine(input.alt);
  if (alt === '') errors.push({ field: 'alt', message: 'Describe the picture for readers who cannot see it.' });
  else if ([...alt].length > ALT_MAX_CHARS)
    errors.push({ field: 'alt', message: `Alt text can be at most ${ALT_MAX_CHARS} characters.` });
  const caption = oneLine(input.caption);
  if ([...caption].length > CAPTION_MAX_CHARS)
    errors.push({ field: 'caption', message: `A caption can be at most ${CAPTION_MAX_CHARS} characters.` });
  const credit = oneLine(input.credit);
  if ([...credit].length > CREDIT_MAX_CHARS)
    errors.push({ field: 'credit', message: `A credit can be at most ${CREDIT_MAX_CHARS} characters.` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { alt, caption: caption === '' ? null : caption, credit: credit === '' ? null : credit } };
}

/** Checks what sharp read from an accepted file; null when it may be stored. */
export function checkImageSize(size: {
  readonly width: number;
  readonly height: number;
}): FieldProblem<MediaField> | null {
  const { width, height } = size;
  if (Math.min(width, height) < MEDIA_MIN_SIDE) {
    return {
      field: 'file',
      message: `The picture is ${width}×${height}; each side must be at least ${MEDIA_MIN_SIDE} pixels.`,
    };
  }
  if (Math.max(width, height) > MEDIA_MAX_SIDE) {
    return {
      field: 'file',
      message: `The picture is ${width}×${height}; no side may exceed ${MEDIA_MAX_SIDE} pixels.`,
    };
  }
  return null;
}

/** File extension of a rendition format, as it appears in `/media/{id}/{width}.{ext}`. */
export function renditionExtension(format: RenditionFormat): 'webp' | 'jpg' {
  switch (format) {
    case 'webp':
      return 'webp';
    case 'jpeg':
      return 'jpg';
  }
}

function oneLine(value: unknown): string {
  return typeof value === 'string'
    ? value
        .replace(/\p{Cc}/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}

function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}
