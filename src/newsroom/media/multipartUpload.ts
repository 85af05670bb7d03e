import type { FastifyRequest } from 'fastify';

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
