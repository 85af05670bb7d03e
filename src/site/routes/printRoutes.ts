import { Type } from '@sinclair/typebox';
import { h } from 'preact';
import { printUrl } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { formatMastheadDate } from '../../shared/pakistanTime.js';
import { renderDocument } from '../components/renderDocument.js';
import { NoPrintEditionPage, PrintEditionPage } from '../pages/PrintEditionPage.js';
import type { SiteContext } from '../siteContext.js';
import { sendErrorPage, servePage } from './pageResponses.js';

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseEditionDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  // Noon UTC is the same calendar day in Karachi (UTC+5), so formatting it gives back this date.
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

export function registerPrintRoutes(app: TypeBoxApp, site: SiteContext): void {
  const { store } = site.deps;

  app.get('/print', async (request, reply) => {
    const latest = await store.latestPrintDate();
    if (latest === null) {
      return servePage(site, request, reply, 'print:none', async (origin) => ({
        kind: 'page',
        html: renderDocument(h(NoPrintEditionPage, { chrome: await site.chrome(origin) })),
      }));
    }
    return reply.header('cache-control', 'public, max-age=0, s-maxage=60').redirect(printUrl(latest), 302);
  });

  app.get('/print/:date', { schema: { params: Type.Object({ date: Type.String() }) } }, async (request, reply) => {
    const date = parseEditionDate(request.params.date);
    if (date === null) {
      return sendErrorPage(
        site,
        reply,
        400,
        'Not a date',
        'Print editions are found by date, written like 2023-01-31.',
      );
    }
    const key = request.params.date;
    return servePage(site, request, reply, `print:${key}`, async (origin) => {
      const edition = await store.printEdition(key);
      if (edition.articles.length === 0) return { kind: 'notFound' };
      return {
        kind: 'page',
        html: renderDocument(
          h(PrintEditionPage, { chrome: await site.chrome(origin), edition, dateLabel: formatMastheadDate(date) }),
        ),
      };
    });
  });
}
