import type { FastifyReply } from 'fastify';
import type { Refusal, RefusalReason } from '../shared/outcome.js';
import { sendApiError } from './apiError.js';

const STATUS: { readonly [reason in RefusalReason]: number } = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  invalid: 422,
  unavailable: 503,
};

/** The one place a refusal's reason becomes an HTTP status (RFC 9110 §15.5, §15.6). */
export function statusForRefusal(reason: RefusalReason): number {
  return STATUS[reason];
}

/**
 * A refusal as the JSON API's error body. Problems of the request as a whole
 * (field '') are already in the message, so only per-field ones are detailed.
 */
export function sendApiRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  const details = refusal.problems.filter((problem) => problem.field !== '');
  return sendApiError(reply, statusForRefusal(refusal.reason), refusal.message, details);
}
