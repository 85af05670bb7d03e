import { h, type VNode } from 'preact';
import { isEmbargoed } from '../../news/workflow.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { ArticleMediaContext } from '../../site/pages/ArticleBody.js';
import { ArticlePage } from '../../site/pages/ArticlePage.js';
import type { AdminContext } from '../http/adminContext.js';

const RELATED_INLINE = 3;
const READ_MORE = 10;

/**
 * An article in any status, rendered by the reader's own ArticlePage exactly
 * as readers would see it, under a banner saying it is a preview. Null when
 * there is no such article.
 */
export async function renderArticlePreview(ctx: AdminContext, id: number): Promise<VNode<object> | null> {
  const [article, editorial] = await Promise.all([ctx.workflow.asPublished(id), ctx.workflow.get(id)]);
  if (article === null || editorial === null) return null;
  const embargoed = isEmbargoed(editorial.embargoUntil, ctx.now());
  const { store } = ctx;
  const [related, comments, readMore, chrome] = await Promise.all([
    store.relatedArticles(article, RELATED_INLINE),
    store.approvedComments(article.id),
    store.listArticles({ limit: READ_MORE, excludeId: article.id }),
    ctx.previewChrome(),
  ]);
  const mediaIds = article.body.flatMap((block) => (block.type === 'image' ? [block.mediaId] : []));
  const { media } = ctx;
  const assets = mediaIds.length > 0 && media !== undefined ? await media.assets(mediaIds) : new Map();
  const articlePage = h(ArticlePage, {
    chrome,
    article,
    related,
    comments,
    readMore: readMore.items,
    pendingNotice: false,
    form: null,
    commentsOpen: editorial.status === 'published',
    banner: h(
      'p',
      { class: 'preview-banner', role: 'note' },
      'Preview: this is how readers will see the article. It is not on the site until it is published.',
      embargoed && editorial.embargoUntil !== null
        ? ` Embargoed until ${formatPublished(editorial.embargoUntil)} (Karachi): not to be published before then.`
        : null,
    ),
  });
  // The same pictures the reader's page is given (src/site/routes/articlePageRender.ts), so image blocks show.
  return h(ArticleMediaContext.Provider, { value: assets }, articlePage) as VNode<object>;
}
