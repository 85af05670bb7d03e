import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { sendApiError } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { MAX_COPY_JSON, readEditorCopy } from '../../news/editorCopy.js';
import type { Actor } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { othersEditing, PRESENCE_TTL_MS } from './presence.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const write = { onRequest: requirePermission('article.write') };
// Presence rows older than this are gone for good; the list and the editor only show the last PRESENCE_TTL_MS.
const PRESENCE_KEPT_MS = 10 * 60 * 1000;

/**
 * What the story editor island calls while someone types: the autosaved copy
 * (one per person and article, never a revision) and presence ("Amna is
 * editing this story"). JSON in and out; the page's CSRF token rides in the
 * `x-csrf-token` header, or as the `_csrf` field of the beacon sent on leaving.
 */
export function registerEditingRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const { editing, workflow } = ctx;

  /** The person behind a browser session: copies and presence belong to people, not API tokens. */
  const personOf = (actor: Actor, reply: FastifyReply): { userId: number; name: string } | null => {
    if (actor.kind === 'user') return { userId: actor.userId, name: actor.name };
    sendApiError(reply, 403, 'Autosave and presence are for people signed in to the newsroom.');
    return null;
  };

  app.get('/admin/articles/:id/autosave', { ...write, schema: { params: IdParams } }, async (request, reply) => {
    const person = personOf(actorOf(request), reply);
    if (person === null) return reply;
    const found = await editing.autosaveOf(request.params.id, person.userId);
    return reply.send({
      autosave: found === null ? null : { copy: found.copy, savedAt: found.savedAt.toISOString() },
    });
  });

  app.post(
    '/admin/articles/:id/autosave',
    { ...write, bodyLimit: MAX_COPY_JSON, schema: { params: IdParams, body: Type.Unknown() } },
    async (request, reply) => {
      const person = personOf(actorOf(request), reply);
      if (person === null) return reply;
      const copy = readEditorCopy(request.body);
      if (typeof copy === 'string') return sendApiError(reply, 400, copy);
      if ((await workflow.get(request.params.id)) === null) return sendApiError(reply, 404, 'No such article.');
      const now = ctx.now();
      await editing.autosave({ articleId: request.params.id, userId: person.userId, copy, now });
      return reply.send({ savedAt: now.toISOString() });
    },
  );

  app.post(
    '/admin/articles/:id/autosave/discard',
    { ...write, schema: { params: IdParams, body: Type.Optional(Type.Unknown()) } },
    async (request, reply) => {
      const person = personOf(actorOf(request), reply);
      if (person === null) return reply;
      await editing.dropAutosave(request.params.id, person.userId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/admin/articles/:id/presence',
    { ...write, schema: { params: IdParams, body: Type.Optional(Type.Unknown()) } },
    async (request, reply) => {
      const person = personOf(actorOf(request), reply);
      if (person === null) return reply;
      const { id } = request.params;
      if ((await workflow.get(id)) === null) return sendApiError(reply, 404, 'No such article.');
      const now = ctx.now();
      await editing.markEditing({ articleId: id, userId: person.userId, name: person.name, now });
      await editing.prunePresence(new Date(now.getTime() - PRESENCE_KEPT_MS));
      const others = await othersEditing(ctx, [id], person.userId);
      return reply.send({ editing: others.get(id) ?? [], refreshMs: Math.floor(PRESENCE_TTL_MS / 3) });
    },
  );

  // Sent with navigator.sendBeacon as the page goes away: a form post, so the token is the `_csrf` field.
  app.post(
    '/admin/articles/:id/presence/leave',
    { ...write, schema: { params: IdParams, body: Type.Optional(Type.Unknown()) } },
    async (request, reply) => {
      const person = personOf(actorOf(request), reply);
      if (person === null) return reply;
      await editing.stopEditing(request.params.id, person.userId);
      return reply.code(204).send();
    },
  );
}
