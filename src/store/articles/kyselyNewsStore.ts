import type { Kysely } from 'kysely';
import type { CommentStatus, CommentSubmission } from '../../news/comment.js';
import { canonicalTags } from '../../news/tag.js';
import { batchedReads } from '../batchedReads.js';
import * as comments from '../comments/commentQueries.js';
import { isAddressBanned } from '../comments/moderation.js';
import type { Database, StoreDialect } from '../database.js';
import { latestPrintDate, printEdition } from '../print/printEditionQueries.js';
import { sectionRedirect } from '../sections/sectionAdmin.js';
import { tagRedirect } from '../tags/tagAdmin.js';
import { articleStamps, listBylines, listPublishedTags, neighbouringDays, publishedMonths } from './archiveQueries.js';
import {
  getArticle,
  isWithdrawn,
  latestArticles,
  listArticles,
  newestTagged,
  relatedArticles,
} from './articleQueries.js';
import { toSection } from './articleRows.js';
import { createArticleSearchStore } from './articleSearch.js';
import { articlesForReaders } from './articleWithChildren.js';
import { assertSectionsExist, ensureTags, insertArticleRow } from './articleWrites.js';
import type { NewsStore } from './newsStore.js';
import { type SeedContent, seedIfEmpty } from './seedContent.js';

/** The Kysely store; beyond the contract it can seed an empty store in one transaction. */
export interface KyselyNewsStore extends NewsStore {
  /** Writes `content` only when the store has no articles; returns how many rows it wrote. */
  seedIfEmpty(content: SeedContent): Promise<{ articles: number; comments: number }>;
}

/** The news store on an open, migrated database (see `openDatabase` and `migrateToLatest`). */
export function createNewsStore(db: Kysely<Database>, dialect: StoreDialect): KyselyNewsStore {
  const search = createArticleSearchStore(db, dialect);
  // The article pages asked for together are read together (batchedReads).
  const readForReaders = batchedReads((ids) => articlesForReaders(db, dialect, ids));
  return {
    searchArticles: (query) => search.searchArticles(query),

    async listSections() {
      const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('slug').execute();
      return rows.map(toSection);
    },

    async getSection(slug) {
      const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row === undefined ? null : toSection(row);
    },

    async getTag(slug) {
      const row = await db.selectFrom('tags').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst();
      return row ?? null;
    },

    getArticle: (id) => getArticle(db, dialect, id),
    articleForReaders: readForReaders,
    isWithdrawn: (id) => isWithdrawn(db, id),
    listArticles: (query) => listArticles(db, query),
    latestArticles: (query) => latestArticles(db, query),
    relatedArticles: (article, limit, pool, rank) => relatedArticles(db, article, limit, pool, rank),
    newestTagged: (slug, limit) => newestTagged(db, slug, limit),
    printEdition: (date) => printEdition(db, date),
    latestPrintDate: () => latestPrintDate(db),
    listBylines: () => listBylines(db),
    listPublishedTags: () => listPublishedTags(db),
    publishedMonths: () => publishedMonths(db),
    articleStamps: (range) => articleStamps(db, range),
    neighbouringDays: (day) => neighbouringDays(db, day),

    async countArticles() {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async insertSection(section) {
      await db
        .insertInto('sections')
        .values({ slug: section.slug, name: section.name, position: section.position })
        // Re-inserting a section renames or reorders it rather than failing.
        .onConflict((conflict) =>
          conflict.column('slug').doUpdateSet({ name: section.name, position: section.position }),
        )
        .execute();
    },

    async insertArticle(draft) {
      const tags = canonicalTags(draft.tags);
      return db.transaction().execute(async (trx) => {
        await assertSectionsExist(trx, [draft.sectionSlug]);
        const tagIds = await ensureTags(trx, tags);
        return insertArticleRow(trx, draft, tags, tagIds);
      });
    },

    tagRedirect: (slug) => tagRedirect(db, slug),
    sectionRedirect: (slug) => sectionRedirect(db, slug),
    isCommentAddressBanned: (ip) => isAddressBanned(db, ip),
    approvedComments: (articleId) => comments.approvedComments(db, articleId),
    addComment: (submission: CommentSubmission, status: CommentStatus = 'pending') =>
      comments.addComment(db, submission, status, new Date()),
    listComments: (filter) => comments.listComments(db, filter),
    setCommentStatus: (ids, status) => comments.setCommentStatus(db, ids, status),

    seedIfEmpty: (content) => seedIfEmpty(db, dialect, content),
  };
}
