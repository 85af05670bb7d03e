import type { QuoteView } from '../../market/book/marketSnapshot.js';
import { mostActiveByTurnover, mostActiveByVolume, topGainers, topLosers } from '../../market/quotes/marketMovers.js';
import { type MoversMeasure, MoversTable } from './MoversTable.js';

const MOVERS = 5;

/** The ranked lists the markets page shows, in its order. */
const LISTS: readonly {
  readonly id: string;
  readonly title: string;
  readonly rank: (quotes: readonly QuoteView[], limit: number) => QuoteView[];
  readonly measure: MoversMeasure;
  readonly empty: string;
}[] = [
  { id: 'top-gainers', title: 'Top gainers', rank: topGainers, measure: 'percent', empty: 'No stock is up today.' },
  { id: 'top-losers', title: 'Top losers', rank: topLosers, measure: 'percent', empty: 'No stock is down today.' },
  {
    id: 'most-active-volume',
    title: 'Most active by volume',
    rank: mostActiveByVolume,
    measure: 'volume',
    empty: 'Nothing has traded yet today.',
  },
  {
    id: 'most-active-value',
    title: 'Most active by value',
    rank: mostActiveByTurnover,
    measure: 'turnover',
    empty: 'Nothing has traded yet today.',
  },
];

/** Today's top gainers, losers and most active stocks, side by side. */
export function MoversSection(props: { readonly quotes: readonly QuoteView[] }) {
  return (
    <section aria-labelledby="movers-heading">
      <h2 id="movers-heading">Movers</h2>
      <div class="movers-grid">
        {LISTS.map((list) => (
          <MoversTable
            key={list.id}
            id={list.id}
            title={list.title}
            quotes={list.rank(props.quotes, MOVERS)}
            measure={list.measure}
            empty={list.empty}
          />
        ))}
      </div>
    </section>
  );
}
