import type { HistoryBar } from '../../store/market/marketHistory.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { directionOf, figureClass, hundredthsText, signedHundredths } from './marketFigures.js';
import { countText, shortDate } from './stockFigures.js';

/** The last days of a stock or index, newest first, with each day's change on the one before. */
export function HistoryTable(props: {
  readonly caption: string;
  readonly label: string;
  readonly bars: readonly HistoryBar[];
  readonly days: number;
  readonly csvUrl: string;
  /** Say where each day's figures come from (an index: the exchange's official close or the site's own). */
  readonly sources?: boolean;
}) {
  const shown = props.bars.slice(-props.days - 1);
  const rows = shown.map((bar, i) => ({ bar, change: i === 0 ? null : bar.close - (shown[i - 1]?.close ?? 0) }));
  const newestFirst = rows.slice(shown.length > props.days ? 1 : 0).reverse();
  const estimated = newestFirst.some(({ bar }) => bar.openEstimated === true);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Historical data</h2>
      {newestFirst.length === 0 ? (
        <p>No daily history is on record yet.</p>
      ) : (
        <ScrollRegion class="table-scroll" label={props.label}>
          <table class="data-table">
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Open</th>
                <th scope="col">High</th>
                <th scope="col">Low</th>
                <th scope="col">Close</th>
                <th scope="col">Change</th>
                <th scope="col">Volume</th>
                {props.sources ? (
                  <th scope="col" class="text">
                    Source
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {newestFirst.map(({ bar, change }) => (
                <tr key={bar.date}>
                  <th scope="row">
                    <time dateTime={bar.date}>{shortDate(bar.date)}</time>
                  </th>
                  <td>
                    {hundredthsText(bar.open)}
                    {bar.openEstimated ? (
                      <abbr class="figure-mark" title="estimated open">
                        *
                      </abbr>
                    ) : null}
                  </td>
                  <td>{hundredthsText(bar.high)}</td>
                  <td>{hundredthsText(bar.low)}</td>
                  <td>{hundredthsText(bar.close)}</td>
                  <td class={change === null ? undefined : figureClass(directionOf(change))}>
                    {change === null ? '–' : signedHundredths(change)}
                  </td>
                  <td>{countText(bar.volume)}</td>
                  {props.sources ? <td class="text">{sourceText(bar.source)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {estimated ? (
        <p class="figure-notes">
          * Estimated open: the exchange's closing file gave no opening price for that day, so the previous close is
          shown, held within the day's high and low.
        </p>
      ) : null}
      <p>
        <a href={props.csvUrl} download="">
          Download all daily history (CSV)
        </a>
      </p>
    </section>
  );
}

/** Whose figures a day's are: the exchange's published ones, or the site's own calculation. */
export function sourceText(source: string | undefined): string {
  switch (source) {
    case 'csv':
    case 'closing-file':
      return 'Exchange (official)';
    case 'close':
      return 'Broadsheet calculation';
    default:
      return 'Broadsheet calculation (today, live)';
  }
}
