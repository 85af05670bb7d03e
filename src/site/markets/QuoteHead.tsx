import type { ComponentChildren } from 'preact';
import { MARKETS_URL } from '../../http/siteUrls.js';
import type { Direction } from '../../market/book/marketSnapshot.js';
import { formatPublished } from '../../shared/pakistanTime.js';
import { LiveMove } from './LiveMove.js';

/**
 * The top of a stock's or an index's page: where it sits under Markets, its
 * name, the live figure, its move against the previous close, and when.
 */
export function QuoteHead(props: {
  /** What follows Markets in the breadcrumb: `Indices`, a stock's sector. */
  readonly trail: string;
  readonly name: string;
  readonly code: string;
  /** Names the live figures for screen readers: `Quote`, `Index value`. */
  readonly label: string;
  readonly liveKey: string;
  readonly direction: Direction;
  readonly change: string;
  readonly percent: string;
  /** What the move is measured against, e.g. `LDCP`. */
  readonly against: string;
  readonly time: Date;
  /** The live figure itself. */
  readonly children: ComponentChildren;
}) {
  return (
    <>
      <p class="breadcrumb">
        <a href={MARKETS_URL}>Markets</a> · {props.trail}
      </p>
      <h1>
        {props.name} <span class="quote-symbol">({props.code})</span>
      </h1>
      <section class="quote-head" aria-label={props.label}>
        <p class="quote-head__price">{props.children}</p>
        <p class="quote-head__move">
          <LiveMove liveKey={props.liveKey} direction={props.direction} change={props.change} percent={props.percent} />{' '}
          against {props.against}
        </p>
        <p class="story-meta">
          As of <time dateTime={props.time.toISOString()}>{formatPublished(props.time)}</time> (Pakistan time)
        </p>
      </section>
    </>
  );
}
