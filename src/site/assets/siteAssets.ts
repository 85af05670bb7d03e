import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { type PreparedResponse, prepareResponse } from '../../http/preparedResponse.js';
import { ASSET_ENTRIES, type AssetEntry, MANIFEST_FILE, OUTPUT_DIR } from './assetEntries.js';

/** Where pages find the stylesheet and islands; null when that asset could not be had. */
export interface SiteAssets {
  readonly stylesheetUrl: string | null;
  readonly tickerScriptUrl: string | null;
  /** The shared worker behind every tab's market feed; the ticker names it to the page. */
  readonly feedWorkerUrl: string | null;
  /** The chart island, for pages with charts only. */
  readonly chartScriptUrl: string | null;
  /** The charts' drawing code with its library, imported by the chart island when a chart is near. */
  readonly chartDrawUrl: string | null;
  /** The masthead's symbol autocomplete. */
  readonly searchScriptUrl: string | null;
  /** The live Dollar to PKR converter, for the currency page only. */
  readonly converterScriptUrl: string | null;
  /** The comment form's counter and in-page answers, for article pages only. */
  readonly commentScriptUrl: string | null;
  /** The newsroom's story editor; only the newsroom's article editor loads it. */
  readonly editorScriptUrl: string | null;
  /** Served under /build/{file name}, compressed once. */
  readonly files: ReadonlyMap<string, PreparedResponse>;
}

export const ASSET_URL_PREFIX = '/build/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

// This module is src/site/assets/ or dist/web/assets/: the project is three levels up either way.
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Finds the built assets: the manifest scripts/build-assets.mjs wrote, else an
 * in-memory esbuild build, else the stylesheet stitched together by hand and no
 * script (the ticker then simply stays as rendered).
 */
export async function loadSiteAssets(logger: FastifyBaseLogger, root: string = PROJECT_ROOT): Promise<SiteAssets> {
  const built = (await readBuiltAssets(root)) ?? (await buildInMemory(root, logger));
  if (built !== null) return finish(built);
  logger.warn('public/build is missing and esbuild is unavailable: serving without the live ticker script');
  const css = await stitchStylesheet(root);
  const name = `site-${createHash('sha1').update(css).digest('hex').slice(0, 8)}.css`;
  return finish(new Map([[entryByName('site.css'), { fileName: name, contents: Buffer.from(css) }]]));
}

interface BuiltFile {
  readonly fileName: string;
  readonly contents: Buffer;
}

async function finish(built: ReadonlyMap<AssetEntry, BuiltFile>): Promise<SiteAssets> {
  const files = new Map<string, PreparedResponse>();
  let stylesheetUrl: string | null = null;
  let tickerScriptUrl: string | null = null;
  let feedWorkerUrl: string | null = null;
  let chartScriptUrl: string | null = null;
  let chartDrawUrl: string | null = null;
  let searchScriptUrl: string | null = null;
  let converterScriptUrl: string | null = null;
  let commentScriptUrl: string | null = null;
  let editorScriptUrl: string | null = null;
  for (const [entry, file] of built) {
    files.set(
      file.fileName,
      await prepareResponse(file.contents, { contentType: entry.contentType, cacheControl: IMMUTABLE }),
    );
    const url = `${ASSET_URL_PREFIX}${file.fileName}`;
    if (entry.name === 'site.css') stylesheetUrl = url;
    if (entry.name === 'ticker.js') tickerScriptUrl = url;
    if (entry.name === 'feed-worker.js') feedWorkerUrl = url;
    if (entry.name === 'chart.js') chartScriptUrl = url;
    if (entry.name === 'chart-draw.js') chartDrawUrl = url;
    if (entry.name === 'search.js') searchScriptUrl = url;
    if (entry.name === 'converter.js') converterScriptUrl = url;
    if (entry.name === 'comments.js') commentScriptUrl = url;
    if (entry.name === 'editor.js') editorScriptUrl = url;
  }
  return {
    stylesheetUrl,
    tickerScriptUrl,
    feedWorkerUrl,
    chartScriptUrl,
    chartDrawUrl,
    searchScriptUrl,
    converterScriptUrl,
    commentScriptUrl,
    editorScriptUrl,
    files,
  };
}

async function readBuiltAssets(root: string): Promise<Map<AssetEntry, BuiltFile> | null> {
  const dir = path.join(root, OUTPUT_DIR);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (typeof manifest !== 'object' || manifest === null) return null;
  const built = new Map<AssetEntry, BuiltFile>();
  for (const entry of ASSET_ENTRIES) {
    const fileName: unknown = (manifest as Record<string, unknown>)[entry.name];
    if (typeof fileName !== 'string' || fileName.includes('/')) return null;
    try {
      built.set(entry, { fileName, contents: await readFile(path.join(dir, fileName)) });
    } catch {
      return null;
    }
  }
  return built;
}

async function buildInMemory(root: string, logger: FastifyBaseLogger): Promise<Map<AssetEntry, BuiltFile> | null> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  try {
    const built = new Map<AssetEntry, BuiltFile>();
    for (const entry of ASSET_ENTRIES) {
      const result = await esbuild.build({
        entryPoints: { [entry.outName]: path.join(root, entry.source) },
        bundle: true,
        minify: true,
        format: 'esm',
        target: 'es2020',
        entryNames: '[name]-[hash]',
        outdir: path.join(root, OUTPUT_DIR),
        write: false,
        logLevel: 'silent',
      });
      const output = result.outputFiles.find((file) => !file.path.endsWith('.map'));
      if (output === undefined) return null;
      built.set(entry, { fileName: path.basename(output.path), contents: Buffer.from(output.contents) });
    }
    logger.info('built site assets in memory (run `npm run build` to prebuild them)');
    return built;
  } catch (error) {
    logger.warn({ err: error }, 'in-memory asset build failed');
    return null;
  }
}

/** The stylesheet with its `@import`s inlined, one level deep, which is all site.css uses. */
async function stitchStylesheet(root: string): Promise<string> {
  const sitePath = path.join(root, entryByName('site.css').source);
  const site = await readFile(sitePath, 'utf8');
  const parts: string[] = [];
  for (const line of site.split('\n')) {
    const match = /^@import "([^"]+)";/.exec(line.trim());
    parts.push(match?.[1] ? await readFile(path.join(path.dirname(sitePath), match[1]), 'utf8') : line);
  }
  return parts.join('\n');
}

function entryByName(name: AssetEntry['name']): AssetEntry {
  const entry = ASSET_ENTRIES.find((candidate) => candidate.name === name);
  if (entry === undefined) throw new Error(`no asset entry ${name}`);
  return entry;
}
