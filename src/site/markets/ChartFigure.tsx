import type { ComponentChildren } from 'preact';
import type { IntradayPoint } from '../../market/quotes/intradaySeries.js';
import { ScrollRegion } from '../components/ScrollRegion.js';
import { type ChartSpec, chartJson } from './chartSpec.js';
import { hundredthsText } from './marketFigures.js';
import { karachiClockOfSeconds } from './stockFigures.js';

/**
 * A chart as the page carries it: the figures as a table (in a `<details>`,
 * so it reads without script and without sight) or a CSV link, and the data
 * the chart island draws from. The drawing area stays hidden until the island
 * has drawn into it.
 */
export function ChartFigure(props: {
  readonly id: string;
  readonly title: string;
  readonly spec: ChartSpec;
  /** What the drawing shows, for screen readers that meet it. */
  readonly summary: string;
  readonly controls?: ComponentChildren;
  readonly figures?: ComponentChildren;
  readonly csvUrl?: string;
}) {
  return (
    <figure class="chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`} class="chart__title">
        {props.title}
      </figcaption>
      {props.controls}
      <div class="chart__canvas" data-chart={`${props.id}-data`} role="img" aria-label={props.summary} hidden />
      <script
        type="application/json"
        id={`${props.id}-data`}
        // JSON with `<` escaped (chartJson); a script element's text is never HTML-escaped.
        dangerouslySetInnerHTML={{ __html: chartJson(props.spec) }}
      />
      {props.figures !== undefined ? (
        <details class="chart__figures">
          <summary>Figures for this chart</summary>
          {props.figures}
        </details>
      ) : null}
      {props.csvUrl !== undefined ? (
        <p class="chart__download">
          <a href={props.csvUrl} download="">
            Download the daily figures (CSV)
          </a>
        </p>
      ) : null}
    </figure>
  );
}

/** An intraday chart's points as a table: Karachi time and value. */
export function IntradayTable(props: {
  readonly label: string;
  readonly caption: string;
  readonly points: readonly IntradayPoint[];
}) {
  if (props.points.length === 0) return <p>No trades recorded yet today.</p>;
  return (
    <ScrollRegion class="table-scroll table-scroll--tall" label={props.label}>
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time (PKT)</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((point) => (
            <tr key={point.time}>
              <th scope="row">{karachiClockOfSeconds(point.time)}</th>
              <td>{hundredthsText(point.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The charting library's credit, once per page with charts (its licence notice asks for one). */
export function ChartCredit() {
  return (
    <p class="chart__credit">
      Charts drawn with <a href="https://www.tradingview.com/lightweight-charts/">TradingView Lightweight Charts</a>.
    </p>
  );
}
