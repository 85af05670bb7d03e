// The chart island's colours, read from the page's design tokens
// (src/site/styles/tokens.css, dark.css) so a chart is drawn in the same ink
// and paper as the page around it, in the light scheme and the dark one.

/** What a chart is painted with. */
export interface ChartPalette {
  readonly text: string;
  readonly background: string;
  readonly grid: string;
  /** The intraday line and its area. */
  readonly line: string;
  readonly areaTop: string;
  readonly areaBottom: string;
  readonly up: string;
  readonly down: string;
  /** The previous close drawn across the intraday chart. */
  readonly baseline: string;
  /** One colour per line of a many-line chart (the currency history). */
  readonly lines: readonly string[];
}

/** The light tokens, for a page whose stylesheet has not loaded (or a token it lacks). */
const LIGHT_TOKENS: Readonly<Record<string, string>> = {
  '--colour-ink': '#1a1a1a',
  '--colour-ink-muted': '#4a4a4a',
  '--colour-paper': '#ffffff',
  '--colour-paper-tint': '#f4f1ea',
  '--colour-brand': '#7a1020',
  '--colour-link': '#0b4f8a',
  '--colour-up': '#0a6b2e',
  '--colour-down': '#b3261e',
};

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#0b4f8a` at an opacity, as `rgba(11, 79, 138, 0.25)`; any other colour text is returned as it is. */
export function withAlpha(colour: string, alpha: number): string {
  const match = HEX.exec(colour.trim());
  if (match === null) return colour;
  const digits = match[1] ?? '';
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const [red, green, blue] = [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16));
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
}

/**
 * The palette from the tokens as `token(name)` reads them (a computed custom
 * property: trimmed, or empty when unset).
 */
export function chartPalette(token: (name: string) => string): ChartPalette {
  const read = (name: string) => {
    const value = token(name).trim();
    return value === '' ? (LIGHT_TOKENS[name] ?? '#000000') : value;
  };
  const line = read('--colour-link');
  return {
    text: read('--colour-ink'),
    background: read('--colour-paper'),
    grid: read('--colour-paper-tint'),
    line,
    areaTop: withAlpha(line, 0.25),
    areaBottom: withAlpha(line, 0.02),
    up: read('--colour-up'),
    down: read('--colour-down'),
    baseline: read('--colour-ink-muted'),
    lines: [line, read('--colour-brand'), read('--colour-up'), read('--colour-ink-muted')],
  };
}
