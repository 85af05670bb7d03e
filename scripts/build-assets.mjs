// Bundles the stylesheet and the live ticker island into public/build/ under
// content-hashed names, and writes manifest.json so the server can find them.
// The entry list mirrors src/site/assets/assetEntries.ts.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'public/build');

const entries = [
  { name: 'site.css', outName: 'site', source: 'src/site/styles/site.css' },
  { name: 'ticker.js', outName: 'ticker', source: 'src/site/islands/ticker.island.ts' },
  { name: 'feed-worker.js', outName: 'feed-worker', source: 'src/site/islands/marketFeed.worker.ts' },
  { name: 'chart.js', outName: 'chart', source: 'src/site/islands/chart.island.ts' },
  { name: 'chart-draw.js', outName: 'chart-draw', source: 'src/site/islands/chartDraw.ts' },
  { name: 'search.js', outName: 'search', source: 'src/site/islands/symbolSearch.island.ts' },
  { name: 'converter.js', outName: 'converter', source: 'src/site/islands/converter.island.ts' },
  { name: 'comments.js', outName: 'comments', source: 'src/site/islands/comments.island.ts' },
  { name: 'editor.js', outName: 'editor', source: 'src/newsroom/islands/storyEditor.island.ts' },
];

await mkdir(outdir, { recursive: true });
// Old hashed files would pile up with every change; the manifest names the current ones.
for (const file of await readdir(outdir)) await rm(path.join(outdir, file));

const manifest = {};
for (const entry of entries) {
  const result = await build({
    entryPoints: { [entry.outName]: path.join(root, entry.source) },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    entryNames: '[name]-[hash]',
    outdir,
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.keys(result.metafile.outputs).find((file) => !file.endsWith('.map'));
  if (output === undefined) throw new Error(`esbuild produced nothing for ${entry.source}`);
  manifest[entry.name] = path.basename(output);
}
await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built ${Object.values(manifest).join(', ')} into public/build/`);
