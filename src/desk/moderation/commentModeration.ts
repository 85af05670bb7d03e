import { isIP } from 'node:net';
import type { Actor } from '../../news/roles.js';
import type { AdminContext } from '../../newsroom/http/adminContext.js';
import { recordAudit } from '../../store/audit.js';
import {
  banAddress,
  type ModerationAction,
  type ModerationOutcome,
  moderateComments,
  unbanAddress,
} from '../../store/comments/moderation.js';

/**
 * Moderation as both the pages and the JSON API do it: change, audit, and
 * drop the cached pages of the articles whose threads changed, so an approved
 * comment shows to readers at once and a rejected one disappears at once.
 */
export async function applyModeration(
  ctx: AdminContext,
  actor: Actor,
  input: { readonly ids: readonly number[]; readonly action: ModerationAction },
): Promise<ModerationOutcome> {
  const at = ctx.now();
  const outcome = await moderateComments(ctx.db, { ids: input.ids, action: input.action, at });
  if (outcome.changed.length === 0) return outcome;
  const single = outcome.changed.length === 1 ? outcome.changed[0] : undefined;
  await recordAudit(ctx.accounts, {
    at,
    actor,
    action: `comment.${input.action}`,
    ...(single !== undefined ? { subject: { type: 'comment', id: single } } : {}),
    details: { ids: outcome.changed, articleIds: outcome.articleIds },
  });
  forgetArticlePages(ctx, outcome.articleIds);
  return outcome;
}

/** Refuses new comments from `ip` from now on. */
export async function applyBan(
  ctx: AdminContext,
  actor: Actor,
  input: { readonly ip: string; readonly reason: string | null; readonly commentId?: number },
): Promise<void> {
  const at = ctx.now();
  await banAddress(ctx.db, { ip: input.ip, reason: input.reason, by: actor.name, at });
  await recordAudit(ctx.accounts, {
    at,
    actor,
    action: 'comment.ban',
    subject: { type: 'address', id: input.ip },
    details: { reason: input.reason, ...(input.commentId !== undefined ? { commentId: input.commentId } : {}) },
  });
}

/** Lifts a ban; false when there was none. */
export async function applyUnban(ctx: AdminContext, actor: Actor, ip: string): Promise<boolean> {
  const lifted = await unbanAddress(ctx.db, ip);
  if (lifted) {
    await recordAudit(ctx.accounts, {
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

function forgetArticlePages(ctx: AdminContext, articleIds: readonly number[]): void {
  if (articleIds.length === 0) return;
  // Article page keys are `article:{id}:{slug}:{notice}` (src/site/routes/articleRoutes.ts).
  const prefixes = articleIds.map((id) => `article:${id}:`);
  ctx.site.pages.invalidateWhere((key) => prefixes.some((prefix) => key.startsWith(prefix)));
}
