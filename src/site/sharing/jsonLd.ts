/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify
 * alone is not enough inside HTML: a headline holding `</script>` would end
 * the element and what follows would run as markup. Escaping `<`, `>` and `&`
 * as JSON unicode escapes keeps the same data for every JSON parser while the
 * HTML tokenizer never sees a tag; U+2028/2029 are escaped for old JavaScript
 * parsers that read the block as script.
 */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => UNICODE_ESCAPES[char] ?? char);
}

const UNICODE_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
