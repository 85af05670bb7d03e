// What the markets box shows of the movers and the dollar, worked out once
// for the server's render (MarketsBox.tsx) and for the live page
// (islands/marketsBoxLive.ts), so a box moved by the stream reads exactly as
// a freshly rendered one.
import { stockUrl } from '../../http/siteUrls.js';
import type { Direction } from '../../market/book/marketSnapshot.js';
import { formatRupees, type Paisa } from '../../market/money/money.js';
import { topGainers, topLosers } from '../../market/quotes/marketMovers.js';
import { directionOf, figureClass, signedPercent } from '../markets/marketFigures.js';

/** Gainers shown, and as many losers. */
export const BOX_MOVERS = 3;
export const BOX_PAIR = 'USD/PKR';

export interface BoxQuote {
  readonly symbol: string;
  readonly last: Paisa;
  readonly changePercent: number;
  readonly direction: Direction;
}

export interface BoxRate {
  readonly pair: string;
  readonly market: 'interbank' | 'open';
  readonly buying: Paisa;
  readonly selling: Paisa;
  readonly previousSelling: Paisa;
}

export interface MoverRow {
  readonly symbol: string;
  readonly href: string;
  readonly last: string;
  readonly percent: string;
  readonly figureClass: string;
}

/**
 * `rows` when a stock has moved; `quiet` when stocks are listed but none has
 * moved from its previous close yet (the morning, or a site whose feed has
 * not traded); `none` when no stock is listed at all (a fresh `--no-demo` site).
 */
export type MoversPart =
  | { readonly kind: 'rows'; readonly rows: readonly MoverRow[] }
  | { readonly kind: 'quiet' }
  | { readonly kind: 'none' };

export interface DollarPart {
  /** Interbank selling rate and the colour of its move against the previous close. */
  readonly interbank: { readonly text: string; readonly figureClass: string } | null;
  /** Open market `buying/selling`. */
  readonly open: string | null;
}

export interface MarketsBoxParts {
  readonly movers: MoversPart;
  /** Null when the dollar has no rate yet. */
  readonly dollar: DollarPart | null;
}

/** The sentence of the `quiet` movers part. */
export const QUIET_MOVERS_TEXT = 'No stock has moved from its previous close yet.';

export function marketsBoxParts(quotes: readonly BoxQuote[], rates: readonly BoxRate[]): MarketsBoxParts {
  const movers = [...topGainers(quotes, BOX_MOVERS), ...topLosers(quotes, BOX_MOVERS)];
  const usd = rates.filter((rate) => rate.pair === BOX_PAIR);
  const interbank = usd.find((rate) => rate.market === 'interbank');
  const open = usd.find((rate) => rate.market === 'open');
  const money = (amount: Paisa) => formatRupees(amount, { thousands: true });
  return {
    movers:
      movers.length > 0
        ? {
            kind: 'rows',
            rows: movers.map((quote) => ({
              symbol: quote.symbol,
              href: stockUrl(quote.symbol),
              last: money(quote.last),
              percent: signedPercent(quote.changePercent),
              figureClass: figureClass(quote.direction),
            })),
          }
        : quotes.length > 0
          ? { kind: 'quiet' }
          : { kind: 'none' },
    dollar:
      interbank === undefined && open === undefined
        ? null
        : {
            interbank:
              interbank === undefined
                ? null
                : {
                    text: money(interbank.selling),
                    figureClass: figureClass(directionOf(interbank.selling - interbank.previousSelling)),
                  },
            open: open === undefined ? null : `${money(open.buying)}/${money(open.selling)}`,
          },
  };
}
