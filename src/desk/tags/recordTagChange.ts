import type { Tag } from '../../news/article.js';
import type { AuditActor } from '../../store/audit/auditLog.js';
import type { DeskContext } from '../deskContext.js';

/**
 * A rename or merge that the tag store has made: audited, and announced on the
 * bus so every web node drops the tag pages and the stories carrying either
 * slug. The desk page and the JSON API both land here.
 */
export async function recordTagChange(
  ctx: Pick<DeskContext, 'audit' | 'bus' | 'now'>,
  actor: AuditActor,
  action: 'tag.rename' | 'tag.merge',
  change: { readonly before: Tag; readonly after: Tag },
): Promise<void> {
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action,
    subject: { type: 'tag', id: change.after.slug },
    details: { from: change.before, to: change.after },
  });
  ctx.bus.publish('content.changed', { kind: 'tags', slugs: [change.before.slug, change.after.slug] });
}
