import { Fragment, Slice } from 'prosemirror-model';
import { storySchema as schema } from './editorSchema.js';

/**
 * Copy from agency wires and word processors. HTML goes through the schema's
 * parse rules, which keep paragraphs, headings, quotes, lists, bold, italic
 * and safe links and nothing else; agency HTML that separates paragraphs with
 * blank lines (`<br><br>`) is cut into paragraphs first. Plain text is cut at
 * blank lines, and the hard line breaks inside a wire paragraph become spaces.
 */
export function transformPastedHtml(html: string): string {
  return html.replace(/(?:<br[^>]*>\s*){2,}/gi, '</p><p>').replace(/<br[^>]*>/gi, ' ');
}

export function paragraphsOfText(text: string): Slice {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
    .filter((part) => part !== '')
    .map((part) => schema.nodes.paragraph.create(null, schema.text(part)));
  if (paragraphs.length === 0) return Slice.empty;
  return new Slice(Fragment.fromArray(paragraphs), 1, 1);
}
