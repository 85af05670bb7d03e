import type { PriceRange } from '../../market/quotes/barRange.js';
import { liveAttributes } from './liveFields.js';

/** The day's live low to high and the 52-week range, as key figures; `–` where there is none yet. */
export function RangeFigures(props: {
  /** The stream entry, `s:SYMBOL` or `i:CODE`. */
  readonly liveKey: string;
  readonly low: number | null;
  readonly high: number | null;
  readonly fiftyTwoWeek: PriceRange | null;
  /** Rupees for a stock, points for an index. */
  readonly format: (value: number) => string;
}) {
  const { format, fiftyTwoWeek } = props;
  return (
    <>
      <div>
        <dt>Day range</dt>
        <dd>
          <span {...liveAttributes(props.liveKey, 'low')}>{props.low === null ? '–' : format(props.low)}</span> –{' '}
          <span {...liveAttributes(props.liveKey, 'high')}>{props.high === null ? '–' : format(props.high)}</span>
        </dd>
      </div>
      <div>
        <dt>52-week range</dt>
        <dd>{fiftyTwoWeek === null ? '–' : `${format(fiftyTwoWeek.low)} – ${format(fiftyTwoWeek.high)}`}</dd>
      </div>
    </>
  );
}
