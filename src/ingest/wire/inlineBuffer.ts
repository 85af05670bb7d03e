import { checkMarks, type InlineMark, MAX_MARKS, type RichText, richText } from '../../news/inlineText.js';

/**
 * Collects the text of one block while the body mapper walks agency markup,
 * collapsing whitespace as HTML does and laying bold, italic and link marks
 * over it by UTF-16 offset. `generation` changes on every take, so a mark
 * opened before a block ended is never laid over the next block.
 */
export class InlineBuffer {
  private text = '';
  private marks: InlineMark[] = [];
  private linkOpen = false;
  generation = 0;

  get length(): number {
    return this.text.length;
  }

  get insideLink(): boolean {
    return this.linkOpen;
  }

  set insideLink(open: boolean) {
    this.linkOpen = open;
  }

  append(raw: string): void {
    // ASCII whitespace only, as HTML collapses it: a no-break space is content.
    let piece = raw.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.text === '' || this.text.endsWith(' ')) piece = piece.replace(/^ /, '');
    this.text += piece;
  }

  space(): void {
    if (this.text !== '' && !this.text.endsWith(' ')) this.text += ' ';
  }

  isBlank(): boolean {
    return this.text.trim() === '';
  }

  mark(mark: InlineMark): void {
    if (mark.end > mark.start) this.marks.push(mark);
  }

  /** The block's text and marks, ending this block; null when it holds no text. */
  take(warnings: string[]): RichText | null {
    const text = this.text.trimEnd();
    const raw = this.marks;
    this.text = '';
    this.marks = [];
    this.generation += 1;
    if (text === '') return null;
    const marks: InlineMark[] = [];
    for (const mark of raw) {
      let { start, end } = mark;
      end = Math.min(end, text.length);
      while (start < end && text[start] === ' ') start += 1;
      while (end > start && text[end - 1] === ' ') end -= 1;
      if (end > start) marks.push({ ...mark, start, end });
    }
    if (marks.length > MAX_MARKS)
      warnings.push(`A paragraph had more than ${MAX_MARKS} styled runs; the rest were dropped.`);
    const checked = checkMarks(text, marks.slice(0, MAX_MARKS));
    if (typeof checked === 'string') {
      warnings.push(`Styling in a paragraph was dropped: ${checked}`);
      return richText(text, []);
    }
    return richText(text, checked);
  }
}
