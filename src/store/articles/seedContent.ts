import { type Kysely, sql } from 'kysely';
import type { ArticleDraft, Section, Tag } from '../../news/article.js';
import type { CommentStatus } from '../../news/comment.js';
import { canonicalTags } from '../../news/tag.js';
import type { Database, StoreDialect } from '../database.js';
import { assertSectionsExist, chunks, ensureTags, insertArticleRow } from './articleWrites.js';

/** A comment to seed, attached to an article by its position in `articles`. */
export interface SeedComment {
  readonly articleIndex: number;
  readonly name: string;
  readonly email: string;
  readonly body: string;
  readonly status: CommentStatus;
  readonly createdAt: Date;
  readonly ip: string;
}

/** A whole body of content written in one go (demo content, an archive import). */
export interface SeedContent {
  readonly sections: readonly Section[];
  readonly articles: readonly ArticleDraft[];
  readonly comments: readonly SeedComment[];
}

/** Writes `content` in one transaction when the store has no articles; otherwise writes nothing. */
export async function seedIfEmpty(
  db: Kysely<Database>,
  dialect: StoreDialect,
  content: SeedContent,
): Promise<{ articles: number; comments: number }> {
  const tagsOfArticle = content.articles.map((draft) => canonicalTags(draft.tags));
  return db.transaction().execute(async (trx) => {
    // Two web nodes starting together on PostgreSQL must not both see an empty
    // store. (On SQLite a racing second writer fails with SQLITE_BUSY instead,
    // so nothing is written twice either.)
    if (dialect === 'postgres') await sql`lock table articles in share row exclusive mode`.execute(trx);
    const existing = await trx.selectFrom('articles').select('id').limit(1).executeTakeFirst();
    if (existing !== undefined) return { articles: 0, comments: 0 };

    for (const batch of chunks(content.sections)) {
      await trx
        .insertInto('sections')
        .values(batch.map((section) => ({ slug: section.slug, name: section.name, position: section.position })))
        .onConflict((conflict) => conflict.column('slug').doNothing())
        .execute();
    }
    await assertSectionsExist(
      trx,
      content.articles.map((draft) => draft.sectionSlug),
    );
    const tagIds = await ensureTags(trx, distinctTags(tagsOfArticle.flat()));
    const articleIds: number[] = [];
    for (const [index, draft] of content.articles.entries()) {
      articleIds.push(await insertArticleRow(trx, draft, tagsOfArticle[index] ?? [], tagIds));
    }
    const commentRows = content.comments.map((comment) => {
      const articleId = articleIds[comment.articleIndex];
      if (articleId === undefined)
        throw new RangeError(`Seed comment points at article ${comment.articleIndex}, which does not exist`);
      return {
        article_id: articleId,
        name: comment.name,
        email: comment.email,
        body: comment.body,
        status: comment.status,
        created_at: comment.createdAt.getTime(),
        ip: comment.ip,
      };
    });
    for (const batch of chunks(commentRows)) await trx.insertInto('comments').values(batch).execute();
    return { articles: articleIds.length, comments: commentRows.length };
  });
}

function distinctTags(tags: readonly Tag[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const tag of tags) if (!bySlug.has(tag.slug)) bySlug.set(tag.slug, tag);
  return [...bySlug.values()];
}
