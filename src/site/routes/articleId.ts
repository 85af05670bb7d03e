import { MAX_ARTICLE_ID } from '../../news/article.js';

/** An article id from a URL segment; null for anything that cannot be one (→ 404, not 400: it is just a wrong address). */
export function parseArticleId(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ARTICLE_ID ? id : null;
}
