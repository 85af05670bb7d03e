import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag } from '../../http/preparedResponse.js';
import { PUBLISHER_LOGO_URL } from '../../http/siteUrls.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { SITE_NAME } from '../components/Layout.js';
import { SocialCards } from '../sharing/socialCards.js';
import type { SiteContext } from '../siteContext.js';
import { parseArticleId } from './articleId.js';
import { sendNotFoundPage } from './pageResponses.js';

// A card's address names its version, so a browser's copy never goes stale; a shared cache asks again
// within a minute (s-maxage), so a killed story's card leaves nginx or a CDN too. An address without the
// current version (an old share) gets today's card, briefly cached.
const CURRENT_CARD_CACHE = 'public, max-age=31536000, s-maxage=60, immutable';
const OTHER_CARD_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
const LOGO_CACHE = 'public, max-age=86400';
// A card is about 60 KB; a few hundred cover the stories being shared at once.
const MAX_CARDS = 300;

/** `/news/{id}/card.png`: the share picture of a story without a photo; `/logo.png`: the publisher's logo. */
export function registerShareImageRoutes(app: TypeBoxApp, site: SiteContext): void {
  const cards = new SocialCards({ siteName: SITE_NAME, maxCards: MAX_CARDS });

  app.get(PUBLISHER_LOGO_URL, async (request, reply) =>
    sendPng(request, reply, { png: await cards.publisherLogo(), etag: '"logo-1"', cacheControl: LOGO_CACHE }),
  );

  app.get(
    '/news/:id/card.png',
    {
      schema: {
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
      },
    },
    async (request, reply) => {
      const id = parseArticleId(request.params.id);
      if (id === null) return sendNotFoundPage(site, request, reply);
      // Asked of the store every time, so a killed or unpublished story's card goes with it.
      const article = await site.deps.store.getArticle(id);
      if (article === null) return sendNotFoundPage(site, request, reply);
      const card = await cards.card(article);
      return sendPng(request, reply, {
        png: card.png,
        etag: `"card-${id}-${card.version}"`,
        cacheControl: request.query.v === card.version ? CURRENT_CARD_CACHE : OTHER_CARD_CACHE,
      });
    },
  );
}

function sendPng(
  request: FastifyRequest,
  reply: FastifyReply,
  image: { readonly png: Buffer; readonly etag: string; readonly cacheControl: string },
): FastifyReply {
  reply.header('etag', image.etag).header('cache-control', image.cacheControl);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, image.etag)) return reply.code(304).send();
  return reply.code(200).header('content-type', 'image/png').send(image.png);
}
