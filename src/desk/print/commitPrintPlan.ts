import type { PrintPlan } from '../../news/printEdition.js';
import type { Actor } from '../../news/roles.js';
import type { DeskContext } from '../deskContext.js';

/** Saves an edition's layout, audits it, and announces it so readers see it at once; the desk page and the API both land here. */
export async function commitPrintPlan(
  ctx: Pick<DeskContext, 'print' | 'audit' | 'bus' | 'now'>,
  actor: Actor,
  plan: PrintPlan,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.print.savePlan(plan);
  await ctx.audit.record({
    at: ctx.now(),
    actor,
    action: 'print.edit',
    subject: { type: 'print-edition', id: plan.date },
    details,
  });
  ctx.bus.publish('content.changed', { kind: 'printEdition', date: plan.date });
}
