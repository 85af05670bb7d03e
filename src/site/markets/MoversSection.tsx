import type { QuoteView } from '../../market/book/marketSnapshot.js';
import {
  mostActiveByTurnover,
  mostActiveByVolume,
  topGainers,
  topLosers,
  turnoverTotal,
} from '../../market/quotes/marketMovers.js';
import { type MoversMeasure, MoversTable } from './MoversTable.js';

const MOVERS = 5;

/** The ranked lists the markets page shows, in its order; `day` is `today` or `on 31 Dec 2021`. */
function listsFor(
  day: string,
  valueUnknown: boolean,
): readonly {
  readonly id: string;
  readonly title: string;
  readonly rank: (quotes: readonly QuoteView[], limit: number) => QuoteView[];
  readonly measure: MoversMeasure;
  readonly empty: string;
}[] {
  const nothingTraded = day === 'today' ? 'Nothing has traded yet today.' : `Nothing traded ${day}.`;
  return [
    { id: 'top-gainers', title: 'Top gainers', rank: topGainers, measure: 'percent', empty: `No stock is up ${day}.` },
    { id: 'top-losers', title: 'Top losers', rank: topLosers, measure: 'percent', empty: `No stock is down ${day}.` },
    {
      id: 'most-active-volume',
      title: 'Most active by volume',
      rank: mostActiveByVolume,
      measure: 'volume',
      empty: nothingTraded,
    },
    {
      id: 'most-active-value',
      title: 'Most active by value',
      rank: mostActiveByTurnover,
      measure: 'turnover',
      empty: valueUnknown
        ? `The value traded ${day} is not known: the exchange's closing file gives volumes only.`
        : nothingTraded,
    },
  ];
}

/** The day's top gainers, losers and most active stocks, side by side. */
export function MoversSection(props: { readonly quotes: readonly QuoteView[]; readonly day: string }) {
  const valueUnknown = turnoverTotal(props.quotes).unknown > 0;
  return (
    <section aria-labelledby="movers-heading">
      <h2 id="movers-heading">Movers</h2>
      <div class="movers-grid">
        {listsFor(props.day, valueUnknown).map((list) => (
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
