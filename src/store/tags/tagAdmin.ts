import type { Kysely } from 'kysely';
import type { Tag } from '../../news/article.js';
import { slugOrEmpty } from '../../news/slug.js';
import { canonicalTag } from '../../news/tag.js';
import { type Refusal, refusal } from '../../shared/outcome.js';
import type { Database } from '../database.js';

/** A tag as the newsroom lists it: with how many stories carry it. */
export interface TagWithCount extends Tag {
  readonly articleCount: number;
}

/**
 * Why a rename or merge was refused, as every refusal reads (src/shared/outcome.ts): `not-found`, or
 * `invalid` with one problem on the field at fault whose message is the API's code for it
 * (`invalid`, `slug-taken`, `same-tag`); the refusal's message is for the editor.
 */
type TagProblemCode = 'invalid' | 'slug-taken' | 'same-tag';

function refusedTag(field: 'slug' | 'into', code: TagProblemCode, message: string): Refusal {
  return refusal('invalid', message, [{ field, message: code }]);
}

export type TagChange = { readonly ok: true; readonly before: Tag; readonly after: Tag } | Refusal;

/**
 * Tags by name, with their article counts. `search` matches canonically: what
 * an editor types is folded like a tag slug ("RUssia  ukraine" finds
 * russia-ukraine-war), so case and spacing never hide a tag.
 */
export async function listTagsWithCounts(
  database: Kysely<Database>,
  query: { readonly search?: string; readonly limit: number; readonly offset?: number },
): Promise<{ items: TagWithCount[]; total: number }> {
  const folded = query.search === undefined ? '' : slugOrEmpty(query.search);
  const base = database
    .selectFrom('tags')
    // A folded slug is only a-z, 0-9 and hyphens, so it holds no LIKE wildcards.
    .$if(folded !== '', (q) => q.where('tags.slug', 'like', `%${folded}%`));
  const rows = await base
    .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
    .select(['tags.slug', 'tags.name'])
    .select((eb) => eb.fn.count('article_tags.article_id').as('article_count'))
    .groupBy(['tags.id', 'tags.slug', 'tags.name'])
    .orderBy('tags.slug')
    .limit(query.limit)
    .offset(query.offset ?? 0)
    .execute();
  const { total } = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({ slug: row.slug, name: row.name, articleCount: Number(row.article_count) })),
    total: Number(total),
  };
}

/** The tag an editor means by what they typed: its slug as written, else its canonical form, else an old slug it was renamed from. */
export async function findTag(database: Kysely<Database>, typed: string): Promise<Tag | null> {
  const slug = slugOrEmpty(typed);
  if (slug === '') return null;
  const row = await database.selectFrom('tags').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst();
  if (row !== undefined) return row;
  const moved = await tagRedirect(database, slug);
  if (moved === null) return null;
  return (
    (await database.selectFrom('tags').select(['slug', 'name']).where('slug', '=', moved).executeTakeFirst()) ?? null
  );
}

/** Current slug of a tag that used to be at `slug`, or null when `slug` never moved. */
export async function tagRedirect(database: Kysely<Database>, slug: string): Promise<string | null> {
  const row = await database
    .selectFrom('tag_redirects')
    .innerJoin('tags', 'tags.id', 'tag_redirects.tag_id')
    .select('tags.slug')
    .where('tag_redirects.from_slug', '=', slug)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/**
 * Gives a tag a new display name and, when the new name folds to another
 * slug (or `newSlug` is given), a new slug; the old slug then redirects. A
 * slug another tag already has is refused: that is a merge, not a rename.
 */
export async function renameTag(
  database: Kysely<Database>,
  input: { readonly slug: string; readonly name: string; readonly newSlug?: string },
): Promise<TagChange> {
  let wanted: Tag;
  try {
    wanted = canonicalTag(input.name);
  } catch (error) {
    return refusedTag('slug', 'invalid', (error as Error).message);
  }
  const slug = input.newSlug === undefined || input.newSlug.trim() === '' ? wanted.slug : slugOrEmpty(input.newSlug);
  if (slug === '') return refusedTag('slug', 'invalid', 'A slug needs letters or digits.');
  return database.transaction().execute(async (trx): Promise<TagChange> => {
    const tag = await trx.selectFrom('tags').selectAll().where('slug', '=', input.slug).executeTakeFirst();
    if (tag === undefined) return refusal('not-found', `There is no tag "${input.slug}".`);
    if (slug !== tag.slug) {
      const taken = await trx.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
      if (taken !== undefined) {
        return refusedTag(
          'slug',
          'slug-taken',
          `Another tag already has the slug "${slug}": merge "${tag.slug}" into it instead.`,
        );
      }
      // The new slug is live now; a redirect from it (left by an earlier rename) would shadow nothing but confuse.
      await trx.deleteFrom('tag_redirects').where('from_slug', '=', slug).execute();
      await trx
        .insertInto('tag_redirects')
        .values({ from_slug: tag.slug, tag_id: tag.id })
        .onConflict((conflict) => conflict.column('from_slug').doUpdateSet({ tag_id: tag.id }))
        .execute();
    }
    await trx.updateTable('tags').set({ slug, name: wanted.name }).where('id', '=', tag.id).execute();
    return { ok: true, before: { slug: tag.slug, name: tag.name }, after: { slug, name: wanted.name } };
  });
}

/**
 * Moves every story of tag `from` onto tag `into` and deletes `from`; its
 * address and every address that led to it now lead to `into`. A story that
 * had both keeps one, in the place `into` had.
 */
export async function mergeTags(
  database: Kysely<Database>,
  input: { readonly from: string; readonly into: string },
): Promise<TagChange & { readonly moved?: number }> {
  if (input.from === input.into) return refusedTag('into', 'same-tag', 'A tag cannot be merged into itself.');
  return database.transaction().execute(async (trx) => {
    const from = await trx.selectFrom('tags').selectAll().where('slug', '=', input.from).executeTakeFirst();
    const into = await trx.selectFrom('tags').selectAll().where('slug', '=', input.into).executeTakeFirst();
    if (from === undefined || into === undefined) {
      const missing = from === undefined ? input.from : input.into;
      return refusal('not-found', `There is no tag "${missing}".`);
    }
    const both = trx.selectFrom('article_tags').select('article_id').where('tag_id', '=', into.id);
    await trx.deleteFrom('article_tags').where('tag_id', '=', from.id).where('article_id', 'in', both).execute();
    const moved = await trx
      .updateTable('article_tags')
      .set({ tag_id: into.id })
      .where('tag_id', '=', from.id)
      .executeTakeFirst();
    await trx.updateTable('tag_redirects').set({ tag_id: into.id }).where('tag_id', '=', from.id).execute();
    await trx
      .insertInto('tag_redirects')
      .values({ from_slug: from.slug, tag_id: into.id })
      .onConflict((conflict) => conflict.column('from_slug').doUpdateSet({ tag_id: into.id }))
      .execute();
    await trx.deleteFrom('tags').where('id', '=', from.id).execute();
    return {
      ok: true as const,
      before: { slug: from.slug, name: from.name },
      after: { slug: into.slug, name: into.name },
      moved: Number(moved.numUpdatedRows),
    };
  });
}
