import { type Static, Type } from '@sinclair/typebox';
import type { Correction } from '../../news/article.js';
import { allBylines } from '../../news/article.js';
import type { ArticleInput } from '../../news/articleFieldRules.js';
import type { Revision, RevisionEntry } from '../../news/revision.js';
import type { FieldDiff } from '../../news/revisionDiff.js';
import { ARTICLE_STATUSES } from '../../news/workflow.js';
import type { EditorialArticle, EditorialListItem } from '../../store/articles/articleWorkflow.js';

const Text = (maxLength: number) => Type.String({ maxLength });

/** A body block as the API takes it; the desk's rules check kinds and lengths. */
export const BlockSchema = Type.Object(
  {
    type: Text(40),
    text: Type.Optional(Text(20_000)),
    attribution: Type.Optional(Text(500)),
    mediaId: Type.Optional(Type.Integer()),
    alt: Type.Optional(Text(1000)),
    caption: Type.Optional(Text(2000)),
    credit: Type.Optional(Text(500)),
    articleId: Type.Optional(Type.Integer()),
    headline: Type.Optional(Text(1000)),
    provider: Type.Optional(Text(40)),
    url: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

/** Article content as the API takes it (create, and update with `baseRevision`). */
export const ArticleFieldsSchema = Type.Object(
  {
    headline: Text(1000),
    summary: Text(2000),
    sectionSlug: Text(200),
    byline: Type.String({
      maxLength: 700,
      description:
        'One byline or several separated by ";": "AFP", "Reuters" or "APP" (any case) for agency copy; otherwise a staff name',
    }),
    dateline: Type.Optional(Type.Union([Text(200), Type.Null()])),
    body: Type.Array(BlockSchema, { maxItems: 500 }),
    tags: Type.Optional(Type.Array(Text(200), { maxItems: 100 })),
    printPage: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    seoTitle: Type.Optional(Type.Union([Text(500), Type.Null()])),
    seoDescription: Type.Optional(Type.Union([Text(1000), Type.Null()])),
    slug: Type.Optional(
      Type.Union([Text(500), Type.Null()], {
        description:
          "The words of the story's address, set on purpose; omitted or null keeps a published story's address (a never-published one follows its headline). A changed address leaves the old one answering 301.",
      }),
    ),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type ArticleFieldsBody = Static<typeof ArticleFieldsSchema>;

export const StatusSchema = Type.Union(ARTICLE_STATUSES.map((status) => Type.Literal(status)));

/** The API's fields as the desk's unchecked input. */
export function inputFromJson(body: ArticleFieldsBody): ArticleInput {
  return {
    headline: body.headline,
    summary: body.summary,
    sectionSlug: body.sectionSlug,
    byline: body.byline,
    dateline: body.dateline ?? '',
    body: body.body,
    tags: body.tags ?? [],
    printPage: body.printPage == null ? '' : String(body.printPage),
    seoTitle: body.seoTitle ?? '',
    seoDescription: body.seoDescription ?? '',
    ...(body.slug != null ? { slug: body.slug } : {}),
  };
}

export function articleJson(article: EditorialArticle) {
  return {
    id: article.id,
    slug: article.slug,
    status: article.status,
    revision: article.revision,
    owner: article.owner,
    headline: article.fields.headline,
    summary: article.fields.summary,
    sectionSlug: article.fields.sectionSlug,
    byline: article.fields.byline,
    bylines: allBylines(article.fields),
    dateline: article.fields.dateline,
    body: article.fields.body,
    tags: article.fields.tags,
    printPage: article.fields.printPage,
    seoTitle: article.fields.seoTitle,
    seoDescription: article.fields.seoDescription,
    publishedAt: article.everPublished ? article.publishedAt.toISOString() : null,
    scheduledAt: iso(article.scheduledAt),
    updatedAt: iso(article.updatedAt),
    editedAt: iso(article.editedAt),
    killedAt: iso(article.killedAt),
    corrections: article.corrections.map(correctionJson),
    embargoUntil: iso(article.embargoUntil),
    sentBack:
      article.sentBack === null
        ? null
        : { note: article.sentBack.note, by: article.sentBack.by, at: article.sentBack.at.toISOString() },
  };
}

export function listItemJson(item: EditorialListItem) {
  return {
    id: item.id,
    slug: item.slug,
    headline: item.headline,
    status: item.status,
    sectionSlug: item.sectionSlug,
    ownerName: item.ownerName,
    publishedAt: item.publishedAt.toISOString(),
    scheduledAt: iso(item.scheduledAt),
    editedAt: iso(item.editedAt),
    revision: item.revision,
    embargoUntil: iso(item.embargoUntil),
  };
}

export function revisionEntryJson(entry: RevisionEntry) {
  return { number: entry.number, author: entry.author, at: entry.at.toISOString(), note: entry.note };
}

export function revisionJson(revision: Revision) {
  return { ...revisionEntryJson(revision), fields: revision.fields };
}

export function diffJson(from: number, to: number, fields: readonly FieldDiff[]) {
  return { from, to, fields };
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

/** A note as the API shows it: amended and withdrawn only when they happened. */
export function correctionJson(c: Correction) {
  return {
    id: c.id,
    kind: c.kind,
    text: c.text,
    at: c.at.toISOString(),
    ...(c.amendedAt !== undefined ? { amendedAt: c.amendedAt.toISOString() } : {}),
    ...(c.withdrawn !== undefined ? { withdrawn: { at: c.withdrawn.at.toISOString(), note: c.withdrawn.note } } : {}),
  };
}
