// Keeps a markets page's live figures moving from the page's one market feed,
// and draws the charts its JSON blocks describe (src/site/markets/chartSpec.ts)
// as they come near the screen. The drawing code and its library are a bundle
// of their own (chartDraw.ts), imported only when the first chart is near, so
// the page's first paint and first taps never wait for the library's start-up.
// Without script the page keeps its tables and the figures as rendered.
import type { ChartSpec } from '../markets/chartSpec.js';
import type { DrawnChart, LiveChart } from './chartDraw.js';
import { type ChartPalette, chartPalette } from './chartPalette.js';
import { applyEntry, isStreamEntry, liveElements } from './liveFigures.js';
import { followMarket } from './marketFeed.js';

type Drawing = typeof import('./chartDraw.js');

// The page's tokens change with the reader's colour scheme (dark.css); the charts are canvases the stylesheet
// cannot reach, so they are repainted from the tokens whenever the scheme changes.
const DARK_SCHEME = window.matchMedia('(prefers-color-scheme: dark)');
/** The layout names the drawing bundle on this island's script element (components/Layout.tsx). */
const DRAWING_ATTRIBUTE = 'data-chart-draw';

function currentPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  return chartPalette((name) => style.getPropertyValue(name));
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

let drawing: Promise<Drawing | null> | null = null;

/** The drawing bundle, fetched once for every chart of the page; null when it cannot be had (the tables stay). */
function loadDrawing(): Promise<Drawing | null> {
  drawing ??= (async () => {
    const url = document.querySelector(`[${DRAWING_ATTRIBUTE}]`)?.getAttribute(DRAWING_ATTRIBUTE);
    if (!url) return null;
    try {
      return (await import(url)) as Drawing;
    } catch {
      return null;
    }
  })();
  return drawing;
}

/** Keeps the page's figures moving from the page's one market feed, shared with the ticker. */
function followFigures(figures: Map<string, HTMLElement[]>): void {
  if (figures.size === 0) return;
  followMarket((payload) => {
    // An entry without figures (from a server older than this script) leaves them as they are.
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
    void loadDrawing().then((module) => {
      if (module === null) return;
      // Charts waiting on the same load each draw in a task of their own, as before the load.
      setTimeout(() => {
        const chart = module.draw(canvas, spec, currentPalette());
        drawn.push(chart);
        if (chart.live !== null) followChart(chart.live);
      }, 0);
    });
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
