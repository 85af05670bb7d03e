// Starts bareServer.mjs as a child process serving the page files written for nginx.
import { fileURLToPath } from 'node:url';
import { isRunning, startChild, stopChild } from './children.mjs';
import { freePort, LOOPBACK, waitUntilServing } from './loopback.mjs';

const SCRIPT = fileURLToPath(new URL('./bareServer.mjs', import.meta.url));

/**
 * @param {{ path: string, identityFile: string, gzipFile: string, nodeArgs?: readonly string[] }} options
 *   nodeArgs: flags for node itself (e.g. --cpu-prof)
 */
export async function startBareNode({ path, identityFile, gzipFile, nodeArgs = [] }) {
  const port = await freePort();
  const started = startChild('bare node', process.execPath, [
    ...nodeArgs,
    SCRIPT,
    String(port),
    identityFile,
    gzipFile,
  ]);
  const origin = `http://${LOOPBACK}:${port}`;
  await waitUntilServing(`${origin}${path}`, {
    timeoutMs: 10_000,
    alive: () => isRunning(started),
    describe: started.output,
  });
  return { origin, started, stop: () => stopChild(started) };
}
