import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { sendPrepared } from '../../http/preparedResponse.js';
import { renderDocument } from '../components/renderDocument.js';
import { PAGE_CACHE_CONTROL, type PageOutcome, type PageProducer } from '../http/pageCache.js';
import { BARE_ERROR_HTML, ErrorPage } from '../pages/ErrorPage.js';
import type { SiteContext } from '../siteContext.js';
import { pageKeyFor } from './pageKeys.js';

const NOT_FOUND_KEY = 'error:404';

/**
 * Produces a page whose absolute links (canonical, og:url, sharing) are made from `origin`:
 * `--public-url`, else the host the request asked for; null when it named no usable host.
 */
export type OriginPageProducer = (origin: string | null) => Promise<PageOutcome>;

/**
 * Serves a page from the cache, producing (and caching) it on a miss. The origin is part of
 * every page, so of its key: a page made for one host is never served to another.
 */
export async function servePage(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  producer: OriginPageProducer,
): Promise<FastifyReply> {
  const origin = site.origin(request);
  return serveCached(site, request, reply, pageKeyFor(key, origin), { sameForEveryHost: true }, () => producer(origin));
}

/**
 * Like servePage, for a body whose links are made from the request's host
 * (feeds and sitemaps without --public-url): the fast path, which matches
 * by path alone, is then not told of it, so one host never gets another's links.
 */
export async function serveCached(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  options: { readonly sameForEveryHost: boolean },
  producer: PageProducer,
): Promise<FastifyReply> {
  const remember = (): void => {
    site.pageServed?.(key);
    if (options.sameForEveryHost) site.fastPath.remember(request.raw, key);
  };
  const cached = site.pages.lookup(key);
  if (cached !== undefined) {
    site.pages.served.hits += 1;
    remember();
    return sendPrepared(request, reply, cached);
  }
  site.pages.served.misses += 1;
  const outcome = await site.pages.produce(key, producer);
  switch (outcome.kind) {
    case 'page':
      remember();
      return sendPrepared(request, reply, outcome.prepared);
    case 'redirect':
      return reply.redirect(outcome.location, outcome.status);
    case 'notFound':
      return sendNotFoundPage(site, request, reply);
    case 'gone':
      return sendGonePage(site, reply, outcome.title, outcome.message);
    case 'badRequest':
      return sendErrorPage(site, reply, 400, 'Bad request', outcome.message);
  }
}

/** The one 404 page, cached like any other page since every unknown URL gets the same one. */
export async function sendNotFoundPage(
  site: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const cached = site.pages.lookup(NOT_FOUND_KEY);
  if (cached !== undefined) return sendPrepared(request, reply, cached, 404);
  const outcome = await site.pages.produce(NOT_FOUND_KEY, async () => ({
    kind: 'page',
    html: renderDocument(
      h(ErrorPage, {
        chrome: await site.chrome(),
        title: 'Page not found',
        message: 'There is no page at this address. It may have moved, or the link may be mistyped.',
      }),
    ),
  }));
  if (outcome.kind !== 'page') throw new Error('the 404 page did not render');
  return sendPrepared(request, reply, outcome.prepared, 404);
}

/** An error page in the full layout, or a bare one if the layout itself cannot be had. Never cached. */
export async function sendErrorPage(
  site: SiteContext,
  reply: FastifyReply,
  status: number,
  title: string,
  message: string,
): Promise<FastifyReply> {
  return sendHtml(reply, status, await errorPageHtml(site, reply, title, message));
}

/**
 * A killed story: 410, which a shared cache may keep as long as a page. A proxy refreshing its stale copy of the
 * story keeps that copy when the answer may not be stored, so a `no-store` 410 left the story served to every
 * reader for the whole stale-while-revalidate window. A kill is final, so the 410 never goes stale in meaning.
 */
export async function sendGonePage(
  site: SiteContext,
  reply: FastifyReply,
  title: string,
  message: string,
): Promise<FastifyReply> {
  return reply
    .code(410)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', PAGE_CACHE_CONTROL)
    .send(await errorPageHtml(site, reply, title, message));
}

async function errorPageHtml(site: SiteContext, reply: FastifyReply, title: string, message: string): Promise<string> {
  try {
    return renderDocument(h(ErrorPage, { chrome: await site.chrome(), title, message }));
  } catch (error) {
    reply.log.error({ err: error }, 'could not render the error page');
    return BARE_ERROR_HTML;
  }
}

/** A page rendered for one request only (form errors, converter results): not cached by us, nor by a CDN. */
export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', status === 200 ? 'private, no-cache' : 'no-store')
    .send(html);
}
