import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MarketDesk } from '../../desk/market/marketDesk.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { Actor } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import type { Flash } from '../pages/AdminLayout.js';
import type { FormFields } from './deskForms.js';

/** Every desk route, page or API: only `market.manage` (market-desk, admin) gets through. */
export const DESK_GUARD = { onRequest: requirePermission('market.manage') };

/** What each area's page routes are given. */
export interface DeskRoutes {
  readonly app: TypeBoxApp;
  readonly ctx: AdminContext;
  readonly desk: MarketDesk;
}

/** A desk form as posted: text fields, and ticked boxes that may come as lists. */
export const FormBody = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })]),
);
export type FormBodyValue = Readonly<Record<string, string | readonly string[]>>;

/** The text fields of a posted form (the first value of a repeated one), without the CSRF token. */
export function formFields(body: FormBodyValue): FormFields {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf') continue;
    const text = typeof value === 'string' ? value : value[0];
    if (text !== undefined) fields[name] = text;
  }
  return fields;
}

/** Every value of a field that may repeat (ticked checkboxes). */
export function formList(body: FormBodyValue, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

export const NoticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });

/** The signed-in person, their form token and the flash, as every desk page takes them. */
export function pageBasics(request: FastifyRequest, reply: FastifyReply, flash?: Flash) {
  const actor: Actor = actorOf(request);
  return { actor, csrfToken: csrfTokenFor(reply), ...(flash !== undefined ? { flash } : {}) };
}
