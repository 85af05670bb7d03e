import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { SITE_NAME } from '../components/Layout.js';

/** One page a sitemap lists; `path` is made absolute against the origin. */
export interface SitemapPage {
  readonly path: string;
  readonly lastModified?: Date;
}

/** A story in the news sitemap (Google's news extension): headline and first publication. */
export interface NewsSitemapStory {
  readonly path: string;
  readonly headline: string;
  readonly publishedAt: Date;
}

/** The paper's name and language as news:publication gives them; a news sitemap lists only its own stories. */
export const NEWS_PUBLICATION = { name: SITE_NAME, language: 'en' } as const;

// Written by the `sitemap` library: escaping, namespaces and the 50,000-URL limit are its job.
const NO_EXTENSIONS = { news: false, video: false, xhtml: false, image: false };

export function writeSitemap(origin: string, pages: readonly SitemapPage[]): Promise<string> {
  return write(
    new SitemapStream({ hostname: origin, xmlns: NO_EXTENSIONS }),
    pages.map((page) => ({
      url: page.path,
      ...(page.lastModified === undefined ? {} : { lastmod: page.lastModified.toISOString() }),
    })),
  );
}

export function writeNewsSitemap(origin: string, stories: readonly NewsSitemapStory[]): Promise<string> {
  return write(
    new SitemapStream({ hostname: origin, xmlns: { ...NO_EXTENSIONS, news: true } }),
    stories.map((story) => ({
      url: story.path,
      news: {
        publication: { ...NEWS_PUBLICATION },
        publication_date: story.publishedAt.toISOString(),
        title: story.headline,
      },
    })),
  );
}

/** The index of sitemaps; each entry's `path` is a sitemap of ours. */
export function writeSitemapIndex(origin: string, sitemaps: readonly SitemapPage[]): Promise<string> {
  return write(
    new SitemapIndexStream(),
    sitemaps.map((sitemap) => ({
      url: new URL(sitemap.path, origin).href,
      ...(sitemap.lastModified === undefined ? {} : { lastmod: sitemap.lastModified.toISOString() }),
    })),
  );
}

async function write(stream: SitemapStream | SitemapIndexStream, items: readonly object[]): Promise<string> {
  const written = streamToPromise(Readable.from(items).pipe(stream));
  return (await written).toString('utf8');
}
