import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sharp } from 'sharp';
import {
  checkImageSize,
  type ImageFormat,
  MEDIA_MAX_SIDE,
  RENDITION_FORMATS,
  type RenditionFormat,
  renditionExtension,
  renditionWidths,
  sniffImageFormat,
} from '../../news/media.js';
import { type Refusal, refusal } from '../../shared/outcome.js';

/** An upload decoded and resized, in memory, not yet stored. */
export interface ProcessedImage {
  readonly format: ImageFormat;
  /** Width and height after EXIF orientation is applied: what readers see. */
  readonly width: number;
  readonly height: number;
  readonly original: Buffer;
  readonly renditions: readonly { readonly width: number; readonly format: RenditionFormat; readonly data: Buffer }[];
}

const WEBP_QUALITY = 80;
const JPEG_QUALITY = 82;

/**
 * Checks an upload and makes its renditions. The format comes from the magic
 * bytes and must agree with what the decoder finds; EXIF orientation is
 * applied and all metadata (camera, GPS position) is dropped from renditions.
 */
export async function processUpload(
  bytes: Buffer,
  options: {
    /**
     * Quicker, slightly larger files (WebP at the lowest effort, JPEG without
     * mozjpeg's extra passes): for pictures the demo draws at seed time, where
     * start-up time counts more than bytes.
     */
    readonly quick?: boolean;
  } = {},
): Promise<{ ok: true; image: ProcessedImage } | Refusal> {
  const format = sniffImageFormat(bytes);
  if (format === null) {
    return refusedFile('unsupported', 'Only JPEG, PNG and WebP pictures can be uploaded.');
  }
  // Loaded on the first upload only: libvips costs about 20 MB of memory that a reader-only node never needs.
  const { default: sharp } = await import('sharp');
  const decoding = { autoOrient: true, failOn: 'error', limitInputPixels: MEDIA_MAX_SIDE * MEDIA_MAX_SIDE } as const;
  let width: number;
  let height: number;
  try {
    // The header alone, whatever size it declares: a picture over the pixel limit is refused below for its size,
    // which the decoder's own limit would report as a file that cannot be read.
    const metadata = await sharp(bytes, { ...decoding, limitInputPixels: false }).metadata();
    if (metadata.format !== format) throw new Error(`decoder found ${metadata.format}`);
    ({ width, height } = metadata.autoOrient);
  } catch {
    return refusedFile('invalid', `The file starts like a ${format.toUpperCase()} picture but cannot be read as one.`);
  }
  const sizeProblem = checkImageSize({ width, height });
  if (sizeProblem !== null) return refusal('invalid', sizeProblem.message, [sizeProblem]);
  try {
    const renditions = await Promise.all(
      renditionWidths(width).flatMap((target) =>
        RENDITION_FORMATS.map(async (renditionFormat) => ({
          width: target,
          format: renditionFormat,
          data: await encode(
            sharp(bytes, decoding).resize({ width: target, withoutEnlargement: true }),
            renditionFormat,
            options.quick === true,
          ),
        })),
      ),
    );
    return { ok: true, image: { format, width, height, original: bytes, renditions } };
  } catch {
    return refusedFile('invalid', 'The picture is damaged and could not be resized.');
  }
}

function refusedFile(reason: 'unsupported' | 'invalid', message: string): Refusal {
  return refusal(reason, message, [{ field: 'file', message }]);
}

function encode(image: Sharp, format: RenditionFormat, quick: boolean): Promise<Buffer> {
  switch (format) {
    case 'webp':
      return image.webp({ quality: WEBP_QUALITY, ...(quick ? { effort: 0 } : {}) }).toBuffer();
    case 'jpeg':
      // JPEG has no transparency: a PNG's transparent parts become white, as on the printed page.
      return image.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, mozjpeg: !quick }).toBuffer();
  }
}

/** A rendition's file name, the same in the media folder and the media_files table: `640.webp`. */
export function renditionFileName(width: number, format: RenditionFormat): string {
  return `${width}.${renditionExtension(format)}`;
}

/** The original's file name as uploaded: `original.png`. */
export function originalFileName(format: ImageFormat): string {
  return `original.${format}`;
}

/** `{dir}/{id}/{width}.{ext}` */
export function renditionPath(dir: string, id: number, width: number, format: RenditionFormat): string {
  return path.join(dir, String(id), renditionFileName(width, format));
}

/**
 * Writes an image's files under `{dir}/{id}` all at once: into a temporary
 * folder first, then renamed into place, so a reader never finds half a set
 * and a crash leaves only a temporary folder behind.
 */
export async function writeImageFiles(dir: string, id: number, image: ProcessedImage): Promise<void> {
  const staging = path.join(dir, `.upload-${id}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    await writeFile(path.join(staging, originalFileName(image.format)), image.original);
    for (const rendition of image.renditions) {
      await writeFile(path.join(staging, renditionFileName(rendition.width, rendition.format)), rendition.data);
    }
    const target = path.join(dir, String(id));
    // A folder already there is from an upload whose database row never committed; it is replaced.
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

export async function removeImageFiles(dir: string, id: number): Promise<void> {
  await rm(path.join(dir, String(id)), { recursive: true, force: true });
}
