import { Feed } from 'feed';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { articleUrl, authorUrl, type FeedFormat, sectionUrl } from '../../http/siteUrls.js';
import type { ArticleSummary, Section } from '../../news/article.js';
import { authorOf } from '../../news/author.js';
import { FAVICON_PATH, SITE_NAME } from '../components/Layout.js';

/** One feed about to be written: what it follows, where it lives, and its stories newest first. */
export interface StoryFeed {
  readonly title: string;
  readonly description: string;
  /** Absolute origin every link is made from (`https://news.example.com`). */
  readonly origin: string;
  /** Path of the page the feed mirrors. */
  readonly pagePath: string;
  /** Path of this feed in each format, for the self and alternate links. */
  readonly feedPaths: Readonly<Record<FeedFormat, string>>;
  readonly stories: readonly ArticleSummary[];
  readonly sections: readonly Section[];
}

export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** When a feed last changed: its newest story; null when it has none. */
export function feedUpdated(feed: StoryFeed): Date | null {
  return feed.stories[0]?.publishedAt ?? null;
}

/** The feed in one format, written by the `feed` library (escaping and structure are its job). */
export function writeStoryFeed(feed: StoryFeed, format: FeedFormat): string {
  const absolute = (path: string): string => new URL(path, feed.origin).href;
  const pageUrl = absolute(feed.pagePath);
  const document = new Feed({
    id: pageUrl,
    title: `${feed.title} | ${SITE_NAME}`,
    description: feed.description,
    link: pageUrl,
    language: 'en',
    favicon: absolute(FAVICON_PATH),
    // An empty feed says it never changed, so its validators stay put between renders.
    updated: feedUpdated(feed) ?? new Date(0),
    generator: SITE_NAME,
    copyright: `© ${SITE_NAME}`,
    feedLinks: {
      rss: absolute(feed.feedPaths.rss),
      atom: absolute(feed.feedPaths.atom),
      json: absolute(feed.feedPaths.json),
    },
    ...(format === 'atom' ? { feed: absolute(feed.feedPaths.atom) } : {}),
  });
  const sectionNames = new Map(feed.sections.map((section) => [section.slug, section.name]));
  for (const story of feed.stories) {
    const author = authorOf(story.byline);
    const sectionName = sectionNames.get(story.sectionSlug) ?? story.sectionSlug;
    const link = absolute(articleUrl(story));
    const credit = { name: author.name, link: absolute(authorUrl(author.slug)) };
    document.addItem({
      id: link,
      guid: link,
      link,
      title: story.headline,
      description: story.summary,
      date: story.publishedAt,
      published: story.publishedAt,
      // RSS reads name and domain; Atom needs a term (the section's slug), with its label and scheme.
      category: [
        {
          name: sectionName,
          domain: absolute(sectionUrl(story.sectionSlug)),
          term: story.sectionSlug,
          scheme: absolute('/'),
        },
      ],
      // RSS's <author> is an e-mail address; a name goes in dc:creator, which the content
      // module's namespace declaration (brought in by content:encoded) makes available.
      ...(format === 'rss'
        ? {
            content: renderToString(h('p', null, story.summary)),
            extensions: [{ name: 'dc:creator', objects: { _text: author.name } }],
          }
        : { author: [credit] }),
    });
  }
  switch (format) {
    case 'rss':
      return document.rss2();
    case 'atom':
      return document.atom1();
    case 'json':
      return jsonFeed11(document.json1());
  }
}

interface JsonFeedAuthor {
  readonly name?: string;
  readonly url?: string;
}

interface JsonFeedDocument {
  version: string;
  language?: string;
  author?: JsonFeedAuthor;
  authors?: JsonFeedAuthor[];
  items?: Array<{ author?: JsonFeedAuthor; authors?: JsonFeedAuthor[] }>;
}

/**
 * The library writes JSON Feed 1.0; 1.1 (jsonfeed.org/version/1.1) only renames
 * `author` to the `authors` list and adds `language`, so the parsed document is
 * brought up to it here rather than written by hand.
 */
function jsonFeed11(version1: string): string {
  const parsed = JSON.parse(version1) as JsonFeedDocument;
  parsed.version = 'https://jsonfeed.org/version/1.1';
  parsed.language = 'en';
  if (parsed.author !== undefined) {
    parsed.authors = [parsed.author];
    delete parsed.author;
  }
  for (const item of parsed.items ?? []) {
    if (item.author === undefined) continue;
    item.authors = [item.author];
    delete item.author;
  }
  return JSON.stringify(parsed, null, 2);
}
