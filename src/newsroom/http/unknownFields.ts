import type { FastifyInstance } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import { isAdminApi } from './adminPages.js';

/** The part of a route's body schema this check reads: a closed object's own field names. */
interface ClosedObjectSchema {
  readonly type?: unknown;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly additionalProperties?: unknown;
}

/** The fields of `body` that a closed object schema does not name; empty when the schema is open or not an object. */
export function unknownFields(schema: unknown, body: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const closed = schema as ClosedObjectSchema;
  if (closed.additionalProperties !== false || closed.properties === undefined) return [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.keys(body).filter((key) => !Object.hasOwn(closed.properties ?? {}, key));
}

/**
 * The newsroom's JSON API refuses a field its schema does not name. The
 * validator's default drops such fields without a word, so a script that
 * misspelt one (`sharesOutstandng`) was answered 200 while nothing changed,
 * and believed the change made. Only `/api/v1/admin/…` and only closed
 * schemas: the newsroom's pages post forms with fields of their own.
 */
export function refuseUnknownApiFields(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    if (!isAdminApi(request.url)) return;
    const unknown = unknownFields(request.routeOptions.schema?.body, request.body);
    if (unknown.length === 0) return;
    const problems = unknown.slice(0, 10).map((field) => ({ field, message: 'is not a field of this request' }));
    return sendApiError(
      reply,
      400,
      `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 10).join(', ')}. Nothing was changed.`,
      problems,
    );
  });
}
