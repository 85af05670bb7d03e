import { type DOMOutputSpec, type MarkSpec, type NodeSpec, Schema } from 'prosemirror-model';
import { safeHref } from '../../news/inlineText.js';

/**
 * The editor's document: exactly the article body's block kinds (src/news/article.ts)
 * and its three inline marks. Anything pasted that these parse rules do not
 * name (scripts, styles, event attributes, images, tables, fonts) has no node
 * or mark to become, so ProseMirror drops it and keeps only its text.
 */

const textBlock = (extra: Partial<NodeSpec>): NodeSpec => ({
  group: 'block',
  content: 'text*',
  marks: '_',
  ...extra,
});

/** A block the editor shows as a card with its fields, never as editable text. */
const card = (kind: string, attrs: Record<string, { default: string }>): NodeSpec => ({
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  attrs,
  parseDOM: [],
  toDOM: (): DOMOutputSpec => ['div', { class: `editor-card editor-card-${kind}` }],
});

type NodeName =
  | 'doc'
  | 'paragraph'
  | 'subheading'
  | 'quote'
  | 'bulletList'
  | 'orderedList'
  | 'listItem'
  | 'image'
  | 'relatedLink'
  | 'embed'
  | 'text';
type MarkName = 'link' | 'bold' | 'italic';

const nodes: Record<NodeName, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: textBlock({
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  }),
  subheading: textBlock({
    parseDOM: [{ tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }, { tag: 'h5' }, { tag: 'h6' }],
    toDOM: () => ['h2', { class: 'editor-subheading' }, 0],
  }),
  quote: textBlock({
    attrs: { attribution: { default: '' } },
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (node) => ['blockquote', { 'data-attribution': String(node.attrs.attribution ?? '') }, 0],
  }),
  bulletList: {
    group: 'block',
    content: 'listItem+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  orderedList: {
    group: 'block',
    content: 'listItem+',
    parseDOM: [{ tag: 'ol' }],
    toDOM: () => ['ol', 0],
  },
  // One line of styled text per item, as the body stores lists; no nesting.
  listItem: {
    content: 'text*',
    marks: '_',
    defining: true,
    // Word processors put a paragraph inside each item: keep its words in the item.
    parseDOM: [{ tag: 'li' }, { tag: 'p', context: 'listItem/', skip: true, priority: 60 }],
    toDOM: () => ['li', 0],
  },
  image: card('image', {
    mediaId: { default: '' },
    alt: { default: '' },
    caption: { default: '' },
    credit: { default: '' },
  }),
  relatedLink: card('related', { articleId: { default: '' }, headline: { default: '' } }),
  embed: card('embed', { url: { default: '' } }),
  text: {},
};

/** Bold and italic as word processors write them, including Google Docs' styled spans. */
const weight = (value: string) => (/^(bold|[6-9]\d\d)$/.test(value) ? null : false);

const marks: Record<MarkName, MarkSpec> = {
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        // A pasted link that is not http(s) or a page of this site keeps its words and loses the link.
        getAttrs: (dom) => {
          const href = safeHref((dom as HTMLElement).getAttribute('href') ?? '');
          return href === null ? false : { href };
        },
      },
    ],
    toDOM: (mark) => ['a', { href: String(mark.attrs.href), rel: 'noopener noreferrer' }, 0],
  },
  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps a whole paste in <b style="font-weight:normal">.
      { tag: 'b', getAttrs: (dom) => ((dom as HTMLElement).style.fontWeight === 'normal' ? false : null) },
      { style: 'font-weight', getAttrs: (value) => weight(String(value)) },
    ],
    toDOM: () => ['strong', 0],
  },
  italic: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
};

export const storySchema = new Schema<NodeName, MarkName>({ nodes, marks });
