import type { Article, ArticleDraft, ArticleSummary, Byline, Section, Tag } from '../../news/article.js';
import type { Comment, CommentStatus, CommentSubmission } from '../../news/comment.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import type { PoolRanker } from '../../news/relatedPools.js';
import type { ArticleSearchStore } from './articleSearchQuery.js';

/** A page of results plus the total, for paginated lists. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** Which published articles a list wants, newest first. */
export interface ArticleQuery {
  readonly limit: number;
  readonly offset?: number;
  readonly sectionSlug?: string;
  readonly tagSlug?: string;
  /** Leave this article out (e.g. the one being read). */
  readonly excludeId?: number;
  /** Only stories credited to this writer or agency (author pages and feeds). */
  readonly byline?: Byline;
  /** Only stories published at or after this instant (date archive, news sitemap). */
  readonly publishedFrom?: Date;
  /** Only stories published before this instant. */
  readonly publishedBefore?: Date;
}

/** A published story with what its own page shows of it besides the article: approved comments and its picture. */
export interface ArticleForReaders {
  readonly article: Article;
  /** Approved comments, oldest first. */
  readonly comments: readonly Comment[];
  /** The featured picture with its library asset; null when the story has none. */
  readonly picture: StoryPicture | null;
}

/** A story as a sitemap lists it: where it lives, when it appeared and last changed. */
export interface ArticleStamp {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly publishedAt: Date;
  /** The last edit or correction, or the publication when there was none. */
  readonly modifiedAt: Date;
}

/** A Karachi calendar month (`YYYY-MM`) that has published stories, and when the newest of them last changed. */
export interface PublishedMonth {
  readonly month: string;
  readonly lastModified: Date;
}

/** The nearest Karachi days (`YYYY-MM-DD`) before and after a day that have published stories. */
export interface NeighbouringDays {
  readonly previous: string | null;
  readonly next: string | null;
}

/** One day's print edition: articles that ran in the paper, ordered by page then time. */
export interface PrintEdition {
  /** YYYY-MM-DD in Asia/Karachi. */
  readonly date: string;
  readonly articles: readonly ArticleSummary[];
  /** Nearest earlier and later dates that have a print edition. */
  readonly previousDate: string | null;
  readonly nextDate: string | null;
  /** Section labels the print desk gave pages ("Business & Finance"), by page number; absent when none. */
  readonly pageLabels?: Readonly<Record<number, string>>;
}

/**
 * Persistence of the news side. One interface, implemented once with Kysely for
 * both SQLite and PostgreSQL; web and CLI code only ever see this.
 */
export interface NewsStore extends ArticleSearchStore {
  listSections(): Promise<readonly Section[]>;
  getSection(slug: string): Promise<Section | null>;
  getTag(slug: string): Promise<Tag | null>;
  /** The current slug of a tag renamed or merged away from `slug`, or null (src/store/tags/tagAdmin.ts). */
  tagRedirect(slug: string): Promise<string | null>;
  /** The current slug of a section whose slug was changed from `slug`, else null. */
  sectionRedirect(slug: string): Promise<string | null>;
  /** A published article; null for one that does not exist or is not on the site. */
  getArticle(id: number): Promise<Article | null>;
  /** A published article with its approved comments and featured picture, read together; null as getArticle. */
  articleForReaders(id: number): Promise<ArticleForReaders | null>;
  /** Whether the article was killed (readers get 410 Gone rather than 404). */
  isWithdrawn(id: number): Promise<boolean>;
  listArticles(query: ArticleQuery): Promise<Page<ArticleSummary>>;
  /** The newest stories `query` asks for, not counted (listArticles without its total). */
  latestArticles(query: ArticleQuery): Promise<readonly ArticleSummary[]>;
  /** Stories related to `article` by shared tags, then recency; never the article itself. */
  relatedArticles(
    article: Article,
    limit: number,
    /** Where each tag's pool of candidates comes from (newestTagged by default): the site passes a kept copy. */
    pool?: (slug: string) => Promise<readonly ArticleSummary[]>,
    /** How the pools are ranked (rankFromTagPools by default): the site passes a memo of it. */
    rank?: PoolRanker,
  ): Promise<readonly ArticleSummary[]>;
  /** A tag's newest published stories, newest id first: the pool related stories of its stories are chosen from. */
  newestTagged(slug: string, limit: number): Promise<readonly ArticleSummary[]>;
  printEdition(date: string): Promise<PrintEdition>;
  /** Every writer and agency credited on a published story, in no particular order. */
  listBylines(): Promise<readonly Byline[]>;
  /** Tags carried by at least one published story, by slug. */
  listPublishedTags(): Promise<readonly Tag[]>;
  /** Months with published stories, oldest first (the sitemap index lists one article sitemap per month). */
  publishedMonths(): Promise<readonly PublishedMonth[]>;
  /** Published stories in [from, before), oldest first, at most `limit` of them. */
  articleStamps(range: {
    readonly from: Date;
    readonly before: Date;
    readonly limit: number;
  }): Promise<readonly ArticleStamp[]>;
  /** The published days either side of the Karachi day [startMs, endMs). */
  neighbouringDays(day: { readonly startMs: number; readonly endMs: number }): Promise<NeighbouringDays>;
  /** Latest date (YYYY-MM-DD, Asia/Karachi) that has a print edition, or null. */
  latestPrintDate(): Promise<string | null>;
  countArticles(): Promise<number>;
  insertSection(section: Section): Promise<void>;
  insertArticle(draft: ArticleDraft): Promise<number>;

  approvedComments(articleId: number): Promise<readonly Comment[]>;
  /** Whether moderators banned this address: its new comments are refused (403) on every public way in. */
  isCommentAddressBanned(ip: string): Promise<boolean>;
  /** Stores a new comment as pending. */
  addComment(submission: CommentSubmission, status?: CommentStatus): Promise<Comment>;
  listComments(filter: { readonly status?: CommentStatus; readonly limit?: number }): Promise<readonly Comment[]>;
  /** Returns the ids that existed and were changed. */
  setCommentStatus(ids: readonly number[], status: CommentStatus): Promise<readonly number[]>;
}
