import { type Kysely, type Selectable, sql } from 'kysely';
import type { ArticleSummary } from '../../news/article.js';
import { type PrintPlan, placementsOf } from '../../news/printEdition.js';
import { SUMMARY_COLUMNS, toSummary } from '../articles/articleRows.js';
import type { ArticlesTable, Database } from '../database.js';

const PUBLISHED = 'published' as const;

/** The desk's plan of an edition; a date never planned has no pages. */
export async function loadPrintPlan(db: Kysely<Database>, date: string): Promise<PrintPlan> {
  const [labels, placements] = await Promise.all([
    db.selectFrom('print_pages').select(['page', 'label']).where('edition_date', '=', date).execute(),
    db
      .selectFrom('print_placements')
      .select(['page', 'article_id'])
      .where('edition_date', '=', date)
      .orderBy('page')
      .orderBy('position')
      .execute(),
  ]);
  const pages = new Map<number, { page: number; label: string; articleIds: number[] }>();
  const pageAt = (page: number) => {
    let entry = pages.get(page);
    if (entry === undefined) {
      entry = { page, label: '', articleIds: [] };
      pages.set(page, entry);
    }
    return entry;
  };
  for (const row of labels) pageAt(row.page).label = row.label;
  for (const row of placements) pageAt(row.page).articleIds.push(row.article_id);
  return { date, pages: [...pages.values()].sort((a, b) => a.page - b.page) };
}

/** Replaces the plan of `plan.date` in one transaction; pages with neither a label nor stories are not kept. */
export async function savePrintPlan(database: Kysely<Database>, plan: PrintPlan): Promise<void> {
  await database.transaction().execute(async (trx) => {
    await trx.deleteFrom('print_placements').where('edition_date', '=', plan.date).execute();
    await trx.deleteFrom('print_pages').where('edition_date', '=', plan.date).execute();
    const labelled = plan.pages.filter((page) => page.label !== '');
    if (labelled.length > 0) {
      await trx
        .insertInto('print_pages')
        .values(labelled.map((page) => ({ edition_date: plan.date, page: page.page, label: page.label })))
        .execute();
    }
    const rows = placementsOf(plan).map((placement) => ({
      edition_date: plan.date,
      page: placement.page,
      position: placement.position,
      article_id: placement.articleId,
    }));
    if (rows.length > 0) await trx.insertInto('print_placements').values(rows).execute();
  });
}

/**
 * The stories an edition's plan places, in page and position order, each
 * carrying the page the plan gives it; null when the desk placed nothing for
 * that date. Only published stories: a killed story drops out of the paper online.
 */
export async function plannedEdition(
  db: Kysely<Database>,
  date: string,
): Promise<{ articles: ArticleSummary[]; pageLabels: Record<number, string> } | null> {
  const rows = await db
    .selectFrom('print_placements')
    .innerJoin('articles', 'articles.id', 'print_placements.article_id')
    .select(SUMMARY_COLUMNS)
    .select('print_placements.page as planned_page')
    .where('print_placements.edition_date', '=', date)
    .where('articles.status', '=', PUBLISHED)
    .orderBy('print_placements.page')
    .orderBy('print_placements.position')
    .execute();
  if (rows.length === 0) return null;
  const labels = await db
    .selectFrom('print_pages')
    .select(['page', 'label'])
    .where('edition_date', '=', date)
    .execute();
  return {
    articles: rows.map((row) => ({ ...toSummary(row), printPage: row.planned_page })),
    pageLabels: Object.fromEntries(labels.map((row) => [row.page, row.label])),
  };
}

/** Nearest planned edition dates before and after `date` (YYYY-MM-DD strings sort as dates). */
export async function plannedNeighbours(
  db: Kysely<Database>,
  date: string,
): Promise<{ previous: string | null; next: string | null }> {
  const [previous, next] = await Promise.all([
    db
      .selectFrom('print_placements')
      .select((eb) => eb.fn.max('edition_date').as('date'))
      .where('edition_date', '<', date)
      .executeTakeFirst(),
    db
      .selectFrom('print_placements')
      .select((eb) => eb.fn.min('edition_date').as('date'))
      .where('edition_date', '>', date)
      .executeTakeFirst(),
  ]);
  return { previous: previous?.date ?? null, next: next?.date ?? null };
}

/** The latest date the desk placed stories for, or null. */
export async function latestPlannedDate(database: Kysely<Database>): Promise<string | null> {
  const row = await database
    .selectFrom('print_placements')
    .select((eb) => eb.fn.max('edition_date').as('date'))
    .executeTakeFirst();
  return row?.date ?? null;
}

/** Published stories whose headline contains `words` (case-insensitive), newest first, for the desk to place. */
export async function searchPublishedByHeadline(
  database: Kysely<Database>,
  query: { readonly words: string; readonly limit: number },
): Promise<ArticleSummary[]> {
  const words = query.words.trim().toLowerCase();
  if (words === '') return [];
  const pattern = `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await database
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('articles.status', '=', PUBLISHED)
    .where(sql<boolean>`lower(articles.headline) like ${pattern} escape '\\'`)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map(toSummary);
}

/** Stories by id (any status, so the desk sees a placed story that was since unpublished), in the order asked. */
export async function summariesByIds(database: Kysely<Database>, ids: readonly number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await database
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('articles.id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The workflow status of each story asked for that exists, by id: what a layout may place is checked against it. */
export async function articleStatuses(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, Selectable<ArticlesTable>['status']>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'status'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}
