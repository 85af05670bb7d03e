import { Type } from '@sinclair/typebox';
import { ApiErrorSchema } from '../../http/apiError.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { can, type Permission } from '../../news/roles.js';
import type { AdminContext } from './adminContext.js';
import { actorOf, requireSignedIn } from './guard.js';

const PERMISSIONS: readonly Permission[] = [
  'article.write',
  'article.publish',
  'tag.manage',
  'section.manage',
  'print.manage',
  'comment.moderate',
  'market.manage',
  'market.feed',
  'user.manage',
  'audit.read',
];

const Me = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('token')]),
  id: Type.Integer(),
  name: Type.String(),
  email: Type.Optional(Type.String()),
  role: Type.String(),
  permissions: Type.Array(Type.String()),
});

/**
 * `GET /api/v1/admin/me`: who the session or token is. The pattern for every
 * admin JSON route: a guard as onRequest hook, a TypeBox response schema, no-store.
 */
export function registerMeRoutes(app: TypeBoxApp, _ctx: AdminContext): void {
  app.get(
    '/api/v1/admin/me',
    { onRequest: requireSignedIn(), schema: { response: { 200: Me, '4xx': ApiErrorSchema } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const permissions = PERMISSIONS.filter((permission) => can(actor.role, permission));
      const body =
        actor.kind === 'user'
          ? { kind: actor.kind, id: actor.userId, name: actor.name, email: actor.email, role: actor.role, permissions }
          : { kind: actor.kind, id: actor.tokenId, name: actor.name, role: actor.role, permissions };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
}
