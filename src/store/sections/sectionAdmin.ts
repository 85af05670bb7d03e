import type { Kysely, Transaction } from 'kysely';
import type { Section } from '../../news/article.js';
import { slugOrEmpty } from '../../news/slug.js';
import { type Refusal, refusal } from '../../shared/outcome.js';
import type { Database } from '../database.js';

/** A section as the newsroom lists it: with how many stories (of any status) it holds. */
export interface SectionWithCount extends Section {
  readonly articleCount: number;
}

/** The longest section name the navigation has room for. */
export const SECTION_NAME_MAX_LENGTH = 60;

/** A section change the store made: the section before (null when created) and after (null when deleted). */
export type SectionChange =
  | { readonly ok: true; readonly before: Section | null; readonly after: Section | null }
  | Refusal;

type SectionField = 'name' | 'slug' | 'position';

function refusedSection(field: SectionField, code: string, message: string): Refusal {
  return refusal('invalid', message, [{ field, message: code }]);
}

function notFound(slug: string): Refusal {
  return refusal('not-found', `There is no section "${slug}".`);
}

/** Sections in navigation order, with their story counts. */
export async function listSectionsWithCounts(database: Kysely<Database>): Promise<SectionWithCount[]> {
  const rows = await database
    .selectFrom('sections')
    .leftJoin('articles', 'articles.section_slug', 'sections.slug')
    .select(['sections.slug', 'sections.name', 'sections.position'])
    .select((eb) => eb.fn.count('articles.id').as('article_count'))
    .groupBy(['sections.slug', 'sections.name', 'sections.position'])
    .orderBy('sections.position')
    .orderBy('sections.slug')
    .execute();
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    position: row.position,
    articleCount: Number(row.article_count),
  }));
}

/** Current slug of a section that used to be at `slug`, or null when `slug` never moved. */
export async function sectionRedirect(database: Kysely<Database>, slug: string): Promise<string | null> {
  const row = await database
    .selectFrom('section_redirects')
    .select('to_slug')
    .where('from_slug', '=', slug)
    .executeTakeFirst();
  return row?.to_slug ?? null;
}

/** A name as it will show in the navigation, or a refusal. */
function tidyName(name: string): string | Refusal {
  const tidy = name.replace(/\s+/g, ' ').trim();
  if (tidy === '') return refusedSection('name', 'required', 'A section needs a name.');
  if (tidy.length > SECTION_NAME_MAX_LENGTH) {
    return refusedSection('name', 'too-long', `A section name has at most ${SECTION_NAME_MAX_LENGTH} characters.`);
  }
  return tidy;
}

/** The slug wanted: one typed on purpose (tidied by the slug rules), else the name's. */
function wantedSlug(name: string, typed: string | undefined): string | Refusal {
  const slug = typed === undefined || typed.trim() === '' ? slugOrEmpty(name) : slugOrEmpty(typed);
  if (slug === '') return refusedSection('slug', 'invalid', 'A section slug needs letters or digits.');
  return slug;
}

function checkPosition(position: number | undefined): Refusal | null {
  if (position === undefined || (Number.isInteger(position) && position >= 1 && position <= 1000)) return null;
  return refusedSection('position', 'invalid', 'A position is a whole number from 1 (first in the navigation).');
}

async function slugTaken(trx: Transaction<Database>, slug: string): Promise<Refusal | null> {
  const taken = await trx.selectFrom('sections').select('name').where('slug', '=', slug).executeTakeFirst();
  if (taken === undefined) return null;
  return refusedSection('slug', 'slug-taken', `The section "${taken.name}" already has the slug "${slug}".`);
}

/**
 * Puts `slug` at `position` (1 = first; past the end = last) and numbers
 * every section 1, 2, 3… in that order, so positions stay a plain sequence.
 */
async function placeAt(trx: Transaction<Database>, slug: string, position: number | undefined): Promise<void> {
  const rows = await trx.selectFrom('sections').select('slug').orderBy('position').orderBy('slug').execute();
  const order = rows.map((row) => row.slug).filter((other) => other !== slug);
  const index = position === undefined ? order.length : Math.min(Math.max(position - 1, 0), order.length);
  order.splice(index, 0, slug);
  await renumber(trx, order);
}

async function renumber(trx: Transaction<Database>, order: readonly string[]): Promise<void> {
  for (const [i, each] of order.entries()) {
    await trx
      .updateTable('sections')
      .set({ position: i + 1 })
      .where('slug', '=', each)
      .execute();
  }
}

async function sectionAt(trx: Transaction<Database>, slug: string): Promise<Section | undefined> {
  return trx.selectFrom('sections').select(['slug', 'name', 'position']).where('slug', '=', slug).executeTakeFirst();
}

/** A new section, at `position` in the navigation (last when not given). */
export async function createSection(
  database: Kysely<Database>,
  input: { readonly name: string; readonly slug?: string; readonly position?: number },
): Promise<SectionChange> {
  const name = tidyName(input.name);
  if (typeof name !== 'string') return name;
  const slug = wantedSlug(name, input.slug);
  if (typeof slug !== 'string') return slug;
  const badPosition = checkPosition(input.position);
  if (badPosition !== null) return badPosition;
  return database.transaction().execute(async (trx): Promise<SectionChange> => {
    const taken = await slugTaken(trx, slug);
    if (taken !== null) return taken;
    // A new section at an old address takes the address back from the section it redirected to.
    await trx.deleteFrom('section_redirects').where('from_slug', '=', slug).execute();
    await trx.insertInto('sections').values({ slug, name, position: 0 }).execute();
    await placeAt(trx, slug, input.position);
    return { ok: true, before: null, after: (await sectionAt(trx, slug)) ?? null };
  });
}

/**
 * Gives a section a new name and, only when `newSlug` is given and differs,
 * a new slug: its stories move with it and the old address redirects. A
 * renamed section otherwise keeps its address (links and search results keep working).
 */
export async function renameSection(
  database: Kysely<Database>,
  input: { readonly slug: string; readonly name?: string; readonly newSlug?: string },
): Promise<SectionChange> {
  const typedName = input.name === undefined ? undefined : tidyName(input.name);
  if (typedName !== undefined && typeof typedName !== 'string') return typedName;
  let newSlug: string | undefined;
  if (input.newSlug !== undefined && input.newSlug.trim() !== '') {
    newSlug = slugOrEmpty(input.newSlug);
    if (newSlug === '') return refusedSection('slug', 'invalid', 'A section slug needs letters or digits.');
  }
  return database.transaction().execute(async (trx): Promise<SectionChange> => {
    const before = await sectionAt(trx, input.slug);
    if (before === undefined) return notFound(input.slug);
    const name = typedName ?? before.name;
    if (newSlug === undefined || newSlug === before.slug) {
      await trx.updateTable('sections').set({ name }).where('slug', '=', before.slug).execute();
      return { ok: true, before, after: { ...before, name } };
    }
    const taken = await slugTaken(trx, newSlug);
    if (taken !== null) return taken;
    // The slug is the key stories point at: add the new row, move the stories and redirects, then drop the old row.
    await trx.insertInto('sections').values({ slug: newSlug, name, position: before.position }).execute();
    await trx.updateTable('articles').set({ section_slug: newSlug }).where('section_slug', '=', before.slug).execute();
    await trx.deleteFrom('section_redirects').where('from_slug', '=', newSlug).execute();
    await trx.updateTable('section_redirects').set({ to_slug: newSlug }).where('to_slug', '=', before.slug).execute();
    await trx.insertInto('section_redirects').values({ from_slug: before.slug, to_slug: newSlug }).execute();
    await trx.deleteFrom('sections').where('slug', '=', before.slug).execute();
    return { ok: true, before, after: { slug: newSlug, name, position: before.position } };
  });
}

/** Moves a section to `position` in the navigation (1 = first; past the end = last). */
export async function moveSection(
  database: Kysely<Database>,
  input: { readonly slug: string; readonly position: number },
): Promise<SectionChange> {
  const badPosition = checkPosition(input.position);
  if (badPosition !== null) return badPosition;
  return database.transaction().execute(async (trx): Promise<SectionChange> => {
    const before = await sectionAt(trx, input.slug);
    if (before === undefined) return notFound(input.slug);
    await placeAt(trx, before.slug, input.position);
    return { ok: true, before, after: (await sectionAt(trx, before.slug)) ?? null };
  });
}

/**
 * Deletes a section that holds no story of any status (a draft or a killed
 * story still names its section). One with stories is refused: move them
 * first, or rename the section instead.
 */
export async function deleteSection(database: Kysely<Database>, slug: string): Promise<SectionChange> {
  return database.transaction().execute(async (trx): Promise<SectionChange> => {
    const before = await sectionAt(trx, slug);
    if (before === undefined) return notFound(slug);
    const { count } = await trx
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('section_slug', '=', slug)
      .executeTakeFirstOrThrow();
    const stories = Number(count);
    if (stories > 0) {
      return refusal(
        'conflict',
        `The section "${before.name}" still has ${stories} ${stories === 1 ? 'story' : 'stories'}: move them to another section first, or rename this one instead.`,
      );
    }
    await trx.deleteFrom('section_redirects').where('to_slug', '=', slug).execute();
    await trx.deleteFrom('sections').where('slug', '=', slug).execute();
    const rest = await trx.selectFrom('sections').select('slug').orderBy('position').orderBy('slug').execute();
    await renumber(
      trx,
      rest.map((row) => row.slug),
    );
    return { ok: true, before, after: null };
  });
}
