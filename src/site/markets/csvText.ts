/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes
 * doubled, lines end in CRLF. A field that starts with = + - @ would run as a
 * formula in a spreadsheet; names here never do, and figures are numbers, so
 * only text fields are guarded, with a leading apostrophe.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+@\t\r]/.test(value) || /^-[^0-9]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
