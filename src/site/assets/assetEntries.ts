/** One file the browser loads, built from `source` into public/build under a content-hashed name. */
export interface AssetEntry {
  /** Key in the manifest. */
  readonly name:
    | 'site.css'
    | 'ticker.js'
    | 'feed-worker.js'
    | 'chart.js'
    | 'chart-draw.js'
    | 'search.js'
    | 'converter.js'
    | 'comments.js'
    | 'editor.js';
  /** Hashed output is `{outName}-{hash}.{ext}`. */
  readonly outName: string;
  /** Relative to the project root. */
  readonly source: string;
  readonly contentType: string;
}

// scripts/build-assets.mjs keeps the same list: it runs as plain JavaScript before anything is compiled.
export const ASSET_ENTRIES: readonly AssetEntry[] = [
  { name: 'site.css', outName: 'site', source: 'src/site/styles/site.css', contentType: 'text/css; charset=utf-8' },
  {
    name: 'ticker.js',
    outName: 'ticker',
    source: 'src/site/islands/ticker.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // The shared worker that holds the browser's one market connection for every tab (islands/marketFeed.ts).
  {
    name: 'feed-worker.js',
    outName: 'feed-worker',
    source: 'src/site/islands/marketFeed.worker.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // Loaded only by pages that draw charts: their live figures, and the loader of the drawing bundle below.
  {
    name: 'chart.js',
    outName: 'chart',
    source: 'src/site/islands/chart.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // The chart drawing code and lightweight-charts, imported by the chart island once a chart is near the screen.
  {
    name: 'chart-draw.js',
    outName: 'chart-draw',
    source: 'src/site/islands/chartDraw.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  {
    name: 'search.js',
    outName: 'search',
    source: 'src/site/islands/symbolSearch.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // The live Dollar to PKR converter, on the currency page only.
  {
    name: 'converter.js',
    outName: 'converter',
    source: 'src/site/islands/converter.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // The comment form's counter and in-page answers, on article pages only.
  {
    name: 'comments.js',
    outName: 'comments',
    source: 'src/site/islands/comments.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
  // The newsroom's story editor (ProseMirror, docs/adr/0007): loaded by the article editor page only.
  {
    name: 'editor.js',
    outName: 'editor',
    source: 'src/newsroom/islands/storyEditor.island.ts',
    contentType: 'text/javascript; charset=utf-8',
  },
];

export const OUTPUT_DIR = 'public/build';
export const MANIFEST_FILE = 'manifest.json';
