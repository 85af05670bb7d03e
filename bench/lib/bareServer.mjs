// The second baseline: a bare node:http server writing the page as one prebuilt Buffer.
// It is what any Node server costs before routing, rendering or caching; run as its own process:
//   node bench/lib/bareServer.mjs PORT IDENTITY_FILE GZIP_FILE
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, identityFile, gzipFile] = process.argv.slice(2);
if (!port || !identityFile || !gzipFile) {
  process.stderr.write('usage: node bareServer.mjs PORT IDENTITY_FILE GZIP_FILE\n');
  process.exit(2);
}
const identity = readFileSync(identityFile);
const gzip = readFileSync(gzipFile);
const common = { 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Encoding' };
const identityHeaders = { ...common, 'content-length': String(identity.length) };
const gzipHeaders = { ...common, 'content-encoding': 'gzip', 'content-length': String(gzip.length) };

const server = createServer((request, response) => {
  const wantsGzip = (request.headers['accept-encoding'] ?? '').includes('gzip');
  response.writeHead(200, wantsGzip ? gzipHeaders : identityHeaders);
  response.end(wantsGzip ? gzip : identity);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
