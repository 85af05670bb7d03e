import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import { MEDIA_MAX_BYTES, oversizedPictureMessage } from '../../news/media.js';
import { isAdminApi, sendAdminError } from '../http/adminPages.js';

/** The body an upload may have: the largest picture, and a little over for the form's words and framing. */
export const UPLOAD_BODY_LIMIT = MEDIA_MAX_BYTES + 64 * 1024;

/** A file from an upload form, whole in memory (uploads are capped at a few megabytes). */
export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

/** A parsed multipart form: text fields by name (the last one wins), and the file fields. */
export type UploadForm = Record<string, string | UploadedFile>;

/**
 * Parses `multipart/form-data` while the body is read, so the parsed fields
 * exist before the admin scope's CSRF check (a preValidation hook that reads
 * the `_csrf` form field). @fastify/multipart hands the parts to the handler
 * instead, after every hook has run, so a form without script could never
 * pass that check; the body is bounded by the route's bodyLimit either way.
 * Parsing uses the WHATWG multipart parser built into Node (`Response.formData`).
 */
export async function parseUploadForm(request: FastifyRequest, body: Buffer): Promise<UploadForm> {
  const contentType = request.headers['content-type'] ?? '';
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw Object.assign(new Error('the upload form could not be read'), { statusCode: 400 });
  }
  const form: UploadForm = {};
  for (const [name, value] of parsed) {
    form[name] =
      typeof value === 'string' ? value : { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return form;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).bytes);
}

/**
 * Makes `scope` the one place upload forms are read: multipart bodies up to
 * UPLOAD_BODY_LIMIT, and a body over it refused in words that name the
 * picture limit (Fastify's own "Request body is too large" under a "Bad
 * request" title said neither). Every other error goes on to the newsroom's
 * handler.
 */
export function takeUploads(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'multipart/form-data',
    { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
    parseUploadForm,
  );
  scope.setErrorHandler((error: { code?: string }, request, reply) => {
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    const message = oversizedPictureMessage(null);
    if (isAdminApi(request.url)) return sendApiError(reply, 413, message, [{ field: 'file', message }]);
    return sendAdminError(reply, 413, 'Picture too large', message);
  });
}
