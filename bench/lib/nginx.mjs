// Debian's nginx as the static-file baseline: the same bytes at the same path, gzip_static for the compressed variant.
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isRunning, startChild, stopChild } from './children.mjs';
import { freePort, LOOPBACK, waitUntilServing } from './loopback.mjs';

export const NGINX = '/usr/sbin/nginx';

export function nginxInstalled() {
  return existsSync(NGINX);
}

/**
 * The whole configuration. Temp paths and the pid file live in `prefix` so nginx needs no
 * system directories; gzip is off (nothing compressed on the fly) and gzip_static on, so a
 * gzip request gets the prebuilt .gz file, byte for byte what the site sent.
 * @param {{ prefix: string, root: string, port: number }} options
 */
export function nginxConf({ prefix, root, port }) {
  return `daemon off;
worker_processes auto;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'nginx-error.log')} warn;

events {
  worker_connections 1024;
}

http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  charset utf-8;
  client_body_temp_path ${join(prefix, 'client_body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  gzip off;
  gzip_static on;
  gzip_vary on;

  server {
    listen ${LOOPBACK}:${port};
    root ${root};
    location / {
      try_files $uri =404;
    }
  }
}
`;
}

/**
 * Writes the page under `root` at `path` (and `path.gz`), then starts nginx on a free port.
 * @param {{ dir: string, path: string, identity: Buffer, gzip: Buffer }} options
 */
export async function startNginx({ dir, path, identity, gzip }) {
  const prefix = join(dir, 'nginx');
  const root = join(dir, 'www');
  const file = join(root, ...path.split('/').filter(Boolean));
  await mkdir(dirname(file), { recursive: true });
  await mkdir(prefix, { recursive: true });
  await writeFile(file, identity);
  await writeFile(`${file}.gz`, gzip);
  // Run as root, nginx drops its workers to `nobody`; they must be able to read the page.
  await openForReading(dir, dirname(file));
  await chmod(file, 0o644);
  await chmod(`${file}.gz`, 0o644);
  const port = await freePort();
  const confPath = join(prefix, 'nginx.conf');
  await writeFile(confPath, nginxConf({ prefix, root, port }));
  const started = startChild('nginx', NGINX, ['-c', confPath, '-p', prefix]);
  const origin = `http://${LOOPBACK}:${port}`;
  await waitUntilServing(`${origin}${path}`, {
    timeoutMs: 10_000,
    alive: () => isRunning(started),
    describe: started.output,
  });
  return { origin, started, stop: () => stopChild(started) };
}

async function openForReading(top, leaf) {
  let current = leaf;
  for (;;) {
    await chmod(current, 0o755);
    if (current === top || dirname(current) === current) break;
    current = dirname(current);
  }
}
