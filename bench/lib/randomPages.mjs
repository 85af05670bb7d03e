// Article pages requested at random over a whole archive, as crawlers and shared links hit a paper's long tail:
// the site's page cache (5,000 pages, each kept from its second render) holds few of them, so most requests read
// the store and render.
// wrk picks each request's path from the list with a Lua script; each thread seeds its own generator.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runToEnd } from './children.mjs';
import { parseWrkOutput, WRK } from './load.mjs';

/** True when wrk (Debian: `apt-get install -y wrk`), which the random-path run needs, is installed. */
export function canRequestAtRandom() {
  return existsSync(WRK);
}

/**
 * One wrk run of `shape` against `origin`, each request for a path drawn at random from `paths`
 * (`/news/{id}/{slug}`). `dir` holds the script. Returns wrk's figures (see lib/load.mjs).
 *
 * @param {{ origin: string, paths: readonly string[], dir: string,
 *   shape: { threads: number, connections: number, durationSec: number }, headers?: Record<string, string> }} input
 */
export async function loadRandomPaths({ origin, paths, dir, shape, headers = {} }) {
  if (paths.length === 0) throw new Error('no article paths to request');
  // The paths go in a file of their own, read line by line at start: a Lua table written into the script
  // itself overflows LuaJIT's 65,536 constants per function at archive sizes.
  const list = join(dir, 'random-paths.txt');
  await writeFile(list, `${paths.map((path) => encodeURI(path)).join('\n')}\n`);
  const script = join(dir, 'random-paths.lua');
  await writeFile(
    script,
    [
      'local paths = {}',
      `for line in io.lines(${JSON.stringify(list)}) do paths[#paths + 1] = line end`,
      'local threads = 0',
      'function setup(thread)',
      '  threads = threads + 1',
      '  thread:set("seed", threads)',
      'end',
      'function init(args)',
      '  math.randomseed(seed * 7919 + os.time())',
      'end',
      'function request()',
      '  return wrk.format("GET", paths[math.random(#paths)])',
      'end',
      '',
    ].join('\n'),
  );
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const { stdout } = await runToEnd(
    'wrk (random articles)',
    WRK,
    [
      `-t${shape.threads}`,
      `-c${shape.connections}`,
      `-d${shape.durationSec}s`,
      '--latency',
      '-s',
      script,
      ...headerArgs,
      origin,
    ],
    { timeoutMs: (shape.durationSec + 30) * 1000 },
  );
  return parseWrkOutput(stdout);
}
