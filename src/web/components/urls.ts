import type { ArticleSummary } from '../../news/article.js';

// Every public URL is built here so links and routes cannot drift apart.

export function articleUrl(article: Pick<ArticleSummary, 'id' | 'slug'>): string {
  return `/news/${article.id}/${article.slug}`;
}

export function sectionUrl(slug: string, page = 1): string {
  return page > 1 ? `/${slug}?page=${page}` : `/${slug}`;
}

export function tagUrl(slug: string, page = 1): string {
  return page > 1 ? `/tags/${slug}?page=${page}` : `/tags/${slug}`;
}

export function printUrl(date: string): string {
  return `/print/${date}`;
}

export const MARKETS_URL = '/markets';
export const CURRENCY_URL = '/markets/currency/usd-pkr';
export const PRINT_URL = '/print';
