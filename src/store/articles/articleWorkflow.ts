import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Article, Block, Correction } from '../../news/article.js';
import type { ArticleFields, Revision, RevisionAuthor, RevisionEntry } from '../../news/revision.js';
import { isEmptySearch, parseSearchQuery } from '../../news/searchQuery.js';
import { articleSlug } from '../../news/slug.js';
import { canonicalTags } from '../../news/tag.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../news/workflow.js';
import type { ArticlesTable, Database, StoreDialect } from '../database.js';
import { sectionRedirect } from '../sections/sectionAdmin.js';
import { getAnyArticle } from './articleQueries.js';
import { bylineColumns, moreBylinesColumn, moreBylinesOf, toSummary } from './articleRows.js';
import { indexedIdsMatching } from './articleSearch.js';
import { assertSectionsExist, ensureTags, insertArticleTags } from './articleWrites.js';
import { CORRECTION_COLUMNS, correctionOf } from './correctionRows.js';
import type { Page } from './newsStore.js';

/** Who owns (created) an article: writers may edit only their own drafts. */
export interface ArticleOwner {
  readonly kind: 'user' | 'token';
  readonly id: number;
  readonly name: string;
}

/** An article as the newsroom sees it: any status, with its workflow facts. */
export interface EditorialArticle {
  readonly id: number;
  readonly slug: string;
  readonly status: ArticleStatus;
  readonly fields: ArticleFields;
  /** Latest revision number; a save must be based on it. */
  readonly revision: number;
  readonly owner: ArticleOwner | null;
  readonly scheduledAt: Date | null;
  readonly publishedAt: Date;
  readonly everPublished: boolean;
  readonly updatedAt: Date | null;
  readonly editedAt: Date | null;
  readonly killedAt: Date | null;
  /** Canonical slugs of its tags, for the pages it appears on. */
  readonly tagSlugs: readonly string[];
  readonly corrections: readonly Correction[];
  /** No publication, nor a schedule, before this instant. */
  readonly embargoUntil: Date | null;
  /** Why the desk last sent the story back to its writer; null once it is submitted again. */
  readonly sentBack: SendBackNote | null;
}

/** The desk's note to the writer when a story in review goes back to draft. */
export interface SendBackNote {
  readonly note: string;
  readonly by: string;
  readonly at: Date;
}

/** A row of the newsroom's article list. */
export interface EditorialListItem {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly status: ArticleStatus;
  readonly sectionSlug: string;
  readonly ownerName: string | null;
  readonly publishedAt: Date;
  readonly scheduledAt: Date | null;
  readonly editedAt: Date | null;
  readonly revision: number;
  readonly embargoUntil: Date | null;
}

export interface EditorialQuery {
  readonly status?: ArticleStatus;
  readonly sectionSlug?: string;
  /** The owner's name, exactly. */
  readonly ownerName?: string;
  /**
   * Text to look for: stories in any status whose headline contains it, or
   * whose summary or body does (drafts and other unpublished stories, read
   * directly), or, for published stories, whose indexed text matches its
   * words (the reader's search index, migration 0011). Case-insensitive.
   */
  readonly search?: string;
  /** Last worked on (or published, for stories never touched in the newsroom) at or after this instant. */
  readonly since?: Date;
  /** … and before this instant. */
  readonly until?: Date;
  readonly limit: number;
  readonly offset?: number;
}

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly before: EditorialArticle; readonly after: EditorialArticle }
  | { readonly kind: 'conflict'; readonly latest: number }
  | { readonly kind: 'missing' };

export interface SaveInput {
  readonly id: number;
  /** The revision the editor started from; anything else is a conflict. */
  readonly baseRevision: number;
  readonly fields: ArticleFields;
  /** A slug typed on purpose; absent or empty keeps the rule of src/news/slug.ts `articleSlug`. */
  readonly slug?: string;
  readonly author: RevisionAuthor;
  readonly at: Date;
  readonly note: string;
}

export interface StatusChange {
  readonly id: number;
  /** The status the caller saw; the change happens only if it still holds. */
  readonly from: ArticleStatus;
  readonly to: ArticleStatus;
  readonly at: Date;
  /** For `scheduled`: when it is due. For `published`: the publication time of a first publication. */
  readonly when?: Date;
  /**
   * A revision recording the move (content unchanged), e.g. a send-back with
   * the desk's note: it shows in the history and makes any open editor stale.
   */
  readonly revision?: { readonly author: RevisionAuthor; readonly note: string };
  /** For a send-back: the note the writer sees in the editor. */
  readonly sentBack?: { readonly note: string; readonly by: string };
}

/** Persistence of the newsroom workflow: drafts, revisions, status moves, corrections. */
export interface ArticleWorkflowStore {
  get(id: number): Promise<EditorialArticle | null>;
  list(query: EditorialQuery): Promise<Page<EditorialListItem>>;
  create(input: {
    readonly fields: ArticleFields;
    /** A slug typed on purpose; otherwise one made from the headline. */
    readonly slug?: string;
    readonly owner: ArticleOwner | null;
    readonly author: RevisionAuthor;
    readonly at: Date;
    readonly note: string;
  }): Promise<EditorialArticle>;
  save(input: SaveInput): Promise<SaveOutcome>;
  /** Null when the article is gone or no longer in `from` (someone else moved it first). */
  changeStatus(change: StatusChange): Promise<{ before: EditorialArticle; after: EditorialArticle } | null>;
  addCorrection(input: {
    readonly id: number;
    readonly kind: Correction['kind'];
    readonly text: string;
    readonly at: Date;
    readonly authorName: string;
  }): Promise<Correction>;
  /**
   * Replaces a note's text, or withdraws it with a reason (it stays, shown as
   * withdrawn). Null when the article has no such note or it is withdrawn already.
   */
  changeCorrection(input: {
    readonly id: number;
    readonly correctionId: number;
    readonly change:
      | { readonly kind: 'amend'; readonly text: string }
      | { readonly kind: 'withdraw'; readonly note: string };
    readonly at: Date;
  }): Promise<{ readonly before: Correction; readonly after: Correction } | null>;
  revisions(id: number): Promise<readonly RevisionEntry[]>;
  revision(id: number, number: number): Promise<Revision | null>;
  /** Sets or clears (null) the embargo; null when the article is gone. */
  setEmbargo(id: number, until: Date | null): Promise<EditorialArticle | null>;
  /**
   * Deletes a story that never reached readers (draft or in review, never
   * published), with its revisions and tags; false when it is gone or no
   * longer such a story.
   */
  spike(id: number): Promise<boolean>;
  /** Ids of scheduled stories due at `now` and out of embargo, earliest first. */
  dueScheduled(now: Date): Promise<readonly number[]>;
  /** The earliest due time of any scheduled story, or null. */
  nextDue(): Promise<Date | null>;
  /** Display names of every tag, for the editor's suggestions. */
  tagNames(limit: number): Promise<readonly string[]>;
  ownerNames(): Promise<readonly string[]>;
  sectionSlugs(): Promise<readonly string[]>;
  /** Where a renamed section's old slug leads now, or null when `slug` never moved. */
  sectionRedirect(slug: string): Promise<string | null>;
  countByStatus(): Promise<Record<ArticleStatus, number>>;
  /** The article in any status, as readers would see it once published: what a preview renders. */
  asPublished(id: number): Promise<Article | null>;
}

export function createArticleWorkflowStore(db: Kysely<Database>, dialect: StoreDialect): ArticleWorkflowStore {
  const get = (id: number) => readArticle(db, id);
  return {
    get,

    asPublished: (id) => getAnyArticle(db, dialect, id, { publishedOnly: false }),

    async list(query) {
      const { status, sectionSlug, ownerName, search, since, until } = query;
      const pattern = search === undefined || search.trim() === '' ? undefined : likePattern(search);
      const matching = db
        .selectFrom('articles')
        .$if(status !== undefined, (q) => q.where('status', '=', status as ArticleStatus))
        .$if(sectionSlug !== undefined, (q) => q.where('section_slug', '=', sectionSlug as string))
        .$if(ownerName !== undefined, (q) => q.where('owner_name', '=', ownerName as string))
        .$if(search !== undefined && pattern !== undefined, (q) =>
          q.where(newsroomSearch(dialect, search as string, pattern as string)),
        )
        .$if(since !== undefined, (q) => q.where(WORKED_ON, '>=', (since as Date).getTime()))
        .$if(until !== undefined, (q) => q.where(WORKED_ON, '<', (until as Date).getTime()));
      const rows = await matching
        .select([
          'id',
          'slug',
          'headline',
          'status',
          'section_slug',
          'owner_name',
          'published_at',
          'scheduled_at',
          'edited_at',
          'revision',
          'embargo_until',
        ])
        // Recently worked-on first; stories never touched in the newsroom by publication time.
        .orderBy(WORKED_ON, 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .execute();
      const { total } = await matching.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
      return {
        total: Number(total),
        items: rows.map((row) => ({
          id: row.id,
          slug: row.slug,
          headline: row.headline,
          status: row.status,
          sectionSlug: row.section_slug,
          ownerName: row.owner_name,
          publishedAt: new Date(Number(row.published_at)),
          scheduledAt: dateOrNull(row.scheduled_at),
          editedAt: dateOrNull(row.edited_at),
          revision: Number(row.revision),
          embargoUntil: dateOrNull(row.embargo_until),
        })),
      };
    },

    async create(input) {
      const id = await db.transaction().execute(async (trx) => {
        const { fields, at } = input;
        await assertSectionsExist(trx, [fields.sectionSlug]);
        const { id } = await trx
          .insertInto('articles')
          .values({
            ...contentColumns(fields),
            slug: articleSlug({ typed: input.slug, headline: fields.headline, current: null, everPublished: false }),
            published_at: at.getTime(),
            updated_at: null,
            status: 'draft',
            ever_published: 0,
            owner_kind: input.owner?.kind ?? null,
            owner_id: input.owner?.id ?? null,
            owner_name: input.owner?.name ?? null,
            edited_at: at.getTime(),
            revision: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeTags(trx, id, fields.tags);
        await insertRevision(trx, { articleId: id, number: 1, author: input.author, at, note: input.note, fields });
        return id;
      });
      return mustGet(db, id);
    },

    async save(input) {
      const outcome = await db.transaction().execute(async (trx): Promise<SaveOutcome> => {
        const before = await readArticle(trx, input.id);
        if (before === null) return { kind: 'missing' };
        if (before.revision !== input.baseRevision) return { kind: 'conflict', latest: before.revision };
        let number = before.revision + 1;
        if (before.revision === 0) {
          // A story from before revisions were kept (seed, import): its first edit keeps the original as revision 1.
          await insertRevision(trx, {
            articleId: input.id,
            number: 1,
            author: { kind: 'system', id: null, name: 'Imported' },
            at: before.editedAt ?? before.publishedAt,
            note: 'As first stored',
            fields: before.fields,
          });
          number = 2;
        }
        await assertSectionsExist(trx, [input.fields.sectionSlug]);
        const changed = await trx
          .updateTable('articles')
          .set({
            ...contentColumns(input.fields),
            slug: articleSlug({
              typed: input.slug,
              headline: input.fields.headline,
              current: before.slug,
              everPublished: before.everPublished,
            }),
            edited_at: input.at.getTime(),
            revision: number,
            // Readers see "Updated" when a story already on the site changes.
            ...(before.status === 'published' ? { updated_at: input.at.getTime() } : {}),
          })
          .where('id', '=', input.id)
          .where('revision', '=', input.baseRevision)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) return { kind: 'conflict', latest: before.revision };
        await trx.deleteFrom('article_tags').where('article_id', '=', input.id).execute();
        await writeTags(trx, input.id, input.fields.tags);
        await insertRevision(trx, { ...input, articleId: input.id, number });
        return { kind: 'saved', before, after: before };
      });
      if (outcome.kind !== 'saved') return outcome;
      return { kind: 'saved', before: outcome.before, after: await mustGet(db, input.id) };
    },

    async changeStatus(change) {
      const before = await readArticle(db, change.id);
      if (before === null || before.status !== change.from) return null;
      const at = change.at.getTime();
      const values: Updateable<ArticlesTable> = { status: change.to };
      if (change.sentBack !== undefined) {
        values.sent_back_note = change.sentBack.note;
        values.sent_back_by = change.sentBack.by;
        values.sent_back_at = at;
      } else if (change.to === 'in_review') {
        values.sent_back_note = null;
        values.sent_back_by = null;
        values.sent_back_at = null;
      }
      switch (change.to) {
        case 'published':
          values.scheduled_at = null;
          values.ever_published = 1;
          if (before.everPublished) values.updated_at = at;
          else values.published_at = (change.when ?? change.at).getTime();
          break;
        case 'scheduled':
          values.scheduled_at = (change.when ?? change.at).getTime();
          break;
        case 'killed':
          values.killed_at = at;
          values.scheduled_at = null;
          break;
        case 'draft':
        case 'in_review':
        case 'unpublished':
          values.scheduled_at = null;
          break;
      }
      const recorded = change.revision;
      if (recorded !== undefined) values.revision = before.revision + 1;
      const moved = await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('articles')
          .set(values)
          .where('id', '=', change.id)
          .where('status', '=', change.from)
          .where('revision', '=', before.revision)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        if (recorded !== undefined) {
          await insertRevision(trx, {
            articleId: change.id,
            number: before.revision + 1,
            author: recorded.author,
            at: change.at,
            note: recorded.note,
            fields: before.fields,
          });
        }
        return true;
      });
      if (!moved) return null;
      return { before, after: await mustGet(db, change.id) };
    },

    async setEmbargo(id, until) {
      const result = await db
        .updateTable('articles')
        .set({ embargo_until: until === null ? null : until.getTime() })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? mustGet(db, id) : null;
    },

    async spike(id) {
      const result = await db
        .deleteFrom('articles')
        .where('id', '=', id)
        .where('status', 'in', ['draft', 'in_review'])
        .where('ever_published', '=', 0)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async addCorrection(input) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('article_corrections')
          .values({
            article_id: input.id,
            kind: input.kind,
            text: input.text,
            at: input.at.getTime(),
            author_name: input.authorName,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('articles').set({ updated_at: input.at.getTime() }).where('id', '=', input.id).execute();
        return { id: row.id, kind: input.kind, text: input.text, at: input.at };
      });
    },

    async changeCorrection(input) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('article_corrections')
          .select(CORRECTION_COLUMNS)
          .where('id', '=', input.correctionId)
          .where('article_id', '=', input.id)
          .executeTakeFirst();
        if (row === undefined || row.withdrawn_at !== null) return null;
        const at = input.at.getTime();
        const values =
          input.change.kind === 'amend'
            ? { text: input.change.text, amended_at: at }
            : { withdrawn_at: at, withdrawal_note: input.change.note };
        const changed = await trx
          .updateTable('article_corrections')
          .set(values)
          .where('id', '=', input.correctionId)
          .where('withdrawn_at', 'is', null)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) return null;
        // Readers see the story as updated, as when the note was added.
        await trx.updateTable('articles').set({ updated_at: at }).where('id', '=', input.id).execute();
        return { before: correctionOf(row), after: correctionOf({ ...row, ...values }) };
      });
    },

    async revisions(id) {
      const rows = await db
        .selectFrom('article_revisions')
        .select(['article_id', 'number', 'author_kind', 'author_id', 'author_name', 'at', 'note'])
        .where('article_id', '=', id)
        .orderBy('number', 'desc')
        .execute();
      return rows.map(toRevisionEntry);
    },

    async revision(id, number) {
      const row = await db
        .selectFrom('article_revisions')
        .selectAll()
        .where('article_id', '=', id)
        .where('number', '=', number)
        .executeTakeFirst();
      if (row === undefined) return null;
      // Written only by this store from validated fields.
      return { ...toRevisionEntry(row), fields: JSON.parse(row.fields_json) as ArticleFields };
    },

    async dueScheduled(now) {
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'scheduled')
        .where('scheduled_at', '<=', now.getTime())
        .where((eb) => eb.or([eb('embargo_until', 'is', null), eb('embargo_until', '<=', now.getTime())]))
        .orderBy('scheduled_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => row.id);
    },

    async nextDue() {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.min('scheduled_at').as('at'))
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      return dateOrNull(row?.at ?? null);
    },

    async tagNames(limit) {
      const rows = await db.selectFrom('tags').select('name').orderBy('name').limit(limit).execute();
      return rows.map((row) => row.name);
    },

    async ownerNames() {
      const rows = await db
        .selectFrom('articles')
        .select('owner_name')
        .distinct()
        .where('owner_name', 'is not', null)
        .orderBy('owner_name')
        .execute();
      return rows.flatMap((row) => (row.owner_name === null ? [] : [row.owner_name]));
    },

    async sectionSlugs() {
      const rows = await db.selectFrom('sections').select('slug').orderBy('position').execute();
      return rows.map((row) => row.slug);
    },

    sectionRedirect: (slug) => sectionRedirect(db, slug),

    async countByStatus() {
      const rows = await db
        .selectFrom('articles')
        .select(['status', (eb) => eb.fn.countAll().as('count')])
        .groupBy('status')
        .execute();
      const counts = Object.fromEntries(ARTICLE_STATUSES.map((status) => [status, 0])) as Record<ArticleStatus, number>;
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },
  };
}

type Reader = Kysely<Database> | Transaction<Database>;

/** When a story was last worked on: its last newsroom save, or its publication for stories never edited here. */
const WORKED_ON = sql<number>`coalesce(edited_at, published_at)`;

async function readArticle(db: Reader, id: number): Promise<EditorialArticle | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  const tags = await db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['tags.slug', 'tags.name'])
    .where('article_tags.article_id', '=', id)
    .orderBy('article_tags.position')
    .execute();
  const corrections = await db
    .selectFrom('article_corrections')
    .select(CORRECTION_COLUMNS)
    .where('article_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return toEditorial(row, tags, corrections.map(correctionOf));
}

async function mustGet(db: Reader, id: number): Promise<EditorialArticle> {
  const article = await readArticle(db, id);
  if (article === null) throw new Error(`Article ${id} vanished during a newsroom change`);
  return article;
}

function toEditorial(
  row: Selectable<ArticlesTable>,
  tags: readonly { slug: string; name: string }[],
  corrections: readonly Correction[],
): EditorialArticle {
  const summary = toSummary(row);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    fields: {
      headline: row.headline,
      summary: row.summary,
      sectionSlug: row.section_slug,
      byline: summary.byline,
      ...moreBylinesOf(row.more_bylines_json),
      dateline: row.dateline,
      // Written only by this store from validated fields.
      body: JSON.parse(row.body_json) as Block[],
      tags: tags.map((tag) => tag.name),
      printPage: row.print_page,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
    },
    revision: Number(row.revision),
    owner:
      row.owner_kind === null || row.owner_id === null
        ? null
        : { kind: row.owner_kind, id: Number(row.owner_id), name: row.owner_name ?? '' },
    scheduledAt: dateOrNull(row.scheduled_at),
    publishedAt: summary.publishedAt,
    everPublished: Number(row.ever_published) === 1,
    updatedAt: dateOrNull(row.updated_at),
    editedAt: dateOrNull(row.edited_at),
    killedAt: dateOrNull(row.killed_at),
    tagSlugs: tags.map((tag) => tag.slug),
    corrections,
    embargoUntil: dateOrNull(row.embargo_until),
    sentBack:
      row.sent_back_note === null
        ? null
        : { note: row.sent_back_note, by: row.sent_back_by ?? '', at: new Date(Number(row.sent_back_at ?? 0)) },
  };
}

function contentColumns(fields: ArticleFields) {
  return {
    headline: fields.headline,
    summary: fields.summary,
    section_slug: fields.sectionSlug,
    ...bylineColumns(fields.byline),
    more_bylines_json: moreBylinesColumn(fields.moreBylines),
    dateline: fields.dateline,
    body_json: JSON.stringify(fields.body),
    print_page: fields.printPage,
    seo_title: fields.seoTitle,
    seo_description: fields.seoDescription,
  };
}

async function writeTags(trx: Transaction<Database>, articleId: number, names: readonly string[]): Promise<void> {
  const tags = canonicalTags(names);
  if (tags.length === 0) return;
  const ids = await ensureTags(trx, tags);
  const links = tags.map((tag, position) => {
    const tagId = ids.get(tag.slug);
    if (tagId === undefined) throw new Error(`Tag "${tag.slug}" was not stored`);
    return { article_id: articleId, tag_id: tagId, position };
  });
  await insertArticleTags(trx, links);
}

async function insertRevision(
  trx: Transaction<Database>,
  input: {
    readonly articleId: number;
    readonly number: number;
    readonly author: RevisionAuthor;
    readonly at: Date;
    readonly note: string;
    readonly fields: ArticleFields;
  },
): Promise<void> {
  await trx
    .insertInto('article_revisions')
    .values({
      article_id: input.articleId,
      number: input.number,
      author_kind: input.author.kind,
      author_id: input.author.id,
      author_name: input.author.name,
      at: input.at.getTime(),
      note: input.note,
      fields_json: JSON.stringify(input.fields),
    })
    .execute();
}

function toRevisionEntry(row: {
  article_id: number;
  number: number;
  author_kind: RevisionAuthor['kind'];
  author_id: number | null;
  author_name: string;
  at: number;
  note: string;
}): RevisionEntry {
  return {
    articleId: Number(row.article_id),
    number: Number(row.number),
    author: {
      kind: row.author_kind,
      id: row.author_id === null ? null : Number(row.author_id),
      name: row.author_name,
    },
    at: new Date(Number(row.at)),
    note: row.note,
  };
}

/** `%words%`, lower-cased, with LIKE's own wildcards taken literally. */
function likePattern(search: string): string {
  return `%${search
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The newsroom's text filter. Unpublished stories are few and not in the
 * reader's index, so their text is read directly; published ones are found
 * through the index, whose words may be anywhere in the story.
 */
function newsroomSearch(dialect: StoreDialect, search: string, pattern: string) {
  const like = (column: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  const unpublishedText = sql<boolean>`(status <> 'published' and (${like('summary')} or ${like('body_json')}))`;
  const terms = parseSearchQuery(search);
  const indexed = isEmptySearch(terms)
    ? sql<boolean>`1 = 0`
    : sql<boolean>`id in (${indexedIdsMatching(dialect, terms)})`;
  return sql<boolean>`(${like('headline')} or ${unpublishedText} or ${indexed})`;
}

function dateOrNull(epochMs: number | string | null | undefined): Date | null {
  return epochMs == null ? null : new Date(Number(epochMs));
}
