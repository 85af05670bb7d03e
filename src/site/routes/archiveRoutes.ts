import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { archiveDayUrl, authorUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { findAuthor } from '../../news/author.js';
import { type DayRange, formatMastheadDate, karachiDayRange, karachiWeekdayName } from '../../shared/pakistanTime.js';
import { renderDocument } from '../components/renderDocument.js';
import { feedLinks } from '../feeds/feedLinks.js';
import { ArchiveDayNav } from '../pages/ArchiveDayNav.js';
import { StoryListPage } from '../pages/StoryListPage.js';
import type { SiteContext } from '../siteContext.js';
import { servePage } from './pageResponses.js';
import { neighbours, PAGE_SIZE, pageWindow } from './pagination.js';

// Author slugs are those of src/news/author.ts: lower-case words and hyphens.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const pageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });

/** Author pages (`/authors/{slug}`) and the date archive (`/archive/{YYYY}/{MM}/{DD}`): every story reachable by links. */
export function registerArchiveRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  app.get(
    '/authors/:authorSlug',
    { schema: { params: Type.Object({ authorSlug: Type.String() }), querystring: pageQuery } },
    async (request, reply) => {
      const { authorSlug } = request.params;
      const pageNumber = request.query.page ?? 1;
      return servePage(site, request, reply, `author:${authorSlug}:${pageNumber}`, async (origin) => {
        if (!SLUG.test(authorSlug)) return { kind: 'notFound' };
        const author = findAuthor(await store.listBylines(), authorSlug);
        if (author === null) return { kind: 'notFound' };
        const result = await store.listArticles({
          byline: author.byline,
          limit: PAGE_SIZE,
          offset: (pageNumber - 1) * PAGE_SIZE,
        });
        const window = pageWindow(pageNumber, result.total);
        if (window === null) return { kind: 'notFound' };
        return {
          kind: 'page',
          html: renderDocument(
            h(StoryListPage, {
              chrome: await site.chrome(origin),
              heading: author.name,
              description: `Stories by ${author.name}, ${author.role.toLowerCase()} for Broadsheet.`,
              canonicalPath: authorUrl(author.slug, window.page),
              stories: result.items,
              page: window.page,
              pageCount: window.pageCount,
              intro: h('p', { class: 'author-role' }, author.role),
              feeds: feedLinks({ kind: 'author', slug: author.slug }, author.name),
              ...neighbours(window.page, window.pageCount, (n) => authorUrl(author.slug, n)),
            }),
          ),
        };
      });
    },
  );

  app.get(
    '/archive/:year/:month/:day',
    {
      schema: {
        params: Type.Object({ year: Type.String(), month: Type.String(), day: Type.String() }),
        querystring: pageQuery,
      },
    },
    async (request, reply) => {
      const { year, month, day } = request.params;
      const date = `${year}-${month}-${day}`;
      const pageNumber = request.query.page ?? 1;
      return servePage(site, request, reply, `archive:${date}:${pageNumber}`, async (origin) => {
        const range = dayRangeOf(date);
        if (range === null) return { kind: 'notFound' };
        const result = await store.listArticles({
          publishedFrom: new Date(range.startMs),
          publishedBefore: new Date(range.endMs),
          limit: PAGE_SIZE,
          offset: (pageNumber - 1) * PAGE_SIZE,
        });
        // A day without stories has no page: nothing links to one, and crawlers need not find endless empty days.
        if (result.total === 0) return { kind: 'notFound' };
        const window = pageWindow(pageNumber, result.total);
        if (window === null) return { kind: 'notFound' };
        const midday = new Date(range.startMs + (range.endMs - range.startMs) / 2);
        const heading = `${karachiWeekdayName(midday)}, ${formatMastheadDate(midday)}`;
        return {
          kind: 'page',
          html: renderDocument(
            h(StoryListPage, {
              chrome: await site.chrome(origin),
              heading: `Stories of ${heading}`,
              description: `Every story Broadsheet published on ${heading}.`,
              canonicalPath: archiveDayUrl(date, window.page),
              stories: result.items,
              page: window.page,
              pageCount: window.pageCount,
              outro: h(ArchiveDayNav, { days: await store.neighbouringDays(range) }),
              ...neighbours(window.page, window.pageCount, (n) => archiveDayUrl(date, n)),
            }),
          ),
        };
      });
    },
  );
}

/** The Karachi day of `YYYY-MM-DD`, or null for anything that is not a calendar date. */
function dayRangeOf(date: string): DayRange | null {
  try {
    return karachiDayRange(date);
  } catch {
    return null;
  }
}
