import type { FastifyRequest } from 'fastify';
import { originOf } from '../../http/requestOrigin.js';
import type { AdminContext } from '../http/adminContext.js';

/**
 * The full address of a one-time link, for the admin to copy and pass on:
 * on `--public-url` when set, else on the origin the admin's own request came
 * to (believed from a proxy only when it is trusted). A path alone when the
 * request named no usable host.
 */
export function linkAddress(ctx: AdminContext, request: FastifyRequest, path: string): string {
  const origin = ctx.publicUrl !== null ? new URL(ctx.publicUrl).origin : originOf(request.protocol, request.host);
  return `${origin ?? ''}${path}`;
}
