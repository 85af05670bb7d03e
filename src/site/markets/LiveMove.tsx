import type { Direction } from '../../market/book/marketSnapshot.js';
import { liveAttributes } from './liveFields.js';
import { figureClass } from './marketFigures.js';

/** A live change and its percentage, `+0.63 (+0.98%)`, coloured by direction; the ticker script keeps both current. */
export function LiveMove(props: {
  /** The stream entry, `s:SYMBOL` or `i:CODE`. */
  readonly liveKey: string;
  readonly direction: Direction;
  readonly change: string;
  readonly percent: string;
}) {
  return (
    <>
      <span class={figureClass(props.direction)} {...liveAttributes(props.liveKey, 'change')}>
        {props.change}
      </span>{' '}
      (
      <span class={figureClass(props.direction)} {...liveAttributes(props.liveKey, 'changePercent')}>
        {props.percent}
      </span>
      )
    </>
  );
}
