import type { Actor } from '../../news/roles.js';
import type { AdminContext } from '../http/adminContext.js';

/**
 * How long someone counts as editing after the editor last said so. The
 * island refreshes every third of it, and says goodbye when the page goes
 * away, so a closed tab disappears at once and a crashed one within this.
 */
export const PRESENCE_TTL_MS = 30_000;

/** Names of the people other than `self` with each of these articles open, by article id. */
export async function othersEditing(
  ctx: Pick<AdminContext, 'editing' | 'now'>,
  articleIds: readonly number[],
  selfUserId: number | null,
): Promise<ReadonlyMap<number, readonly string[]>> {
  const since = new Date(ctx.now().getTime() - PRESENCE_TTL_MS);
  const found = await ctx.editing.editingOf(articleIds, since);
  const names = new Map<number, string[]>();
  for (const [id, people] of found) {
    const others = people.filter((person) => person.userId !== selfUserId).map((person) => person.name);
    if (others.length > 0) names.set(id, others);
  }
  return names;
}

/** "Amna is editing this story", "Amna and Bilal are editing this story". */
export function editingSentence(names: readonly string[], subject = 'this story'): string {
  if (names.length === 0) return '';
  const who =
    names.length === 1
      ? (names[0] as string)
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
  return `${who} ${names.length === 1 ? 'is' : 'are'} editing ${subject}`;
}

/** The account behind an actor; API tokens have none. */
export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** Forgets the actor's autosaved copy of an article once it has been saved as a revision. */
export async function dropAutosaveOf(ctx: Pick<AdminContext, 'editing'>, articleId: number, actor: Actor) {
  if (actor.kind === 'user') await ctx.editing.dropAutosave(articleId, actor.userId);
}
