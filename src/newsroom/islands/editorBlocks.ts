import type { Mark, Node } from 'prosemirror-model';
import type { BlockInput } from '../../news/articleFieldRules.js';
import { checkMarks, type InlineMark, inlineRuns, type RichText, richText } from '../../news/inlineText.js';
import { storySchema as schema } from './editorSchema.js';

/**
 * The editor's document to and from body blocks as the form posts them
 * (`block-{n}-json`): text blocks as plain text with marks by UTF-16 offset,
 * the other kinds with their fields. The server checks them with the same
 * rules as any save.
 */

export function docOfBlocks(blocks: readonly BlockInput[]): Node {
  const nodes = blocks.flatMap((block) => {
    const node = nodeOfBlock(block);
    return node === null ? [] : [node];
  });
  if (nodes.length === 0) nodes.push(schema.nodes.paragraph.create());
  return schema.nodes.doc.create(null, nodes);
}

export function blocksOfDoc(doc: Node): BlockInput[] {
  const blocks: BlockInput[] = [];
  doc.forEach((node) => {
    blocks.push(blockOfNode(node));
  });
  return blocks;
}

function nodeOfBlock(block: BlockInput): Node | null {
  const str = (name: string) => {
    const value = block[name];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  };
  switch (block.type) {
    case 'paragraph':
      return schema.nodes.paragraph.create(null, inlineOf(block));
    case 'subheading':
      return schema.nodes.subheading.create(null, inlineOf(block));
    case 'quote':
      return schema.nodes.quote.create({ attribution: str('attribution') }, inlineOf(block));
    case 'list': {
      const items = Array.isArray(block.items) ? (block.items as unknown[]) : [];
      const listItems = items.map((item) =>
        schema.nodes.listItem.create(
          null,
          inlineOf(typeof item === 'object' && item !== null ? (item as BlockInput) : { type: 'item' }),
        ),
      );
      if (listItems.length === 0) listItems.push(schema.nodes.listItem.create());
      const type = block.ordered === true ? schema.nodes.orderedList : schema.nodes.bulletList;
      return type.create(null, listItems);
    }
    case 'image':
      return schema.nodes.image.create({
        mediaId: str('mediaId'),
        alt: str('alt'),
        caption: str('caption'),
        credit: str('credit'),
      });
    case 'relatedLink':
      return schema.nodes.relatedLink.create({ articleId: str('articleId'), headline: str('headline') });
    case 'embed':
      return schema.nodes.embed.create({ url: str('url') });
    default:
      return null;
  }
}

/** Text nodes for a rich text; marks that do not fit the text are dropped rather than trusted. */
function inlineOf(input: BlockInput): Node[] {
  const text = typeof input.text === 'string' ? input.text : '';
  const checked = checkMarks(text, input.marks);
  const rich: RichText = typeof checked === 'string' ? { text } : richText(text, checked);
  return inlineRuns(rich).map((run) => {
    const marks: Mark[] = [];
    if (run.bold) marks.push(schema.marks.bold.create());
    if (run.italic) marks.push(schema.marks.italic.create());
    if (run.href !== null) marks.push(schema.marks.link.create({ href: run.href }));
    return schema.text(run.text, marks);
  });
}

function blockOfNode(node: Node): BlockInput {
  const attr = (name: string) => String(node.attrs[name] ?? '');
  const id = (name: string) => (/^\d{1,12}$/.test(attr(name).trim()) ? Number(attr(name).trim()) : attr(name));
  switch (node.type.name) {
    case 'paragraph':
    case 'subheading':
      return { type: node.type.name, ...richOf(node) };
    case 'quote':
      return { type: 'quote', ...richOf(node), attribution: attr('attribution') };
    case 'bulletList':
    case 'orderedList': {
      const items: RichText[] = [];
      node.forEach((item) => {
        items.push(richOf(item));
      });
      return { type: 'list', ordered: node.type.name === 'orderedList', items };
    }
    case 'image':
      return {
        type: 'image',
        mediaId: id('mediaId'),
        alt: attr('alt'),
        caption: attr('caption'),
        credit: attr('credit'),
      };
    case 'relatedLink':
      return { type: 'relatedLink', articleId: id('articleId'), headline: attr('headline') };
    case 'embed':
      return { type: 'embed', url: attr('url') };
    default:
      return { type: node.type.name };
  }
}

/** A text block's words and marks by UTF-16 offset, neighbouring runs of one mark joined. */
export function richOf(node: Node): RichText {
  let text = '';
  const marks: InlineMark[] = [];
  node.forEach((child) => {
    const start = text.length;
    text += child.text ?? '';
    const end = text.length;
    for (const mark of child.marks) {
      const kind = mark.type.name;
      const href = kind === 'link' ? String(mark.attrs.href) : null;
      const last = marks.findLast((m) => m.kind === kind && m.end === start && (m.kind !== 'link' || m.href === href));
      if (last !== undefined) {
        marks[marks.indexOf(last)] = { ...last, end };
        continue;
      }
      if (kind === 'bold' || kind === 'italic') marks.push({ kind, start, end });
      else if (kind === 'link' && href !== null) marks.push({ kind: 'link', start, end, href });
    }
  });
  return richText(text, marks);
}
