import type { Actor } from '../../news/roles.js';

/**
 * How the current admin request identified itself, resolved once per request
 * by the admin plugin before any route runs. Routes read `request.actor`
 * (set by the guard) instead; this is the guard's and the CSRF check's input.
 */
export type AdminAuth =
  | { readonly via: 'none'; readonly actor: null; readonly secure: boolean }
  | {
      readonly via: 'session';
      readonly actor: Extract<Actor, { kind: 'user' }>;
      /** The cookie's token, to end this session at logout. */
      readonly sessionToken: string;
      readonly secure: boolean;
    }
  /** `actor` is null when the bearer token is unknown or revoked. */
  | { readonly via: 'token'; readonly actor: Actor | null; readonly secure: boolean };

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making an admin request; set by `requirePermission` once it has let the request through. */
    actor?: Actor;
    /** Set by the admin plugin on every request in its scope. */
    adminAuth?: AdminAuth;
  }
}
