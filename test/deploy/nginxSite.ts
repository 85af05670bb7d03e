import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { type Finished, finish, serve } from '../support/cliProcess.js';

const root = new URL('../..', import.meta.url).pathname;

/** The nginx config operators install; the test renders this very file. */
export const NGINX_CONF = join(root, 'deploy/nginx/broadsheet.conf');

/** Debian's nginx (`apt-get install -y nginx-light`), or NGINX_PATH. */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * One process of the site. `args` are its own flags on top of the shared ones
 * (database, Redis, trusted proxy); `upstream` says whether nginx sends readers to it.
 */
export interface NodeSpec {
  readonly name: string;
  readonly args: readonly string[];
  readonly upstream: boolean;
}

/**
 * The processes behind nginx: two `--role web` nodes that readers reach and
 * one `--role engine` beside them (docs/deploy.md).
 */
export const NODE_LAYOUT: readonly NodeSpec[] = [
  // The market engine (docs/adr/0006) runs the simulator; readers reach only the web nodes.
  { name: 'engine', args: ['--role', 'engine', '--simulator', 'on', '--simulator-interval', '200'], upstream: false },
  { name: 'web-1', args: ['--role', 'web'], upstream: true },
  { name: 'web-2', args: ['--role', 'web'], upstream: true },
];

export interface RunningNode {
  readonly spec: NodeSpec;
  /** `http://127.0.0.1:PORT`. */
  readonly address: string;
  /** `127.0.0.1:PORT`, as nginx logs its upstream. */
  readonly hostPort: string;
  readonly child: ChildProcess;
  readonly exited: Promise<Finished>;
}

/**
 * Starts the layout's nodes one after another (the first seeds the empty
 * database), each with `shared` flags: the database, Redis, the trusted proxy.
 */
export async function startNodes(layout: readonly NodeSpec[], shared: readonly string[]): Promise<RunningNode[]> {
  const nodes: RunningNode[] = [];
  try {
    for (const spec of layout) {
      const { child, address, exited } = await serve([...shared, ...spec.args]);
      nodes.push({ spec, address, hostPort: new URL(address).host, child, exited });
    }
  } catch (error) {
    await stopNodes(nodes);
    throw error;
  }
  return nodes;
}

export async function stopNodes(nodes: readonly RunningNode[]): Promise<void> {
  for (const node of nodes) if (node.child.exitCode === null) node.child.kill('SIGTERM');
  await Promise.all(nodes.map((node) => node.exited));
}

/** Fills every `${BROADSHEET_…}` placeholder; a placeholder left over or a value never used is a broken template. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const text = template.replace(/\$\{(BROADSHEET_[A-Z0-9_]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for \${${name}} in ${NGINX_CONF}`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`${NGINX_CONF} has no placeholder for ${unused.join(', ')}`);
  return text;
}

/** A port nothing listens on right now, for nginx's own config (nginx cannot report a port 0 choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** nginx's worker processes, the connections each may hold (readers and upstreams together) and its open-file limit. */
export interface NginxWorkers {
  readonly processes: number;
  readonly connections: number;
  readonly rlimitNofile?: number;
}

export interface RunningNginx {
  readonly httpsOrigin: string;
  readonly httpOrigin: string;
  readonly accessLog: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground with everything under `dir` (config, pid, logs,
 * temp files, cache), in front of `upstreams`, serving TLS with `cert`/`key`.
 */
export async function startNginx(options: {
  readonly dir: string;
  readonly upstreams: readonly Pick<RunningNode, 'hostPort'>[];
  readonly cert: string;
  readonly key: string;
  /** A change to the rendered site config (bench/scaleout.mjs measures the nodes with nginx's page cache off). */
  readonly adjustSite?: (site: string) => string;
  /** The main config's worker settings (docs/deploy.md, "Many stream readers"); one worker of 1,024 connections by default. */
  readonly workers?: NginxWorkers;
}): Promise<RunningNginx> {
  const { dir } = options;
  const workers = options.workers ?? { processes: 1, connections: 1024 };
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  for (const sub of ['logs', 'cache', 'temp/client', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) {
    await mkdir(join(dir, sub), { recursive: true });
  }
  const site = renderTemplate(await readFile(NGINX_CONF, 'utf8'), {
    BROADSHEET_NGINX_CACHE_DIR: join(dir, 'cache'),
    BROADSHEET_NGINX_LOG_DIR: join(dir, 'logs'),
    BROADSHEET_UPSTREAM_SERVERS: options.upstreams
      .map((node) => `server ${node.hostPort} max_fails=2 fail_timeout=5s;`)
      .join('\n    '),
    BROADSHEET_HTTP_LISTEN: `127.0.0.1:${httpPort}`,
    BROADSHEET_HTTPS_LISTEN: `127.0.0.1:${httpsPort}`,
    BROADSHEET_SERVER_NAME: 'localhost',
    BROADSHEET_HTTPS_ORIGIN: `https://localhost:${httpsPort}`,
    BROADSHEET_TLS_CERT: options.cert,
    BROADSHEET_TLS_KEY: options.key,
  });
  await writeFile(join(dir, 'broadsheet.conf'), options.adjustSite ? options.adjustSite(site) : site);
  // The main config an nginx package ships, cut down to what a private instance needs.
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      `worker_processes ${workers.processes};`,
      ...(workers.rlimitNofile === undefined ? [] : [`worker_rlimit_nofile ${workers.rlimitNofile};`]),
      // As root, nginx would hand its workers to `nobody`, who cannot write this folder.
      ...(process.getuid?.() === 0 ? [`user ${userInfo().username};`] : []),
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} notice;`,
      `events { worker_connections ${workers.connections}; }`,
      'http {',
      `  client_body_temp_path ${join(dir, 'temp/client')};`,
      `  proxy_temp_path ${join(dir, 'temp/proxy')};`,
      `  fastcgi_temp_path ${join(dir, 'temp/fastcgi')};`,
      `  uwsgi_temp_path ${join(dir, 'temp/uwsgi')};`,
      `  scgi_temp_path ${join(dir, 'temp/scgi')};`,
      `  include ${join(dir, 'broadsheet.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log')];
  const check = spawnSync(NGINX_PATH, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the config:\n${check.stderr}`);

  const child = spawn(NGINX_PATH, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = finish(child);
  await waitForPort(httpsPort, exited, dir);
  const pid = child.pid;
  if (pid === undefined) throw new Error('nginx has no pid');
  return {
    httpsOrigin: `https://localhost:${httpsPort}`,
    httpOrigin: `http://127.0.0.1:${httpPort}`,
    accessLog: join(dir, 'logs', 'broadsheet.access.log'),
    pid,
    async stop() {
      // SIGQUIT: nginx's graceful stop; its workers end with the master.
      if (child.exitCode === null) process.kill(pid, 'SIGQUIT');
      await exited;
    },
  };
}

async function waitForPort(port: number, exited: Promise<Finished>, dir: string): Promise<void> {
  let gone: Finished | null = null;
  void exited.then((result) => {
    gone = result;
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (gone !== null) {
      const log = await readFile(join(dir, 'logs', 'error.log'), 'utf8').catch(() => '');
      throw new Error(`nginx exited with ${(gone as Finished).code}: ${(gone as Finished).stderr}\n${log}`);
    }
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A self-signed certificate for localhost and 127.0.0.1, made with openssl. */
export function selfSignedCertificate(dir: string): { readonly cert: string; readonly key: string } {
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  return { cert, key };
}

/** The upstream addresses nginx logged for requests to `path` (the `upstream=` field of our log format). */
export async function upstreamsInLog(accessLog: string): Promise<{ path: string; upstream: string; cache: string }[]> {
  const text = await readFile(accessLog, 'utf8');
  return text
    .split('\n')
    .map((line) => /"[A-Z]+ (\S+) [^"]*" \d+ \d+ upstream=(\S+) cache=(\S+)/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ path: match[1] ?? '', upstream: match[2] ?? '', cache: match[3] ?? '' }));
}
