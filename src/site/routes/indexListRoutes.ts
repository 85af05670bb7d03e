import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import {
  LATEST_NEWS_URL,
  MARKETS_URL,
  PRINT_URL,
  SECTIONS_URL,
  sectionUrl,
  TAGS_URL,
  tagUrl,
} from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { renderDocument } from '../components/renderDocument.js';
import { feedLinks } from '../feeds/feedLinks.js';
import { DirectoryPage } from '../pages/DirectoryPage.js';
import { StoryListPage } from '../pages/StoryListPage.js';
import type { SiteContext } from '../siteContext.js';
import { servePage } from './pageResponses.js';
import { neighbours, PAGE_SIZE, pageWindow } from './pagination.js';

const pageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });

function latestUrl(page: number): string {
  return page > 1 ? `${LATEST_NEWS_URL}?page=${page}` : LATEST_NEWS_URL;
}

/**
 * The bare folders of the site's addresses answer as readers expect: `/news`
 * the latest stories, `/tags` and `/sections` what there is to browse, and a
 * folder with a trailing slash (`/print/`, `/markets/stocks/`) the page it
 * stands for, instead of a 404 or a 400.
 */
export function registerIndexListRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  app.get(LATEST_NEWS_URL, { schema: { querystring: pageQuery } }, async (request, reply) => {
    const pageNumber = request.query.page ?? 1;
    return servePage(site, request, reply, `latest:${pageNumber}`, async (origin) => {
      const result = await store.listArticles({ limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
      const window = pageWindow(pageNumber, result.total);
      if (window === null) return { kind: 'notFound' };
      return {
        kind: 'page',
        html: renderDocument(
          h(StoryListPage, {
            chrome: await site.chrome(origin),
            heading: 'Latest news',
            description: 'Every story, newest first.',
            canonicalPath: latestUrl(window.page),
            feeds: feedLinks({ kind: 'latest' }, 'Latest news'),
            stories: result.items,
            page: window.page,
            pageCount: window.pageCount,
            ...neighbours(window.page, window.pageCount, latestUrl),
          }),
        ),
      };
    });
  });

  app.get(TAGS_URL, async (request, reply) =>
    servePage(site, request, reply, 'directory:tags', async (origin) => {
      const tags = await store.listPublishedTags();
      const entries = [...tags]
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }))
        .map((tag) => ({ name: tag.name, href: tagUrl(tag.slug) }));
      return {
        kind: 'page',
        html: renderDocument(
          h(DirectoryPage, {
            chrome: await site.chrome(origin),
            heading: 'Topics',
            description: 'Every topic our stories are tagged with, A to Z.',
            canonicalPath: TAGS_URL,
            entries,
            emptyText: 'No stories have been tagged yet.',
          }),
        ),
      };
    }),
  );

  app.get(SECTIONS_URL, async (request, reply) =>
    servePage(site, request, reply, 'directory:sections', async (origin) => {
      const chrome = await site.chrome(origin);
      const counts = await Promise.all(
        chrome.sections.map((section) => store.listArticles({ sectionSlug: section.slug, limit: 1 })),
      );
      const entries = chrome.sections.map((section, index) => {
        const total = counts[index]?.total ?? 0;
        return {
          name: section.name,
          href: sectionUrl(section.slug),
          note: `${total.toLocaleString('en-US')} ${total === 1 ? 'story' : 'stories'}`,
        };
      });
      return {
        kind: 'page',
        html: renderDocument(
          h(DirectoryPage, {
            chrome,
            heading: 'Sections',
            description: 'The sections of the paper.',
            canonicalPath: SECTIONS_URL,
            entries,
            emptyText: 'The paper has no sections yet.',
          }),
        ),
      };
    }),
  );

  const folders: readonly (readonly [string, string])[] = [
    [`${LATEST_NEWS_URL}/`, LATEST_NEWS_URL],
    [`${TAGS_URL}/`, TAGS_URL],
    [`${SECTIONS_URL}/`, SECTIONS_URL],
    [`${PRINT_URL}/`, PRINT_URL],
    // The markets page lists every stock and index; its headings are the anchors.
    ['/markets/', MARKETS_URL],
    ['/markets/stocks', `${MARKETS_URL}#stocks-heading`],
    ['/markets/stocks/', `${MARKETS_URL}#stocks-heading`],
    ['/markets/indices', `${MARKETS_URL}#indices-heading`],
    ['/markets/indices/', `${MARKETS_URL}#indices-heading`],
  ];
  for (const [from, to] of folders) {
    app.get(from, async (_request, reply) => reply.header('cache-control', 'public, max-age=3600').redirect(to, 301));
  }
}
