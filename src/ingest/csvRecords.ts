/** One CSV record with the line it starts on (from 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** The record's text, for reports. */
  readonly text: string;
}

/** Characters read between the points where a caller may turn to other work (a record can span many). */
const CHARS_PER_SLICE = 64 * 1024;

/**
 * Splits RFC 4180 CSV: commas, double-quoted fields with `""` for a quote and
 * line breaks allowed inside quotes, CRLF or LF. A byte-order mark is dropped.
 * Blank lines are skipped. Besides the records it yields null after every
 * CHARS_PER_SLICE characters, so a caller can pause even inside one huge record.
 */
export function* csvRecordsIn(input: string): Generator<CsvRecord | null, void, void> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let startIndex = 0;
  const endRecord = (end: number): CsvRecord | null => {
    fields.push(field);
    const raw = text.slice(startIndex, end).replace(/\r$/, '');
    const record = fields.length === 1 && fields[0]?.trim() === '' ? null : { line: startLine, fields, text: raw };
    fields = [];
    field = '';
    return record;
  };
  for (let i = 0; i < text.length; i += 1) {
    if (i % CHARS_PER_SLICE === CHARS_PER_SLICE - 1) yield null;
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      const record = endRecord(i);
      if (record) yield record;
      line += 1;
      startLine = line;
      startIndex = i + 1;
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) {
    const record = endRecord(text.length);
    if (record) yield record;
  }
}
