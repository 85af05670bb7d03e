import type { Kysely } from 'kysely';
import { type EditorCopy, readEditorCopy } from '../../news/editorCopy.js';
import type { Database } from '../database.js';

/** One person's autosaved copy of a story. */
export interface Autosave {
  readonly articleId: number;
  readonly userId: number;
  readonly copy: EditorCopy;
  readonly savedAt: Date;
}

/** Someone with a story open in the editor. */
export interface Editing {
  readonly articleId: number;
  readonly userId: number;
  readonly name: string;
  readonly seenAt: Date;
}

/** The story editor's working copies and presence: nothing here is a revision or seen by readers. */
export interface EditingStore {
  /** Keeps `copy` as this person's copy of the article, replacing the last one. */
  autosave(input: { articleId: number; userId: number; copy: EditorCopy; now: Date }): Promise<void>;
  autosaveOf(articleId: number, userId: number): Promise<Autosave | null>;
  /** Forgets this person's copy: it was saved as a revision, or thrown away. */
  dropAutosave(articleId: number, userId: number): Promise<void>;
  /** Notes that this person has the article open now. */
  markEditing(input: { articleId: number; userId: number; name: string; now: Date }): Promise<void>;
  /** This person closed the article. */
  stopEditing(articleId: number, userId: number): Promise<void>;
  /** Who has any of these articles open, seen after `since`, by article. */
  editingOf(articleIds: readonly number[], since: Date): Promise<ReadonlyMap<number, readonly Editing[]>>;
  /** Drops presence not refreshed since `before`, so the table stays small. */
  prunePresence(before: Date): Promise<number>;
}

export function createEditingStore(db: Kysely<Database>): EditingStore {
  return {
    async autosave({ articleId, userId, copy, now }) {
      const row = {
        article_id: articleId,
        user_id: userId,
        base_revision: copy.baseRevision,
        copy_json: JSON.stringify(copy),
        saved_at: now.getTime(),
      };
      await db
        .insertInto('article_autosaves')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['article_id', 'user_id']).doUpdateSet({
            base_revision: row.base_revision,
            copy_json: row.copy_json,
            saved_at: row.saved_at,
          }),
        )
        .execute();
    },

    async autosaveOf(articleId, userId) {
      const row = await db
        .selectFrom('article_autosaves')
        .select(['copy_json', 'saved_at'])
        .where('article_id', '=', articleId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (row === undefined) return null;
      const copy = readEditorCopy(JSON.parse(row.copy_json));
      if (typeof copy === 'string') return null;
      return { articleId, userId, copy, savedAt: new Date(Number(row.saved_at)) };
    },

    async dropAutosave(articleId, userId) {
      await db
        .deleteFrom('article_autosaves')
        .where('article_id', '=', articleId)
        .where('user_id', '=', userId)
        .execute();
    },

    async markEditing({ articleId, userId, name, now }) {
      await db
        .insertInto('article_presence')
        .values({ article_id: articleId, user_id: userId, user_name: name, seen_at: now.getTime() })
        .onConflict((oc) =>
          oc.columns(['article_id', 'user_id']).doUpdateSet({ user_name: name, seen_at: now.getTime() }),
        )
        .execute();
    },

    async stopEditing(articleId, userId) {
      await db
        .deleteFrom('article_presence')
        .where('article_id', '=', articleId)
        .where('user_id', '=', userId)
        .execute();
    },

    async editingOf(articleIds, since) {
      const found = new Map<number, Editing[]>();
      if (articleIds.length === 0) return found;
      const rows = await db
        .selectFrom('article_presence')
        .select(['article_id', 'user_id', 'user_name', 'seen_at'])
        .where('article_id', 'in', [...articleIds])
        .where('seen_at', '>', since.getTime())
        .orderBy('seen_at', 'desc')
        .execute();
      for (const row of rows) {
        const articleId = Number(row.article_id);
        const list = found.get(articleId) ?? [];
        list.push({
          articleId,
          userId: Number(row.user_id),
          name: row.user_name,
          seenAt: new Date(Number(row.seen_at)),
        });
        found.set(articleId, list);
      }
      return found;
    },

    async prunePresence(before) {
      const result = await db
        .deleteFrom('article_presence')
        .where('seen_at', '<=', before.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
