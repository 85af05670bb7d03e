import { HISTORY_RANGES, type HistoryRange, rangeLabel, rangeLongLabel, rangeQuery } from './historyRange.js';

/** 1M · 6M · 1Y · Max as plain links (the page reloads with `?range=`), the current one marked. */
export function RangeLinks(props: { readonly path: string; readonly current: HistoryRange; readonly anchor: string }) {
  return (
    <nav class="chart__ranges" aria-label="Chart range">
      <ul>
        {HISTORY_RANGES.map((range) => (
          <li key={range}>
            <a
              href={`${props.path}${rangeQuery(range)}#${props.anchor}`}
              aria-current={range === props.current ? 'true' : undefined}
            >
              {rangeLabel(range)}
              <span class="visually-hidden"> ({rangeLongLabel(range)})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
