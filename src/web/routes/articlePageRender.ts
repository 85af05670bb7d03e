import { h } from 'preact';
import type { Article } from '../../news/article.js';
import { renderDocument } from '../components/renderDocument.js';
import { ArticlePage } from '../pages/ArticlePage.js';
import type { CommentFormState } from '../pages/CommentsSection.js';
import type { SiteContext } from '../siteContext.js';

const RELATED_INLINE = 3;
const READ_MORE = 10;

/** Everything an article page shows besides the article: related links, comments, other headlines. */
export async function renderArticlePage(
  site: SiteContext,
  article: Article,
  options: { readonly pendingNotice: boolean; readonly form: CommentFormState | null },
): Promise<string> {
  const { store } = site.deps;
  const [related, comments, readMore, chrome] = await Promise.all([
    store.relatedArticles(article, RELATED_INLINE),
    store.approvedComments(article.id),
    store.listArticles({ limit: READ_MORE, excludeId: article.id }),
    site.chrome(),
  ]);
  return renderDocument(
    h(ArticlePage, {
      chrome,
      article,
      related,
      comments,
      readMore: readMore.items,
      pendingNotice: options.pendingNotice,
      form: options.form,
    }),
  );
}
