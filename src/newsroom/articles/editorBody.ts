import type { BlockInput } from '../../news/articleFieldRules.js';
import { parseInlineMarkup } from '../../news/inlineMarkup.js';

/**
 * The body as the story editor island starts from it: every text block as
 * plain text with marks (the plain form posts light markup, which is read
 * here the way the article rules read it), every other block as it stands.
 */
export function editorBlocksOf(blocks: readonly BlockInput[]): BlockInput[] {
  return blocks.map((block): BlockInput => {
    if (typeof block.markup !== 'string') return block;
    const { markup, ...rest } = block;
    if (block.type === 'list') {
      const items = markup
        .split(/\r?\n/)
        .map((line) => parseInlineMarkup(line.replace(/^\s*(?:[-*•]|\d{1,3}[.)])\s+/, '')))
        .filter((item) => item.text.trim() !== '');
      return { ...rest, items };
    }
    return { ...rest, ...parseInlineMarkup(markup) };
  });
}
