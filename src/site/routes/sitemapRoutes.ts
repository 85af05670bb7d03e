import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AUTHORS_SITEMAP_URL,
  articleSitemapUrl,
  articleUrl,
  authorUrl,
  CURRENCY_URL,
  indexUrl,
  MARKETS_SITEMAP_URL,
  MARKETS_URL,
  NEWS_SITEMAP_URL,
  SECTIONS_SITEMAP_URL,
  SITEMAP_INDEX_URL,
  sectionNavUrl,
  stockUrl,
  TAGS_SITEMAP_URL,
  tagUrl,
} from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { authorOf } from '../../news/author.js';
import { karachiDayRange } from '../../shared/pakistanTime.js';
import type { PageOutcome } from '../http/pageCache.js';
import type { SiteContext } from '../siteContext.js';
import { type SitemapPage, writeNewsSitemap, writeSitemap, writeSitemapIndex } from '../sitemaps/sitemapXml.js';
import { sendErrorPage, sendNotFoundPage, serveCached } from './pageResponses.js';
import { siteOrigin } from './siteOrigin.js';

/** Crawlers come back for sitemaps every few minutes at most; a CDN may keep them five and serve an hour stale. */
export const SITEMAP_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=3600';
/** The news sitemap follows the last two days closely, as the feeds do. */
export const NEWS_SITEMAP_CACHE_CONTROL = 'public, max-age=60, s-maxage=30, stale-while-revalidate=60';
/** Google's news sitemap lists the stories of the last two days, at most 1,000 of them. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
const NEWS_SITEMAP_LIMIT = 1000;
/** The sitemap protocol's limit of URLs in one file. */
const SITEMAP_URL_LIMIT = 50_000;
const XML = 'application/xml; charset=utf-8';
const MONTH_FILE = /^articles-(\d{4}-\d{2})\.xml$/;

/** `/robots.txt`, the sitemap index and the sitemaps it names. */
export function registerSitemapRoutes(app: TypeBoxApp, site: SiteContext): void {
  app.get('/robots.txt', async (request, reply) =>
    serveSitemap(site, request, reply, 'robots', async (origin) => ({
      kind: 'page',
      html: robotsTxt(origin),
      representation: { contentType: 'text/plain; charset=utf-8', cacheControl: SITEMAP_CACHE_CONTROL },
    })),
  );

  app.get(SITEMAP_INDEX_URL, async (request, reply) =>
    serveSitemap(site, request, reply, 'index', async (origin) => {
      const { store } = site.deps;
      // A sitemap must list at least one URL, so one with nothing in it is left out (and answers 404).
      const [months, news, tags, bylines] = await Promise.all([
        store.publishedMonths(),
        store.articleStamps({ ...newsWindow(site), limit: 1 }),
        store.listPublishedTags(),
        store.listBylines(),
      ]);
      const sitemaps: SitemapPage[] = [
        ...(news.length > 0 ? [{ path: NEWS_SITEMAP_URL }] : []),
        { path: SECTIONS_SITEMAP_URL },
        ...(tags.length > 0 ? [{ path: TAGS_SITEMAP_URL }] : []),
        ...(bylines.length > 0 ? [{ path: AUTHORS_SITEMAP_URL }] : []),
        { path: MARKETS_SITEMAP_URL },
        ...months.map((month) => ({ path: articleSitemapUrl(month.month), lastModified: month.lastModified })),
      ];
      return xml(await writeSitemapIndex(origin, sitemaps), SITEMAP_CACHE_CONTROL);
    }),
  );

  app.get('/sitemaps/:file', { schema: { params: Type.Object({ file: Type.String() }) } }, async (request, reply) => {
    const { file } = request.params;
    const path = `/sitemaps/${file}`;
    const { store } = site.deps;
    switch (path) {
      case NEWS_SITEMAP_URL:
        return serveSitemap(site, request, reply, 'news', async (origin) => {
          const stories = await store.articleStamps({ ...newsWindow(site), limit: NEWS_SITEMAP_LIMIT });
          if (stories.length === 0) return { kind: 'notFound' };
          const newest = stories.at(-1)?.publishedAt;
          const body = await writeNewsSitemap(
            origin,
            stories.map((story) => ({
              path: articleUrl(story),
              headline: story.headline,
              publishedAt: story.publishedAt,
            })),
          );
          return xml(body, NEWS_SITEMAP_CACHE_CONTROL, newest);
        });
      case SECTIONS_SITEMAP_URL:
        return serveSitemap(site, request, reply, 'sections', async (origin) => {
          const sections = await store.listSections();
          const pages = [{ path: '/' }, ...sections.map((section) => ({ path: sectionNavUrl(section.slug) }))];
          return xml(await writeSitemap(origin, pages), SITEMAP_CACHE_CONTROL);
        });
      case TAGS_SITEMAP_URL:
        return serveSitemap(site, request, reply, 'tags', async (origin) => {
          const tags = await store.listPublishedTags();
          if (tags.length === 0) return { kind: 'notFound' };
          return xml(
            await writeSitemap(
              origin,
              tags.map((tag) => ({ path: tagUrl(tag.slug) })),
            ),
            SITEMAP_CACHE_CONTROL,
          );
        });
      case AUTHORS_SITEMAP_URL:
        return serveSitemap(site, request, reply, 'authors', async (origin) => {
          const slugs = new Set((await store.listBylines()).map((byline) => authorOf(byline).slug));
          if (slugs.size === 0) return { kind: 'notFound' };
          const pages = [...slugs].sort().map((slug) => ({ path: authorUrl(slug) }));
          return xml(await writeSitemap(origin, pages), SITEMAP_CACHE_CONTROL);
        });
      case MARKETS_SITEMAP_URL:
        return serveSitemap(site, request, reply, 'markets', async (origin) => {
          const snapshot = site.deps.market.snapshot();
          const pages = [
            { path: MARKETS_URL },
            { path: CURRENCY_URL },
            ...snapshot.indices.map((index) => ({ path: indexUrl(index.code) })),
            ...snapshot.quotes.map((quote) => ({ path: stockUrl(quote.symbol) })),
          ];
          return xml(await writeSitemap(origin, pages), SITEMAP_CACHE_CONTROL);
        });
    }
    const month = MONTH_FILE.exec(file)?.[1];
    const range = month === undefined ? null : monthRange(month);
    if (month === undefined || range === null) return sendNotFoundPage(site, request, reply);
    return serveSitemap(site, request, reply, `articles:${month}`, async (origin) => {
      const stories = await store.articleStamps({ ...range, limit: SITEMAP_URL_LIMIT });
      if (stories.length === 0) return { kind: 'notFound' };
      const lastModified = new Date(Math.max(...stories.map((story) => story.modifiedAt.getTime())));
      const pages = stories.map((story) => ({ path: articleUrl(story), lastModified: story.modifiedAt }));
      return xml(await writeSitemap(origin, pages), SITEMAP_CACHE_CONTROL, lastModified);
    });
  });
}

export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    // The newsroom and the JSON API are for staff and programs, not for an index.
    'Disallow: /admin',
    'Disallow: /api/',
    '',
    // The index names every other sitemap, the news sitemap among them when it has stories.
    `Sitemap: ${new URL(SITEMAP_INDEX_URL, origin).href}`,
    '',
  ].join('\n');
}

/** The last two days up to now, as the news sitemap covers them. */
function newsWindow(site: SiteContext): { from: Date; before: Date } {
  const now = site.deps.now().getTime();
  return { from: new Date(now - NEWS_WINDOW_MS), before: new Date(now + 1) };
}

function serveSitemap(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  produce: (origin: string) => Promise<PageOutcome>,
): Promise<FastifyReply> {
  const origin = siteOrigin(site, request);
  if (origin === null) return sendErrorPage(site, reply, 400, 'Bad request', 'The Host header is not a host name.');
  const options = { sameForEveryHost: Boolean(site.deps.publicUrl) };
  return serveCached(site, request, reply, `sitemap:${name}:${origin}`, options, () => produce(origin));
}

function xml(body: string, cacheControl: string, lastModified?: Date): PageOutcome {
  return {
    kind: 'page',
    html: body,
    representation: { contentType: XML, cacheControl, ...(lastModified === undefined ? {} : { lastModified }) },
  };
}

/** The UTC instants of one Karachi month `YYYY-MM`; null for a month that is not one. */
function monthRange(month: string): { from: Date; before: Date } | null {
  const [year = 0, number = 0] = month.split('-').map(Number);
  // Outside these years a Karachi month has no calendar date we can spell as YYYY-MM-DD.
  if (year < 1970 || year > 9998 || number < 1 || number > 12) return null;
  const next = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
  return {
    from: new Date(karachiDayRange(`${month}-01`).startMs),
    before: new Date(karachiDayRange(`${next}-01`).startMs),
  };
}
