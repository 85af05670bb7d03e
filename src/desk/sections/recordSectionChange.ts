import type { Section } from '../../news/article.js';
import type { AuditActor } from '../../store/audit/auditLog.js';
import type { DeskContext } from '../deskContext.js';

export type SectionAction = 'section.create' | 'section.rename' | 'section.move' | 'section.delete';

/**
 * A section change the store has made: audited, and announced on the bus so
 * every web node drops its pages at once (the navigation on every page lists
 * the sections). The desk page, the JSON API and the command line all land here.
 */
export async function recordSectionChange(
  ctx: Pick<DeskContext, 'audit' | 'bus' | 'now'>,
  actor: AuditActor,
  action: SectionAction,
  change: { readonly before: Section | null; readonly after: Section | null },
): Promise<void> {
  const slugs = [change.before?.slug, change.after?.slug].filter((slug): slug is string => slug !== undefined);
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action,
    subject: { type: 'section', id: change.after?.slug ?? change.before?.slug ?? '' },
    details: { from: change.before, to: change.after },
  });
  ctx.bus.publish('content.changed', { kind: 'sections', slugs: [...new Set(slugs)] });
}
