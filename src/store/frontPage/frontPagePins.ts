import type { Kysely } from 'kysely';
import type { FrontPagePin } from '../../news/frontPage.js';
import type { Database } from '../database.js';

export async function frontPagePins(db: Kysely<Database>): Promise<FrontPagePin[]> {
  const rows = await db.selectFrom('front_page_pins').select(['slot', 'article_id']).execute();
  return rows.map((row) => ({ slot: row.slot, articleId: row.article_id }));
}

/**
 * Replaces every pin at once, so two editors saving the desk one after the
 * other leave exactly the second one's front page. Refuses pins to stories
 * that are not published (they would never show), changing nothing.
 */
export async function replaceFrontPagePins(
  db: Kysely<Database>,
  pins: readonly FrontPagePin[],
  by: string,
  at: Date,
): Promise<{ ok: true } | { ok: false; unpublished: readonly number[] }> {
  return db.transaction().execute(async (trx) => {
    const ids = [...new Set(pins.map((pin) => pin.articleId))];
    if (ids.length > 0) {
      const published = await trx
        .selectFrom('articles')
        .select('id')
        .where('id', 'in', ids)
        .where('status', '=', 'published')
        .execute();
      const found = new Set(published.map((row) => row.id));
      const unpublished = ids.filter((id) => !found.has(id));
      if (unpublished.length > 0) return { ok: false, unpublished } as const;
    }
    await trx.deleteFrom('front_page_pins').execute();
    for (const pin of pins) {
      await trx
        .insertInto('front_page_pins')
        .values({ slot: pin.slot, article_id: pin.articleId, pinned_at: at.getTime(), pinned_by: by })
        .execute();
    }
    return { ok: true } as const;
  });
}
