/**
 * A newspaper chart of a demo series as SVG: the closes as a line over a
 * shaded area, a few gridlines labelled with values, the first and last
 * dates, and a title. Drawn from the demo's own history, so the picture
 * agrees with the market pages' charts and tables.
 */
export interface ChartSeries {
  readonly title: string;
  /** Under the title: the period and the last value, e.g. "3 months to 4 Dec 2026 · last 40,535". */
  readonly subtitle: string;
  /** Oldest first. */
  readonly points: readonly { readonly date: string; readonly value: number }[];
  /** How a value is written on the axis. */
  readonly format: (value: number) => string;
}

export const CHART_WIDTH = 1024;
export const CHART_HEIGHT = 576;

const MARGIN = { top: 130, right: 130, bottom: 70, left: 50 } as const;
const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const RULE = '#d6d2c8';
const UP = '#0a6b2e';
const DOWN = '#b3261e';

export function chartSvg(series: ChartSeries): string {
  const values = series.points.map((point) => point.value);
  if (values.length < 2) throw new Error(`a chart needs two points, ${series.title} has ${values.length}`);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.01 || 1;
  const [bottom, top] = [low - pad, high + pad];
  const plotWidth = CHART_WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (index / (values.length - 1)) * plotWidth;
  const y = (value: number) => MARGIN.top + ((top - value) / (top - bottom)) * plotHeight;
  const line = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const baseline = (MARGIN.top + plotHeight).toFixed(1);
  const area = `${MARGIN.left},${baseline} ${line} ${x(values.length - 1).toFixed(1)},${baseline}`;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const colour = last >= first ? UP : DOWN;
  const gridlines = [0, 1, 2, 3, 4].map((step) => bottom + ((top - bottom) * step) / 4);
  const firstDate = series.points[0]?.date ?? '';
  const lastDate = series.points[series.points.length - 1]?.date ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">
<rect width="100%" height="100%" fill="#fbf9f4"/>
<text x="${MARGIN.left}" y="62" font-family="DejaVu Sans, sans-serif" font-size="40" font-weight="bold" fill="${INK}">${escapeXml(series.title)}</text>
<text x="${MARGIN.left}" y="102" font-family="DejaVu Sans, sans-serif" font-size="24" fill="${MUTED}">${escapeXml(series.subtitle)}</text>
${gridlines
  .map(
    (value) =>
      `<line x1="${MARGIN.left}" x2="${CHART_WIDTH - MARGIN.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="${RULE}" stroke-width="2"/>` +
      `<text x="${CHART_WIDTH - MARGIN.right + 12}" y="${(y(value) + 8).toFixed(1)}" font-family="DejaVu Sans, sans-serif" font-size="22" fill="${MUTED}">${escapeXml(series.format(value))}</text>`,
  )
  .join('\n')}
<polygon points="${area}" fill="${colour}" fill-opacity="0.12"/>
<polyline points="${line}" fill="none" stroke="${colour}" stroke-width="5" stroke-linejoin="round"/>
<circle cx="${x(values.length - 1).toFixed(1)}" cy="${y(last).toFixed(1)}" r="9" fill="${colour}"/>
<text x="${MARGIN.left}" y="${CHART_HEIGHT - 30}" font-family="DejaVu Sans, sans-serif" font-size="22" fill="${MUTED}">${escapeXml(firstDate)}</text>
<text x="${CHART_WIDTH - MARGIN.right}" y="${CHART_HEIGHT - 30}" text-anchor="end" font-family="DejaVu Sans, sans-serif" font-size="22" fill="${MUTED}">${escapeXml(lastDate)}</text>
</svg>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
