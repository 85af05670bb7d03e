import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { sendApiError } from '../../http/apiError.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { RefusalReason } from '../../shared/outcome.js';
import { renderDocument } from '../../site/components/renderDocument.js';
import { AdminMessagePage } from '../pages/AdminMessagePage.js';
import { csrfTokenFor } from './csrf.js';

/** Sends a newsroom page. Never cached anywhere: it shows one person's view and carries their form tokens. */
export function sendAdminPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(page));
}

/** A refusal as a page (under /admin) or as JSON (under /api/), with the status its reason maps to. */
export function sendAdminRefusal(
  reply: FastifyReply,
  reason: RefusalReason,
  title: string,
  message: string,
): FastifyReply {
  return sendAdminError(reply, statusForRefusal(reason), title, message);
}

/** An error the HTTP layer raised (a body it could not read, a form token, a failure) as a page or as JSON. */
export function sendAdminError(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  if (isAdminApi(reply.request.url)) return sendApiError(reply, status, message);
  const actor = reply.request.adminAuth?.actor ?? null;
  return sendAdminPage(
    reply,
    <AdminMessagePage title={title} message={message} actor={actor} csrfToken={csrfTokenFor(reply)} />,
    status,
  );
}

export function isAdminApi(url: string): boolean {
  return url.startsWith('/api/');
}
