// Draws one chart a markets page describes in a JSON block (see
// src/site/markets/chartSpec.ts) with lightweight-charts. Built as a bundle of
// its own, which chart.island.ts imports only once a chart comes near the
// screen: the library's start-up is most of a markets page's script time.
import {
  AreaSeries,
  type CandlestickData,
  CandlestickSeries,
  createChart,
  type IChartApi,
  type ISeriesApi,
  LineSeries,
  LineStyle,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { KARACHI_UTC_OFFSET_MS } from '../../shared/pakistanTime.js';
import type { ChartSpec, LiveSource } from '../markets/chartSpec.js';
import type { ChartPalette } from './chartPalette.js';

// The time axis shows UTC; shifting by Pakistan's fixed +5 h makes it read Karachi time.
const PKT_SECONDS = KARACHI_UTC_OFFSET_MS / 1000;
/** A drawn chart that follows the stream. */
export interface LiveChart {
  readonly source: LiveSource;
  update(value: number, at: Date): void;
}

/** A drawn chart: what moves it (if anything) and how it takes new colours. */
export interface DrawnChart {
  readonly live: LiveChart | null;
  repaint(palette: ChartPalette): void;
}

function chartColours(palette: ChartPalette) {
  return {
    layout: { textColor: palette.text, background: { color: palette.background } },
    grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
  };
}

function newChart(canvas: HTMLElement, intraday: boolean, palette: ChartPalette): IChartApi {
  canvas.hidden = false;
  const colours = chartColours(palette);
  return createChart(canvas, {
    autoSize: true,
    // The library's logo is a link inside the drawing, which is an image to assistive technology; the pages credit
    // TradingView in text instead (ChartCredit), as the library's licence notice asks.
    layout: { ...colours.layout, attributionLogo: false },
    grid: colours.grid,
    timeScale: { timeVisible: intraday, secondsVisible: false },
    rightPriceScale: { borderVisible: false },
  });
}

function minuteOf(at: Date): UTCTimestamp {
  return (Math.floor(at.getTime() / 60_000) * 60 + PKT_SECONDS) as UTCTimestamp;
}

/** `YYYY-MM-DD` in Karachi. */
function karachiDate(at: Date): string {
  return new Date(at.getTime() + PKT_SECONDS * 1000).toISOString().slice(0, 10);
}

function areaColours(palette: ChartPalette) {
  return { lineColor: palette.line, topColor: palette.areaTop, bottomColor: palette.areaBottom };
}

function candleColours(palette: ChartPalette) {
  return { upColor: palette.up, downColor: palette.down, wickUpColor: palette.up, wickDownColor: palette.down };
}

/** Draws the chart into its area (shown from now on), in the palette given. */
export function draw(canvas: HTMLElement, spec: ChartSpec, palette: ChartPalette): DrawnChart {
  switch (spec.kind) {
    case 'intraday': {
      const chart = newChart(canvas, true, palette);
      const series = chart.addSeries(AreaSeries, { ...areaColours(palette), lineWidth: 2 });
      series.setData(
        spec.points.map(([time, value]) => ({ time: (time + PKT_SECONDS) as UTCTimestamp, value: value / 100 })),
      );
      const previousClose = series.createPriceLine({
        price: spec.baseline / 100,
        color: palette.baseline,
        lineStyle: LineStyle.Dashed,
        lineWidth: 1,
        axisLabelVisible: true,
        title: 'Prev close',
      });
      chart.timeScale().fitContent();
      let lastTime = spec.points.at(-1)?.[0] ?? 0;
      return {
        repaint(next) {
          chart.applyOptions(chartColours(next));
          series.applyOptions(areaColours(next));
          previousClose.applyOptions({ color: next.baseline });
        },
        live:
          spec.live === null
            ? null
            : {
                source: spec.live,
                update(value, at) {
                  const time = Math.max(minuteOf(at), lastTime + PKT_SECONDS) as UTCTimestamp;
                  lastTime = time - PKT_SECONDS;
                  series.update({ time, value });
                },
              },
      };
    }
    case 'daily': {
      const chart = newChart(canvas, false, palette);
      const series: ISeriesApi<'Candlestick'> = chart.addSeries(CandlestickSeries, {
        ...candleColours(palette),
        borderVisible: false,
      });
      const bars: CandlestickData<Time>[] = spec.bars.map(([time, open, high, low, close]) => ({
        time,
        open: open / 100,
        high: high / 100,
        low: low / 100,
        close: close / 100,
      }));
      series.setData(bars);
      chart.timeScale().fitContent();
      return {
        repaint(next) {
          chart.applyOptions(chartColours(next));
          series.applyOptions(candleColours(next));
        },
        live:
          spec.live === null
            ? null
            : {
                source: spec.live,
                update(value, at) {
                  const date = karachiDate(at);
                  const last = bars.at(-1);
                  const today: CandlestickData<Time> =
                    last !== undefined && last.time === date
                      ? { ...last, close: value, high: Math.max(last.high, value), low: Math.min(last.low, value) }
                      : { time: date, open: value, high: value, low: value, close: value };
                  if (last !== undefined && typeof last.time === 'string' && last.time > date) return;
                  if (last !== undefined && last.time === date) bars[bars.length - 1] = today;
                  else bars.push(today);
                  series.update(today);
                },
              },
      };
    }
    case 'lines': {
      const chart = newChart(canvas, false, palette);
      const lineColour = (colours: ChartPalette, i: number) => colours.lines[i % colours.lines.length] ?? colours.line;
      const series = spec.lines.map((line, i) => {
        const drawn = chart.addSeries(LineSeries, { color: lineColour(palette, i), lineWidth: 2, title: line.name });
        drawn.setData(line.points.map(([time, value]) => ({ time, value: value / 100 })));
        return drawn;
      });
      chart.timeScale().fitContent();
      return {
        repaint(next) {
          chart.applyOptions(chartColours(next));
          for (const [i, drawn] of series.entries()) drawn.applyOptions({ color: lineColour(next, i) });
        },
        live: null,
      };
    }
  }
}
