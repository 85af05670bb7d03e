import { h } from 'preact';
import type { PiecedBody } from '../../http/piecedBody.js';
import type { ArticleForReaders } from '../../store/articles/newsStore.js';
import { renderPieced } from '../components/sharedFragment.js';
import { ArticleMediaContext } from '../pages/ArticleBody.js';
import { ArticlePage } from '../pages/ArticlePage.js';
import type { CommentFormState } from '../pages/CommentsSection.js';
import { shareImageOf } from '../sharing/shareImage.js';
import type { SiteContext } from '../siteContext.js';
import { readMoreStories, relatedStories } from './articleNeighbours.js';
import { mostReadStories } from './frontPageData.js';

const RELATED_INLINE = 3;
/** Related stories in the rail, after those set in the body. */
const RELATED_RAIL = 4;
const READ_MORE = 10;

/**
 * Everything an article page shows besides the article: related links, comments, other headlines. In pieces: the
 * fragments it shares with other pages (ticker, masthead, markets box) are encoded and compressed once for all.
 */
export async function renderArticlePage(
  site: SiteContext,
  reading: ArticleForReaders,
  options: {
    readonly pendingNotice: boolean;
    readonly form: CommentFormState | null;
    /** Origin of the absolute links (canonical, sharing, structured data); null keeps links relative and drops those. */
    readonly origin: string | null;
  },
): Promise<PiecedBody> {
  // The article, its comments and its picture came in one read (ArticleForReaders); the rest is shared by pages.
  const { article, comments, picture } = reading;
  const [allRelated, readMore, chrome, mostRead] = await Promise.all([
    relatedStories(site, article, RELATED_INLINE + RELATED_RAIL),
    readMoreStories(site, article, READ_MORE),
    site.chrome(options.origin),
    mostReadStories(site),
  ]);
  const related = allRelated.slice(0, RELATED_INLINE);
  const mediaIds = article.body.flatMap((block) => (block.type === 'image' ? [block.mediaId] : []));
  const media =
    mediaIds.length > 0 && site.deps.media !== undefined ? await site.deps.media.assets(mediaIds) : new Map();
  const { origin } = options;
  const share = origin === null ? null : { origin, image: shareImageOf(article, media, origin, picture) };
  return renderPieced(
    h(
      ArticleMediaContext.Provider,
      { value: media },
      h(ArticlePage, {
        chrome,
        article,
        related,
        picture,
        rail: {
          mostRead: mostRead.filter((story) => story.id !== article.id),
          related: allRelated.slice(RELATED_INLINE),
        },
        comments,
        readMore,
        pendingNotice: options.pendingNotice,
        form: options.form,
        share,
      }),
    ),
  );
}
