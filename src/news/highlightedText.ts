/** A run of text, marked when it matched the reader's search. */
export interface TextRun {
  readonly text: string;
  readonly marked: boolean;
}

/** Text with the matched words marked: plain runs, never markup, so pages escape every character. */
export type HighlightedText = readonly TextRun[];

/** Start and end of a match in text the database highlighted: control characters no story can hold. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * Reads text the database highlighted with MATCH_START/MATCH_END into runs.
 * Stray or unbalanced marks never leak: they are dropped, and whatever they
 * enclosed is plain text.
 */
export function highlightedRuns(marked: string): TextRun[] {
  const runs: TextRun[] = [];
  const push = (text: string, isMarked: boolean) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last !== undefined && last.marked === isMarked)
      runs[runs.length - 1] = { text: last.text + text, marked: isMarked };
    else runs.push({ text, marked: isMarked });
  };
  for (const [index, piece] of marked.split(MATCH_START).entries()) {
    if (index === 0) {
      push(piece.replaceAll(MATCH_END, ''), false);
      continue;
    }
    const end = piece.indexOf(MATCH_END);
    if (end === -1) push(piece, false);
    else {
      push(piece.slice(0, end), true);
      push(piece.slice(end + 1).replaceAll(MATCH_END, ''), false);
    }
  }
  return runs;
}

/** Whether any run is marked. */
export function hasMatch(text: HighlightedText): boolean {
  return text.some((run) => run.marked);
}
