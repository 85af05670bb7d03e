// Rewrites the figures a markets page marks with data-live / data-field from
// the market stream's entries, formatted as the server formats them
// (src/site/markets/marketFigures.ts), so a live page reads like a fresh one.
import type { Direction } from '../../market/book/marketSnapshot.js';
import { figureClass, signedPercent } from '../markets/marketFigures.js';

/** A stream entry as docs/api.md describes it: decimal strings for money and points. */
export interface StreamEntry {
  readonly direction: Direction;
  readonly changePercent: number;
  readonly change: string;
  readonly volume?: number;
  readonly [field: string]: unknown;
}

const DIRECTIONS: readonly Direction[] = ['up', 'down', 'unchanged'];

/** `40673.12` → `40,673.12`, `-0.02` stays. */
export function groupedDecimal(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function fieldText(entry: StreamEntry, field: string): string | null {
  const value = entry[field];
  switch (field) {
    case 'change':
      return typeof value === 'string' ? `${Number(value) > 0 ? '+' : ''}${groupedDecimal(value)}` : null;
    case 'changePercent':
      return signedPercent(entry.changePercent);
    case 'volume':
      return typeof value === 'number' ? groupedDecimal(String(value)) : null;
    case 'turnover':
    case 'vwap':
      // Null here is a figure nobody has given (a closing file's day): an em dash, as the server writes it.
      if (value === null) return '—';
      return typeof value === 'string' ? groupedDecimal(value) : null;
    default:
      if (value === null) return '–';
      return typeof value === 'string' ? groupedDecimal(value) : null;
  }
}

/** Every element of the page tied to a stream key, found once. */
export function liveElements(root: ParentNode): Map<string, HTMLElement[]> {
  const byKey = new Map<string, HTMLElement[]>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-live][data-field]')) {
    const key = element.dataset.live ?? '';
    byKey.set(key, [...(byKey.get(key) ?? []), element]);
  }
  return byKey;
}

/** Writes one entry's figures into its elements; colour classes follow the direction. */
export function applyEntry(elements: readonly HTMLElement[], entry: StreamEntry): void {
  for (const element of elements) {
    const text = fieldText(entry, element.dataset.field ?? '');
    if (text !== null && element.textContent !== text) element.textContent = text;
    const field = element.dataset.field;
    if (field === 'change' || field === 'changePercent') {
      for (const direction of DIRECTIONS) element.classList.remove(figureClass(direction));
      element.classList.add(figureClass(entry.direction));
    }
  }
}

/** Whether an entry carries the figures of /quotes or /indices, as the stream's and a poll's do. */
export function isStreamEntry(entry: { readonly [field: string]: unknown }): entry is StreamEntry {
  return typeof entry.change === 'string' && typeof entry.changePercent === 'number';
}
