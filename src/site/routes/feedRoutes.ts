import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authorUrl,
  FEED_FORMATS,
  type FeedFormat,
  type FeedSubject,
  feedUrl,
  parseFeedFile,
  sectionUrl,
  tagUrl,
} from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { findAuthor } from '../../news/author.js';
import { isSlug } from '../../news/slug.js';
import { FEED_CONTENT_TYPES, feedUpdated, type StoryFeed, writeStoryFeed } from '../feeds/storyFeed.js';
import type { PageOutcome } from '../http/pageCache.js';
import type { SiteContext } from '../siteContext.js';
import { sendErrorPage, sendNotFoundPage, serveCached } from './pageResponses.js';
import { siteOrigin } from './siteOrigin.js';

/** Stories in a feed: a day and more of the paper's output, as feed readers poll every few minutes. */
export const FEED_LENGTH = 30;
/**
 * Feed readers poll; a CDN may keep a feed half a minute and serve it a minute
 * longer while it fetches the next. Short, because a killed story must leave soon.
 */
export const FEED_CACHE_CONTROL = 'public, max-age=60, s-maxage=30, stale-while-revalidate=60';
const KINDS = { sections: 'section', tags: 'tag', authors: 'author' } as const;

/** RSS 2.0, Atom and JSON Feed of the latest stories and of each section, tag and author. */
export function registerFeedRoutes(app: TypeBoxApp, site: SiteContext): void {
  // The address the paper this site is modelled on serves its RSS at.
  app.get('/feeds/latest-news', async (request, reply) => serveFeed(site, request, reply, { kind: 'latest' }, 'rss'));

  app.get('/feeds/:file', { schema: { params: Type.Object({ file: Type.String() }) } }, async (request, reply) => {
    const parsed = parseFeedFile(request.params.file);
    if (parsed === null || parsed.slug !== 'latest') return sendNotFoundPage(site, request, reply);
    return serveFeed(site, request, reply, { kind: 'latest' }, parsed.format);
  });

  app.get(
    '/feeds/:kind/:file',
    { schema: { params: Type.Object({ kind: Type.String(), file: Type.String() }) } },
    async (request, reply) => {
      const kind = KINDS[request.params.kind as keyof typeof KINDS] as (typeof KINDS)[keyof typeof KINDS] | undefined;
      const parsed = parseFeedFile(request.params.file);
      if (kind === undefined || parsed === null || !isSlug(parsed.slug)) return sendNotFoundPage(site, request, reply);
      return serveFeed(site, request, reply, { kind, slug: parsed.slug }, parsed.format);
    },
  );
}

async function serveFeed(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  subject: FeedSubject,
  format: FeedFormat,
): Promise<FastifyReply> {
  const origin = siteOrigin(site, request);
  if (origin === null) return sendErrorPage(site, reply, 400, 'Bad request', 'The Host header is not a host name.');
  const key = `feed:${subject.kind}:${subject.kind === 'latest' ? '' : subject.slug}:${format}:${origin}`;
  return serveCached(site, request, reply, key, { sameForEveryHost: Boolean(site.deps.publicUrl) }, async () => {
    const feed = await describeFeed(site, subject, origin);
    if (feed === null) return { kind: 'notFound' };
    if ('movedTo' in feed) return { kind: 'redirect', location: feedUrl(feed.movedTo, format), status: 301 };
    const updated = feedUpdated(feed);
    const outcome: PageOutcome = {
      kind: 'page',
      html: writeStoryFeed(feed, format),
      representation: {
        contentType: FEED_CONTENT_TYPES[format],
        cacheControl: FEED_CACHE_CONTROL,
        ...(updated === null ? {} : { lastModified: updated }),
      },
    };
    return outcome;
  });
}

/** What a feed shows, a tag or section that moved, or null when its subject does not exist. */
async function describeFeed(
  site: SiteContext,
  subject: FeedSubject,
  origin: string,
): Promise<StoryFeed | { readonly movedTo: FeedSubject } | null> {
  const { store } = site.deps;
  const feedPaths = Object.fromEntries(FEED_FORMATS.map((format) => [format, feedUrl(subject, format)])) as Record<
    FeedFormat,
    string
  >;
  const sections = await store.listSections();
  const common = { origin, feedPaths, sections };
  switch (subject.kind) {
    case 'latest': {
      const { items } = await store.listArticles({ limit: FEED_LENGTH });
      return {
        ...common,
        title: 'Latest news',
        description: 'The latest stories from Broadsheet.',
        pagePath: '/',
        stories: items,
      };
    }
    case 'section': {
      const section = sections.find((candidate) => candidate.slug === subject.slug);
      if (section === undefined) {
        // A section given a new slug keeps its subscribers, as its pages keep their readers.
        const moved = await store.sectionRedirect(subject.slug);
        return moved === null ? null : { movedTo: { kind: 'section', slug: moved } };
      }
      const { items } = await store.listArticles({ sectionSlug: section.slug, limit: FEED_LENGTH });
      return {
        ...common,
        title: section.name,
        description: `Latest ${section.name} news and analysis.`,
        pagePath: sectionUrl(section.slug),
        stories: items,
      };
    }
    case 'tag': {
      const tag = await store.getTag(subject.slug);
      if (tag === null) {
        const moved = await store.tagRedirect(subject.slug);
        return moved === null ? null : { movedTo: { kind: 'tag', slug: moved } };
      }
      const { items } = await store.listArticles({ tagSlug: tag.slug, limit: FEED_LENGTH });
      return {
        ...common,
        title: tag.name,
        description: `Stories tagged ${tag.name}.`,
        pagePath: tagUrl(tag.slug),
        stories: items,
      };
    }
    case 'author': {
      const author = findAuthor(await store.listBylines(), subject.slug);
      if (author === null) return null;
      const { items } = await store.listArticles({ byline: author.byline, limit: FEED_LENGTH });
      return {
        ...common,
        title: author.name,
        description: `Stories by ${author.name}.`,
        pagePath: authorUrl(author.slug),
        stories: items,
      };
    }
  }
}
