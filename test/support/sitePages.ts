import { archiveDayUrl, authorUrl } from '../../src/http/siteUrls.js';
import type { Article } from '../../src/news/article.js';
import { authorOf } from '../../src/news/author.js';
import { karachiDateKey } from '../../src/shared/pakistanTime.js';
import type { NewsStore } from '../../src/store/articles/newsStore.js';

/** A page every quality check (axe, Nu HTML checker, small screens) runs on. */
export interface SitePage {
  /** Short file-safe name used in failure messages. */
  readonly name: string;
  readonly path: string;
  /** The HTTP status the page must answer with. */
  readonly status: number;
}

/** The newest published article, read in full; fails the test when the demo content is missing. */
export async function latestArticle(store: NewsStore): Promise<Article> {
  const { items } = await store.listArticles({ limit: 1 });
  const summary = items[0];
  if (!summary) throw new Error('the demo content has no published article');
  const article = await store.getArticle(summary.id);
  if (!article) throw new Error(`article ${summary.id} is listed but cannot be read`);
  return article;
}

/** `/news/{id}/{slug}`: the canonical address of an article. */
export function articlePath(article: { readonly id: number; readonly slug: string }): string {
  return `/news/${article.id}/${article.slug}`;
}

/**
 * One page of every kind a reader can reach, found from the demo content:
 * home, a section, a tag, an article, its author, its day of the archive,
 * markets, a currency, the latest print edition, search and a page that does not exist.
 */
export async function sitePages(store: NewsStore): Promise<SitePage[]> {
  const article = await latestArticle(store);
  const tag = article.tags[0];
  if (!tag) throw new Error(`article ${article.id} has no tags`);
  const sections = await store.listSections();
  const world = sections.find((section) => section.slug === 'world') ?? sections[0];
  if (!world) throw new Error('the demo content has no sections');
  const printDate = await store.latestPrintDate();
  if (!printDate) throw new Error('the demo content has no print edition');
  return [
    { name: 'home', path: '/', status: 200 },
    { name: `section-${world.slug}`, path: `/${world.slug}`, status: 200 },
    { name: `tag-${tag.slug}`, path: `/tags/${tag.slug}`, status: 200 },
    { name: 'article', path: articlePath(article), status: 200 },
    { name: 'author', path: authorUrl(authorOf(article.byline).slug), status: 200 },
    { name: 'archive-day', path: archiveDayUrl(karachiDateKey(article.publishedAt)), status: 200 },
    { name: 'markets', path: '/markets', status: 200 },
    { name: 'currency-usd-pkr', path: '/markets/currency/usd-pkr', status: 200 },
    { name: `print-${printDate}`, path: `/print/${printDate}`, status: 200 },
    { name: 'latest-news', path: '/news', status: 200 },
    { name: 'tags', path: '/tags', status: 200 },
    { name: 'sections', path: '/sections', status: 200 },
    // Results with marked words, instrument suggestions and filters; and the page before anything is typed.
    { name: 'search-results', path: '/search?q=market', status: 200 },
    { name: 'search-empty', path: '/search', status: 200 },
    { name: 'not-found', path: '/no-such-page-here', status: 404 },
  ];
}
