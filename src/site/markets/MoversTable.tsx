import { stockUrl } from '../../http/siteUrls.js';
import type { QuoteView } from '../../market/book/marketSnapshot.js';
import { formatRupees } from '../../market/money/money.js';
import { turnoverOf } from '../../market/quotes/marketMovers.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { figureClass, signedPercent } from './marketFigures.js';
import { countText, knownValueTradedText, VALUE_TRADED_HEADING } from './stockFigures.js';

/** What the last column of a movers table shows. */
export type MoversMeasure = 'percent' | 'volume' | 'turnover';

/** A short ranked table of stocks: top gainers, losers, most active. */
export function MoversTable(props: {
  readonly id: string;
  readonly title: string;
  readonly quotes: readonly QuoteView[];
  readonly measure: MoversMeasure;
  readonly empty: string;
}) {
  return (
    <section class="movers" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      {props.quotes.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ScrollRegion class="table-scroll" label={`${props.title} table`}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Last (Rs)</th>
                <th scope="col">{headingOf(props.measure)}</th>
              </tr>
            </thead>
            <tbody>
              {props.quotes.map((quote) => (
                <tr key={quote.symbol}>
                  <th scope="row">
                    <a href={stockUrl(quote.symbol)}>{quote.symbol}</a>
                  </th>
                  <td>{formatRupees(quote.last, { thousands: true })}</td>
                  <MeasureCell quote={quote} measure={props.measure} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function headingOf(measure: MoversMeasure): string {
  switch (measure) {
    case 'percent':
      return '% Change';
    case 'volume':
      return 'Volume';
    case 'turnover':
      return VALUE_TRADED_HEADING;
  }
}

function MeasureCell(props: { readonly quote: QuoteView; readonly measure: MoversMeasure }) {
  const { quote } = props;
  switch (props.measure) {
    case 'percent':
      return <td class={figureClass(quote.direction)}>{signedPercent(quote.changePercent)}</td>;
    case 'volume':
      return <td>{countText(quote.volume)}</td>;
    case 'turnover':
      return <td>{knownValueTradedText(nullableBig(turnoverOf(quote)))}</td>;
  }
}

function nullableBig(value: number | null): bigint | null {
  return value === null ? null : BigInt(value);
}
