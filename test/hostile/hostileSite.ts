import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DERIVED_TABLES } from '../../src/store/copy/siteTables.js';
import { createToken, type Finished, serve } from '../support/cliProcess.js';

/**
 * A real `broadsheet serve` process with demo content and the simulator off,
 * so that nothing changes the database unless a request does. The hostile
 * tests talk to it over raw sockets and afterwards check three things: the
 * process is still there and answering, its memory stayed bounded, and the
 * stored content is exactly what it was.
 */
export interface HostileSite {
  readonly address: string;
  readonly port: number;
  readonly pid: number;
  readonly db: string;
  /** A `market-feed` API token. */
  readonly feedToken: string;
  /** A `market-desk` API token (closing-file imports). */
  readonly deskToken: string;
  /** A published article's public id, for comment posts. */
  readonly articleId: string;
  readonly child: ChildProcess;
  readonly exited: Promise<Finished>;
  close(): Promise<void>;
}

export async function startHostileSite(extraArgs: readonly string[] = []): Promise<HostileSite> {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-hostile-'));
  const db = join(dir, 'site.sqlite');
  // The first start seeds the demo; tokens are then added through the CLI, as an operator would.
  const first = await serve(['--db', db, '--simulator', 'off', '--comment-rate-limit', '0', ...extraArgs]);
  first.child.kill('SIGTERM');
  await first.exited;
  const feedToken = await createToken(db, 'market-feed');
  const deskToken = await createToken(db, 'market-desk');
  const { child, address, exited } = await serve([
    '--db',
    db,
    '--simulator',
    'off',
    '--comment-rate-limit',
    '0',
    ...extraArgs,
  ]);
  const port = Number(new URL(address).port);
  const articleId = await firstArticleId(address);
  return {
    address,
    port,
    pid: child.pid ?? 0,
    db,
    feedToken,
    deskToken,
    articleId,
    child,
    exited,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function firstArticleId(address: string): Promise<string> {
  const home = await (await fetch(`${address}/`)).text();
  const match = /href="\/news\/([^/"]+)\//.exec(home);
  if (!match?.[1]) throw new Error('the demo home page links no article');
  return match[1];
}

/** Resident memory of the server process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

// Tables a request may legitimately write without changing content: none of them
// holds a reader-visible or desk-visible fact.
const VOLATILE_TABLES = new Set(['sessions', 'kysely_migration_lock', 'login_attempts']);

/**
 * A digest of every stored row, table by table (read through a second,
 * read-only connection; WAL lets it see every committed write).
 */
export function storeFingerprint(db: string, ignore: readonly string[] = []): Record<string, string> {
  const connection = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const tables = connection
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const digest: Record<string, string> = {};
    for (const { name } of tables) {
      // The full-text index is derived from the articles (kept by triggers), which are fingerprinted themselves.
      if (VOLATILE_TABLES.has(name) || ignore.includes(name) || DERIVED_TABLES.includes(name)) continue;
      const hash = createHash('sha256');
      for (const row of connection.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate()) {
        hash.update(JSON.stringify(row, (_key, value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
      }
      digest[name] = hash.digest('hex').slice(0, 16);
    }
    return digest;
  } finally {
    connection.close();
  }
}

/** Everything a server sent back on one connection, until it closed it or `waitMs` passed. */
export interface RawExchange {
  readonly text: string;
  /** True when the server closed the connection (rather than the wait ending). */
  readonly closedByServer: boolean;
}

export interface RawOptions {
  /** Writes the bytes one at a time, this many ms apart. */
  readonly bytewiseDelayMs?: number;
  /** How long to wait for the answer after the last byte is written. */
  readonly waitMs?: number;
  /** Stop waiting once the text received matches this (e.g. a complete response). */
  readonly until?: (text: string) => boolean;
}

/** Writes `bytes` to the server in one write (or byte by byte) and collects what comes back. */
export function rawExchange(port: number, bytes: Buffer | string, options: RawOptions = {}): Promise<RawExchange> {
  const payload = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (closedByServer: boolean) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closedByServer });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (options.until?.(Buffer.concat(chunks).toString('latin1'))) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the server refused the rest of a request is an answer too.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish(true);
      else if (!settled) reject(error);
    });
    socket.on('connect', async () => {
      if (options.bytewiseDelayMs === undefined) socket.write(payload);
      else await writeBytewise(socket, payload, options.bytewiseDelayMs);
      timer = setTimeout(() => finish(false), options.waitMs ?? 3000);
    });
  });
}

async function writeBytewise(socket: Socket, payload: Buffer, delayMs: number): Promise<void> {
  for (let index = 0; index < payload.length; index += 1) {
    if (socket.destroyed) return;
    socket.write(payload.subarray(index, index + 1));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}

/** Status codes of every response head in a raw exchange, in order. */
export function statusCodes(text: string): number[] {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
}

/** A plain HTTP/1.1 request as bytes. */
export function request(
  method: string,
  path: string,
  headers: Readonly<Record<string, string>> = {},
  body: Buffer | string = '',
): Buffer {
  const bodyBytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: hostile.test'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (bodyBytes.length > 0 || method === 'POST' || method === 'PUT' || method === 'PATCH')
    lines.push(`Content-Length: ${bodyBytes.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes]);
}

/** The server still answers an ordinary page and the API, and its process is alive. */
export async function assertAlive(site: HostileSite): Promise<void> {
  if (site.child.exitCode !== null) {
    const result = await site.exited;
    throw new Error(`the server exited with ${result.code}: ${result.stderr.slice(-2000)}`);
  }
  const page = await fetch(`${site.address}/markets`);
  const api = await fetch(`${site.address}/api/v1/market/quotes`);
  if (page.status !== 200 || api.status !== 200)
    throw new Error(`the server answers ${page.status} for /markets and ${api.status} for the quotes API`);
  await page.arrayBuffer();
  await api.arrayBuffer();
}

/** What a hostile suite compares against at its end: every table's digest and the process's memory. */
export interface Baseline {
  readonly stored: Record<string, string>;
  readonly memory: number;
}

export async function takeBaseline(site: HostileSite): Promise<Baseline> {
  await assertAlive(site);
  return { stored: storeFingerprint(site.db), memory: residentBytes(site.pid) };
}

/**
 * The server still answers, nothing stored changed but in the `written` tables (those the suite's own
 * accepted requests write to), and its resident memory grew by less than `maxGrowthBytes`.
 */
export async function assertUnharmed(
  site: HostileSite,
  baseline: Baseline,
  maxGrowthBytes: number,
  written: readonly string[] = [],
): Promise<void> {
  await assertAlive(site);
  const before = Object.fromEntries(Object.entries(baseline.stored).filter(([table]) => !written.includes(table)));
  assert.deepEqual(storeFingerprint(site.db, written), before);
  const grown = residentBytes(site.pid) - baseline.memory;
  assert.ok(grown < maxGrowthBytes, `resident memory grew by ${Math.round(grown / 1048576)} MB`);
}
