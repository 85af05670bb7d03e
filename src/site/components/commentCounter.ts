import { COMMENT_MAX_CHARS } from '../../news/commentRules.js';

/** What the comment form's counter says for a body of `length` characters (commentBodyLength). */
export interface CommentCount {
  readonly text: string;
  readonly over: boolean;
}

export function commentCount(length: number, max: number = COMMENT_MAX_CHARS): CommentCount {
  const left = max - length;
  if (left >= 0) return { text: `${grouped(left)} ${left === 1 ? 'character' : 'characters'} left`, over: false };
  const over = -left;
  return { text: `${grouped(over)} ${over === 1 ? 'character' : 'characters'} too many`, over: true };
}

function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
