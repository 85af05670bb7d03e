// Loopback-only HTTP helpers: benchmarks never send traffic anywhere but this machine.
import { request } from 'node:http';
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port that was free a moment ago on the loopback address. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * GETs a loopback URL and returns the bytes exactly as sent (no decompression).
 * @param {string} url
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer }>}
 */
export function getRaw(url, headers = {}, timeoutMs = 10_000) {
  const target = new URL(url);
  if (target.hostname !== LOOPBACK && target.hostname !== 'localhost') {
    return Promise.reject(new Error(`refusing a non-loopback URL: ${url}`));
  }
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'GET', headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Polls `url` until it answers 200, the process dies, or the deadline passes.
 * @param {string} url
 * @param {{ timeoutMs?: number, alive?: () => boolean, describe?: () => string }} [options]
 */
export async function waitUntilServing(url, { timeoutMs = 60_000, alive = () => true, describe = () => '' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the server for ${url} exited before serving:\n${describe()}`);
    try {
      const response = await getRaw(url, {}, 2000);
      if (response.status === 200) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not serve within ${timeoutMs} ms (${last}):\n${describe()}`);
}
