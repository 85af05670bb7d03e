/** The parts of a ticker line, so each can be styled and updated on its own. */
export interface TickerPieces {
  readonly symbol: string;
  readonly price: string;
  /** `Increased By ▲`, `Decreased By ▼`, `No Change ▼`; indices have no arrow. */
  readonly move: string;
  readonly change: string;
  /** With its brackets: `(0.98%)`. */
  readonly percent: string;
}

// The market formats the whole line (src/market/quotes/tickerFormat.ts); splitting that
// exact text, rather than formatting again here, keeps page, API and island identical.
const TICKER_LINE = /^(\S+) (\S+) ((?:Increased By|Decreased By|No Change)(?: [▲▼])?) (\S+) (\(\S+%\))$/u;

/** Splits a ticker line into its pieces, or null if it does not read like one. */
export function tickerPieces(tickerText: string): TickerPieces | null {
  const match = TICKER_LINE.exec(tickerText);
  if (match === null) return null;
  const [, symbol = '', price = '', move = '', change = '', percent = ''] = match;
  return { symbol, price, move, change, percent };
}
