import type { Kysely } from 'kysely';
import type { Actor } from '../../news/roles.js';
import type { AuditLogTable } from '../accounts/accountsTables.js';
import type { Database } from '../database.js';

/** Who an audit entry names: a person or token, someone not signed in (a failed login), or the command line. */
export type AuditActor =
  | Actor
  | { readonly kind: 'anonymous'; readonly name: string }
  | { readonly kind: 'system'; readonly name: string };

/** `area.verb`, e.g. `user.login`, `article.publish`, `comment.reject`. */
export type AuditAction = `${string}.${string}`;

export interface AuditInput {
  readonly actor: AuditActor;
  readonly action: AuditAction;
  readonly subject?: { readonly type: string; readonly id: string | number };
  /** Small, JSON-serialisable facts: old and new values, a reason. Never a password or token. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: Date;
  readonly actor: { readonly kind: AuditLogTable['actor_kind']; readonly id: number | null; readonly name: string };
  readonly action: string;
  readonly subject: { readonly type: string; readonly id: string } | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Appends one entry. Pass a transaction to record the change and its entry together. */
export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: input.at.getTime(),
      actor_kind: input.actor.kind,
      actor_id: actorId(input.actor),
      actor_name: input.actor.name,
      action: input.action,
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject === undefined ? null : String(input.subject.id),
      details_json: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

/** Newest first; `beforeId` continues a list from the last entry of the previous page. */
export async function listAudit(
  db: Kysely<Database>,
  query: { readonly limit: number; readonly beforeId?: number },
): Promise<AuditEntry[]> {
  let select = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  const rows = await select.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    at: new Date(Number(row.at)),
    actor: { kind: row.actor_kind, id: row.actor_id === null ? null : Number(row.actor_id), name: row.actor_name },
    action: row.action,
    subject: row.subject_type === null ? null : { type: row.subject_type, id: row.subject_id ?? '' },
    details: parseDetails(row.details_json),
  }));
}

function actorId(actor: AuditActor): number | null {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'token':
      return actor.tokenId;
    case 'anonymous':
    case 'system':
      return null;
  }
}

function parseDetails(json: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** The audit log: who changed what, appended and read newest first. */
export interface AuditStore {
  record(input: AuditInput): Promise<void>;
  list(query: { readonly limit: number; readonly beforeId?: number }): Promise<AuditEntry[]>;
}

/** The audit store over a connection, or over a transaction to record a change and its entry together. */
export function createAuditStore(db: Kysely<Database>): AuditStore {
  return { record: (input) => recordAudit(db, input), list: (query) => listAudit(db, query) };
}
