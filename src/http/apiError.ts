import { STATUS_CODES } from 'node:http';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { FieldProblem } from '../shared/outcome.js';

/** Every API error has this shape: the status text, a sentence for people, and per-field reasons when there are some. */
export const ApiErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

export function apiErrorBody(status: number, message: string, details?: readonly FieldProblem[]) {
  return {
    error: STATUS_CODES[status] ?? 'Error',
    message,
    ...(details !== undefined && details.length > 0 ? { details: [...details] } : {}),
  };
}

/** Seconds a client is told to wait after a 503 that did not say otherwise: a database restart or failover. */
export const RETRY_AFTER_SECONDS = 2;

export function sendApiError(
  reply: FastifyReply,
  status: number,
  message: string,
  details?: readonly FieldProblem[],
): FastifyReply {
  // Every 503 says when to come back (RFC 9110 §10.2.3), unless the caller named its own time.
  if (status === 503 && !reply.hasHeader('retry-after')) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send(apiErrorBody(status, message, details));
}
