import { h } from 'preact';
import type { Article } from '../../news/article.js';
import type { StoryPicture } from '../../news/featuredImage.js';
import { renderDocument } from '../components/renderDocument.js';
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

/** Everything an article page shows besides the article: related links, comments, other headlines. */
export async function renderArticlePage(
  site: SiteContext,
  article: Article,
  options: {
    readonly pendingNotice: boolean;
    readonly form: CommentFormState | null;
    /** Origin of the absolute links (canonical, sharing, structured data); null keeps links relative and drops those. */
    readonly origin: string | null;
  },
): Promise<string> {
  const { store } = site.deps;
  const [allRelated, comments, readMore, chrome, pictures, mostRead] = await Promise.all([
    relatedStories(site, article, RELATED_INLINE + RELATED_RAIL),
    store.approvedComments(article.id),
    readMoreStories(site, article, READ_MORE),
    site.chrome(options.origin),
    site.deps.frontPage?.storyPictures([article.id]) ?? Promise.resolve(new Map<number, StoryPicture>()),
    mostReadStories(site),
  ]);
  const related = allRelated.slice(0, RELATED_INLINE);
  const picture = pictures.get(article.id) ?? null;
  const mediaIds = article.body.flatMap((block) => (block.type === 'image' ? [block.mediaId] : []));
  const media =
    mediaIds.length > 0 && site.deps.media !== undefined ? await site.deps.media.assets(mediaIds) : new Map();
  const { origin } = options;
  const share = origin === null ? null : { origin, image: shareImageOf(article, media, origin, picture) };
  return renderDocument(
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
