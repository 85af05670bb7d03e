// Draws the charts a markets page describes in its JSON blocks (see
// src/site/markets/chartSpec.ts) with lightweight-charts, and keeps them and
// the page's live figures moving from the page's market feed. Without it the page
// keeps its tables and the figures as rendered.
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
import { type ChartPalette, chartPalette } from './chartPalette.js';
import { applyEntry, isStreamEntry, liveElements } from './liveFigures.js';
import { followMarket } from './marketFeed.js';

// The time axis shows UTC; shifting by Pakistan's fixed +5 h makes it read Karachi time.
const PKT_SECONDS = KARACHI_UTC_OFFSET_MS / 1000;
// The page's tokens change with the reader's colour scheme (dark.css); the charts are canvases the stylesheet
// cannot reach, so they are repainted from the tokens whenever the scheme changes.
const DARK_SCHEME = window.matchMedia('(prefers-color-scheme: dark)');

function currentPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  return chartPalette((name) => style.getPropertyValue(name));
}

/** A drawn chart that follows the stream. */
interface LiveChart {
  readonly source: LiveSource;
  update(value: number, at: Date): void;
}

/** A drawn chart: what moves it (if anything) and how it takes new colours. */
interface DrawnChart {
  readonly live: LiveChart | null;
  repaint(palette: ChartPalette): void;
}

function readSpec(canvas: HTMLElement): ChartSpec | null {
  const block = document.getElementById(canvas.dataset.chart ?? '');
  if (block === null) return null;
  try {
    return JSON.parse(block.textContent ?? '') as ChartSpec;
  } catch {
    return null;
  }
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

function draw(canvas: HTMLElement, spec: ChartSpec, palette: ChartPalette): DrawnChart {
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

/** Keeps the page's figures moving from the page's one market feed, shared with the ticker. */
function followFigures(figures: Map<string, HTMLElement[]>): void {
  if (figures.size === 0) return;
  followMarket((payload) => {
    // A polled entry has the ticker line only; figures wait for the stream's whole entries.
    for (const quote of payload.quotes)
      if (isStreamEntry(quote)) applyEntry(figures.get(`s:${quote.symbol}`) ?? [], quote);
    for (const index of payload.indices)
      if (isStreamEntry(index)) applyEntry(figures.get(`i:${index.code}`) ?? [], index);
  });
}

/**
 * Moves a drawn chart from the same feed. A chart drawn after the page opened first hears the feed's whole state,
 * so it starts from the latest figure rather than the one the page was rendered with.
 */
function followChart(chart: LiveChart): void {
  followMarket((payload) => {
    const at = new Date(payload.asOf);
    if (chart.source.kind === 'quote') {
      for (const quote of payload.quotes) {
        if (quote.symbol === chart.source.code && isStreamEntry(quote) && typeof quote.last === 'string')
          chart.update(Number(quote.last), at);
      }
    } else {
      for (const index of payload.indices) {
        if (index.code === chart.source.code && isStreamEntry(index) && typeof index.value === 'string')
          chart.update(Number(index.value), at);
      }
    }
  });
}

const drawn: DrawnChart[] = [];

/**
 * Draws one chart in a task of its own once it comes near the screen: four charts drawn in one go are one long
 * task that holds up a phone's first taps, and a chart far down the page need not be drawn before it is read.
 */
function drawWhenNear(canvas: HTMLElement): void {
  const spec = readSpec(canvas);
  if (spec === null) return;
  const drawNow = () => {
    const chart = draw(canvas, spec, currentPalette());
    drawn.push(chart);
    if (chart.live !== null) followChart(chart.live);
  };
  // The chart area is hidden until drawn, so the figure around it is what comes into view.
  const target = canvas.parentElement ?? canvas;
  if (typeof IntersectionObserver !== 'function') {
    setTimeout(drawNow, 0);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      setTimeout(drawNow, 0);
    },
    { rootMargin: '400px 0px' },
  );
  observer.observe(target);
}

for (const canvas of document.querySelectorAll<HTMLElement>('[data-chart]')) drawWhenNear(canvas);
// The stylesheet has switched its tokens by the time the change is told, so the new palette is read from them.
DARK_SCHEME.addEventListener('change', () => {
  const next = currentPalette();
  for (const chart of drawn) chart.repaint(next);
});
followFigures(liveElements(document));
