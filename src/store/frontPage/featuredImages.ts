import type { Kysely } from 'kysely';
import { type FeaturedImage, type StoryPicture, storyPicture } from '../../news/featuredImage.js';
import type { Database } from '../database.js';
import { toAsset } from '../media/mediaLibrary.js';

/** Why a featured picture was not set. */
export type FeaturedImageRefusal = 'no-such-article' | 'no-such-picture';

export async function featuredImage(db: Kysely<Database>, articleId: number): Promise<FeaturedImage | null> {
  const row = await db
    .selectFrom('article_featured_images')
    .select(['media_id', 'caption', 'credit', 'focus'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return row === undefined
    ? null
    : { mediaId: row.media_id, caption: row.caption, credit: row.credit, focus: row.focus };
}

/** Sets or clears (null) a story's featured picture; refuses a story or picture that does not exist. */
export async function setFeaturedImage(
  db: Kysely<Database>,
  articleId: number,
  featured: FeaturedImage | null,
): Promise<{ ok: true } | { ok: false; reason: FeaturedImageRefusal }> {
  return db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
    if (article === undefined) return { ok: false, reason: 'no-such-article' } as const;
    if (featured === null) {
      await trx.deleteFrom('article_featured_images').where('article_id', '=', articleId).execute();
      return { ok: true } as const;
    }
    const picture = await trx.selectFrom('media').select('id').where('id', '=', featured.mediaId).executeTakeFirst();
    if (picture === undefined) return { ok: false, reason: 'no-such-picture' } as const;
    const values = {
      media_id: featured.mediaId,
      caption: featured.caption,
      credit: featured.credit,
      focus: featured.focus,
    };
    await trx
      .insertInto('article_featured_images')
      .values({ article_id: articleId, ...values })
      .onConflict((conflict) => conflict.column('article_id').doUpdateSet(values))
      .execute();
    return { ok: true } as const;
  });
}

/** The featured pictures of these stories, by story id; stories without one are absent. */
export async function storyPictures(
  db: Kysely<Database>,
  articleIds: readonly number[],
): Promise<ReadonlyMap<number, StoryPicture>> {
  const wanted = [...new Set(articleIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_featured_images')
    .innerJoin('media', 'media.id', 'article_featured_images.media_id')
    .selectAll('media')
    .select([
      'article_featured_images.article_id',
      'article_featured_images.caption as featured_caption',
      'article_featured_images.credit as featured_credit',
      'article_featured_images.focus',
    ])
    .where('article_featured_images.article_id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((row) => [
      row.article_id,
      storyPicture(
        { mediaId: row.id, caption: row.featured_caption, credit: row.featured_credit, focus: row.focus },
        toAsset(row),
      ),
    ]),
  );
}
