import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { sectionNavUrl, sectionUrl, tagUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isSlug } from '../../news/slug.js';
import { renderDocument } from '../components/renderDocument.js';
import { feedLinks } from '../feeds/feedLinks.js';
import type { PageOutcome } from '../http/pageCache.js';
import { HomePage } from '../pages/HomePage.js';
import { StoryListPage } from '../pages/StoryListPage.js';
import type { SiteContext } from '../siteContext.js';
import { frontPageContent, picturesFor } from './frontPageData.js';
import { type OriginPageProducer, servePage } from './pageResponses.js';
import { neighbours, PAGE_SIZE, pageWindow } from './pagination.js';

// Section and tag slugs are lower-case words and hyphens; anything else cannot exist, so it never reaches the store.

const pageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });

export function registerListRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  app.get('/', async (request, reply) =>
    servePage(site, request, reply, 'home', async (origin) => {
      const content = await frontPageContent(site);
      return page(renderDocument(h(HomePage, { chrome: await site.chrome(origin), ...content })));
    }),
  );

  const sectionPage =
    (sectionSlug: string, pageNumber: number, requestedPath: string): OriginPageProducer =>
    async (origin) => {
      if (!isSlug(sectionSlug)) return { kind: 'notFound' };
      // Each section lives at one address: /{slug}, or /sections/{slug} when the slug is one of ours.
      if (sectionUrl(sectionSlug) !== requestedPath) {
        return { kind: 'redirect', location: sectionUrl(sectionSlug, pageNumber), status: 301 };
      }
      const section = await store.getSection(sectionSlug);
      if (section === null) {
        // A section whose slug the newsroom changed: its old address leads to the new one.
        const moved = await store.sectionRedirect(sectionSlug);
        if (moved === null) return { kind: 'notFound' };
        return { kind: 'redirect', location: sectionUrl(moved, pageNumber), status: 301 };
      }
      const result = await store.listArticles({
        sectionSlug,
        limit: PAGE_SIZE,
        offset: (pageNumber - 1) * PAGE_SIZE,
      });
      const window = pageWindow(pageNumber, result.total);
      if (window === null) return { kind: 'notFound' };
      return page(
        renderDocument(
          h(StoryListPage, {
            chrome: await site.chrome(origin),
            heading: section.name,
            description: `Latest ${section.name} news and analysis.`,
            canonicalPath: sectionUrl(section.slug, window.page),
            navPath: sectionNavUrl(section.slug),
            feeds: feedLinks({ kind: 'section', slug: section.slug }, section.name),
            stories: result.items,
            pictures: await picturesFor(site, result.items),
            page: window.page,
            pageCount: window.pageCount,
            ...neighbours(window.page, window.pageCount, (n) => sectionUrl(section.slug, n)),
          }),
        ),
      );
    };

  const sectionRoute = { schema: { params: Type.Object({ sectionSlug: Type.String() }), querystring: pageQuery } };
  app.get('/:sectionSlug', sectionRoute, async (request, reply) => {
    const { sectionSlug } = request.params;
    const pageNumber = request.query.page ?? 1;
    const producer = sectionPage(sectionSlug, pageNumber, `/${sectionSlug}`);
    return servePage(site, request, reply, `section:${sectionSlug}:${pageNumber}`, producer);
  });
  app.get('/sections/:sectionSlug', sectionRoute, async (request, reply) => {
    const { sectionSlug } = request.params;
    const pageNumber = request.query.page ?? 1;
    const producer = sectionPage(sectionSlug, pageNumber, `/sections/${sectionSlug}`);
    return servePage(site, request, reply, `sections:${sectionSlug}:${pageNumber}`, producer);
  });

  app.get(
    '/tags/:tagSlug',
    { schema: { params: Type.Object({ tagSlug: Type.String() }), querystring: pageQuery } },
    async (request, reply) => {
      const { tagSlug } = request.params;
      const pageNumber = request.query.page ?? 1;
      return servePage(site, request, reply, `tag:${tagSlug}:${pageNumber}`, async (origin) => {
        if (!isSlug(tagSlug)) return { kind: 'notFound' };
        const tag = await store.getTag(tagSlug);
        if (tag === null) {
          // A tag renamed or merged away keeps its old address as a permanent redirect.
          const moved = await store.tagRedirect(tagSlug);
          return moved === null
            ? { kind: 'notFound' }
            : { kind: 'redirect', location: tagUrl(moved, pageNumber), status: 301 };
        }
        const result = await store.listArticles({ tagSlug, limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
        const window = pageWindow(pageNumber, result.total);
        if (window === null) return { kind: 'notFound' };
        return page(
          renderDocument(
            h(StoryListPage, {
              chrome: await site.chrome(origin),
              heading: tag.name,
              description: `Stories tagged ${tag.name}.`,
              canonicalPath: tagUrl(tag.slug, window.page),
              feeds: feedLinks({ kind: 'tag', slug: tag.slug }, tag.name),
              stories: result.items,
              pictures: await picturesFor(site, result.items),
              page: window.page,
              pageCount: window.pageCount,
              ...neighbours(window.page, window.pageCount, (n) => tagUrl(tag.slug, n)),
            }),
          ),
        );
      });
    },
  );
}

function page(html: string): PageOutcome {
  return { kind: 'page', html };
}
