import { isIP } from 'node:net';
import type { Actor } from '../../news/roles.js';
import type { AuditActor } from '../../store/audit/auditLog.js';
import type { ModerationAction, ModerationOutcome } from '../../store/comments/moderation.js';
import type { DeskContext } from '../deskContext.js';

type ModerationContext = Pick<DeskContext, 'moderation' | 'audit' | 'bus' | 'now'>;

/**
 * Moderation as both the pages and the JSON API do it: change, audit, and
 * announce which articles' threads changed, so the reader pages showing them
 * go at once: an approved comment shows at once and a rejected one disappears.
 * The newsroom and `broadsheet comments approve|reject` both land here.
 */
export async function applyModeration(
  ctx: ModerationContext,
  actor: AuditActor,
  input: { readonly ids: readonly number[]; readonly action: ModerationAction },
): Promise<ModerationOutcome> {
  const at = ctx.now();
  const outcome = await ctx.moderation.moderate({ ids: input.ids, action: input.action, at });
  if (outcome.changed.length === 0) return outcome;
  const single = outcome.changed.length === 1 ? outcome.changed[0] : undefined;
  await ctx.audit.record({
    at,
    actor,
    action: `comment.${input.action}`,
    ...(single !== undefined ? { subject: { type: 'comment', id: single } } : {}),
    details: { ids: outcome.changed, articleIds: outcome.articleIds },
  });
  if (outcome.articleIds.length > 0) {
    ctx.bus.publish('content.changed', { kind: 'comments', articleIds: outcome.articleIds });
  }
  return outcome;
}

/** Refuses new comments from `ip` from now on. */
export async function applyBan(
  ctx: ModerationContext,
  actor: Actor,
  input: { readonly ip: string; readonly reason: string | null; readonly commentId?: number },
): Promise<void> {
  const at = ctx.now();
  await ctx.moderation.banAddress({ ip: input.ip, reason: input.reason, by: actor.name, at });
  await ctx.audit.record({
    at,
    actor,
    action: 'comment.ban',
    subject: { type: 'address', id: input.ip },
    details: { reason: input.reason, ...(input.commentId !== undefined ? { commentId: input.commentId } : {}) },
  });
}

/** Lifts a ban; false when there was none. */
export async function applyUnban(ctx: ModerationContext, actor: Actor, ip: string): Promise<boolean> {
  const lifted = await ctx.moderation.unbanAddress(ip);
  if (lifted) {
    await ctx.audit.record({
      at: ctx.now(),
      actor,
      action: 'comment.unban',
      subject: { type: 'address', id: ip },
    });
  }
  return lifted;
}

/** An IPv4 or IPv6 address as Node writes it, or null. */
export function parseAddress(text: string): string | null {
  const trimmed = text.trim();
  return isIP(trimmed) === 0 ? null : trimmed;
}
