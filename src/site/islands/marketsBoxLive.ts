// The markets box's movers and dollar, kept live from the page's one market
// feed (marketFeed.ts): the ranking and the figures are worked out as the
// server works them out (components/marketsBoxParts.ts) and written with the
// markup components/MarketsBox.tsx renders, so a live box reads as a fresh one.
import { CURRENCY_URL } from '../../http/siteUrls.js';
import { parseRupees } from '../../market/money/money.js';
import {
  type BoxQuote,
  type BoxRate,
  type DollarPart,
  type MarketsBoxParts,
  type MoversPart,
  marketsBoxParts,
  QUIET_MOVERS_TEXT,
} from '../components/marketsBoxParts.js';
import type { FxEntry, MarketPayload, QuoteEntry } from './marketState.js';

interface BoxElements {
  readonly movers: HTMLElement;
  readonly dollar: HTMLElement;
  readonly empty: HTMLElement | null;
  /** The box has an indices table, which keeps it from being empty whatever the rest says. */
  readonly hasIndices: boolean;
}

/** Follows the feed for every markets box on the page; returns the listener, or null when there is none. */
export function marketsBoxListener(root: ParentNode): ((payload: MarketPayload, whole: boolean) => void) | null {
  const boxes: BoxElements[] = [];
  for (const box of root.querySelectorAll<HTMLElement>('[data-markets-box]')) {
    const movers = box.querySelector<HTMLElement>('[data-box-movers]');
    const dollar = box.querySelector<HTMLElement>('[data-box-dollar]');
    if (movers === null || dollar === null) continue;
    const empty = box.querySelector<HTMLElement>('[data-box-empty]');
    boxes.push({ movers, dollar, empty, hasIndices: box.querySelector('[data-live^="i:"]') !== null });
  }
  if (boxes.length === 0) return null;
  const quotes = new Map<string, BoxQuote>();
  const rates = new Map<string, BoxRate>();
  let shown = '';
  return (payload, whole) => {
    if (whole) {
      quotes.clear();
      rates.clear();
    }
    for (const quote of payload.quotes) {
      const read = boxQuote(quote);
      if (read !== null) quotes.set(read.symbol, read);
    }
    for (const rate of payload.fx) {
      const read = boxRate(rate);
      if (read !== null) rates.set(`${read.pair}:${read.market}`, read);
    }
    const parts = marketsBoxParts([...quotes.values()], [...rates.values()]);
    const key = JSON.stringify(parts);
    if (key === shown) return;
    shown = key;
    for (const box of boxes) write(box, parts);
  };
}

function boxQuote(entry: QuoteEntry): BoxQuote | null {
  const { last, changePercent } = entry;
  if (typeof last !== 'string' || typeof changePercent !== 'number') return null;
  return { symbol: entry.symbol, last: parseRupees(last), changePercent, direction: entry.direction };
}

function boxRate(entry: FxEntry): BoxRate | null {
  if (typeof entry.buying !== 'string' || typeof entry.selling !== 'string') return null;
  if (typeof entry.previousSelling !== 'string') return null;
  return {
    pair: entry.pair,
    market: entry.market,
    buying: parseRupees(entry.buying),
    selling: parseRupees(entry.selling),
    previousSelling: parseRupees(entry.previousSelling),
  };
}

function write(box: BoxElements, parts: MarketsBoxParts): void {
  box.movers.replaceChildren(...moversNodes(parts.movers));
  box.movers.hidden = parts.movers.kind === 'none';
  box.dollar.replaceChildren(...(parts.dollar === null ? [] : dollarNodes(parts.dollar)));
  box.dollar.hidden = parts.dollar === null;
  if (box.empty !== null) box.empty.hidden = box.hasIndices || parts.movers.kind !== 'none' || parts.dollar !== null;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

function moversNodes(movers: MoversPart): Node[] {
  if (movers.kind === 'none') return [];
  if (movers.kind === 'quiet') return [element('p', { class: 'markets-box__quiet' }, QUIET_MOVERS_TEXT)];
  const head = element(
    'tr',
    {},
    element('th', { scope: 'col' }, 'Stock'),
    element('th', { scope: 'col' }, 'Last (Rs)'),
    element('th', { scope: 'col' }, 'Change'),
  );
  const rows = movers.rows.map((row) =>
    element(
      'tr',
      {},
      element('th', { scope: 'row' }, element('a', { href: row.href }, row.symbol)),
      element('td', {}, row.last),
      element('td', { class: row.figureClass }, row.percent),
    ),
  );
  return [
    element(
      'table',
      { class: 'markets-box__table' },
      element('caption', {}, 'Top movers'),
      element('thead', {}, head),
      element('tbody', {}, ...rows),
    ),
  ];
}

function dollarNodes(dollar: DollarPart): (Node | string)[] {
  const nodes: (Node | string)[] = [element('a', { href: CURRENCY_URL }, 'USD/PKR')];
  if (dollar.interbank !== null) {
    nodes.push(' interbank ', element('span', { class: dollar.interbank.figureClass }, dollar.interbank.text));
  }
  if (dollar.open !== null) nodes.push(` · open market ${dollar.open}`);
  return nodes;
}
