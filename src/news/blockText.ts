import type { Block } from './article.js';

/**
 * A body's words as plain text, one block a line, without marks or markers:
 * what search indexes and the wire inbox's `--json` report read.
 */
export function plainBlocksText(body: readonly Block[]): string {
  return body.flatMap(blockLines).join('\n');
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'subheading':
      return [block.text];
    case 'quote':
      return [block.attribution === undefined ? block.text : `${block.text} — ${block.attribution}`];
    case 'list':
      return block.items.map((item) => item.text);
    case 'image':
      return [block.caption ?? block.alt];
    case 'relatedLink':
      return [block.headline];
    case 'embed':
      return [];
  }
}
