/** One CSV record with the line it starts on (from 1). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /** The record's text, for reports. */
  readonly text: string;
}

/**
 * Splits RFC 4180 CSV: commas, double-quoted fields with `""` for a quote and
 * line breaks allowed inside quotes, CRLF or LF. A byte-order mark is dropped.
 * Blank lines are skipped.
 */
export function csvRecords(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let startIndex = 0;
  const endRecord = (end: number) => {
    fields.push(field);
    const raw = text.slice(startIndex, end).replace(/\r$/, '');
    if (!(fields.length === 1 && fields[0]?.trim() === '')) records.push({ line: startLine, fields, text: raw });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
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
      endRecord(i);
      line += 1;
      startLine = line;
      startIndex = i + 1;
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) endRecord(text.length);
  return records;
}
