import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ASSET_ENTRIES, MANIFEST_FILE, OUTPUT_DIR } from '../../src/site/assets/assetEntries.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Throws when public/build was built before a change to one of its sources.
 * The server prefers prebuilt assets to building its own, so a stale build
 * would have the browser tests exercise yesterday's ticker script and styles.
 */
export async function assertBuiltAssetsFresh(root: string = PROJECT_ROOT): Promise<void> {
  const manifest = path.join(root, OUTPUT_DIR, MANIFEST_FILE);
  const builtAt = await modifiedAt(manifest);
  // No prebuilt assets: the server bundles the current sources itself.
  if (builtAt === null) return;
  const newer: string[] = [];
  for (const input of await assetInputs(root)) {
    const changedAt = await modifiedAt(path.join(root, input));
    if (changedAt !== null && changedAt > builtAt) newer.push(input);
  }
  if (newer.length > 0) {
    throw new Error(
      `${OUTPUT_DIR} is older than ${newer.join(', ')}: the site would serve stale assets. ` +
        'Run `node scripts/build-assets.mjs` (or `npm run build`), or delete public/build.',
    );
  }
}

/** Every source file bundled into the assets, as esbuild resolves them, relative to `root`. */
async function assetInputs(root: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ASSET_ENTRIES.map((entry) => entry.source),
    bundle: true,
    write: false,
    metafile: true,
    outdir: path.join(root, OUTPUT_DIR),
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules'));
}

async function modifiedAt(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}
