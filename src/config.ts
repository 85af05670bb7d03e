import { resolve } from 'node:path';
import { NODE_ROLES, type NodeRole } from './engine/nodeRole.js';
import { parseTrustedProxies } from './http/trustedProxies.js';
import type { SecureCookies } from './newsroom/newsroomDeps.js';

/** Where the site keeps its data: the embedded SQLite file (default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/** Where uploaded pictures' files are kept: `--media-store`. */
export type MediaStoreKind = 'local' | 'database';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Validated configuration of `broadsheet serve`. */
export interface ServeConfig {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseTarget;
  /** Seed demo articles on an empty database and run the demo market. */
  readonly demo: boolean;
  readonly simulator: boolean;
  readonly simulatorIntervalMs: number;
  readonly commentRateLimitPerMinute: number;
  readonly logLevel: LogLevel;
  /** Origin readers use (`https://news.example.com`), for absolute canonical links; null keeps them relative. */
  readonly publicUrl: string | null;
  /** Where uploaded images and their sizes are kept; null: `media/` beside the SQLite file (or ./data/media). */
  readonly mediaDir: string | null;
  /** `local`: in `mediaDir` on this machine; `database`: in the database, served by every node (ADR 5). */
  readonly mediaStore: MediaStoreKind;
  /** A folder whose agency files go into the wire inbox (docs/wire.md); null: none is watched. */
  readonly wireDropDir: string | null;
  /** Redis that carries bus messages between the processes of a scaled-out site; null keeps the bus in-process. */
  readonly redisUrl: string | null;
  /** Child processes that hold the market-stream sockets (0: this process holds them); see ADR 3. */
  readonly streamWorkers: number;
  /** Processes that serve the one listening port together (node:cluster); 1: this process alone. See ADR 9. */
  readonly workers: number;
  /** A worker that has not answered its primary for this long (its event loop stuck) is killed and replaced, in ms. */
  readonly workerHangTimeoutMs: number;
  /**
   * Proxies (addresses, CIDR ranges) whose X-Forwarded-For and X-Forwarded-Proto
   * are believed, for the client's address and for HTTPS; empty: none are.
   */
  readonly trustedProxies: readonly string[];
  /** When session and CSRF cookies carry `Secure`; `auto`: when the request came over HTTPS. */
  readonly secureCookies: SecureCookies;
  /** How far ahead of the server's clock a feed may stamp a trade or rate, in ms; further is refused as `future`. */
  readonly feedClockSkewMs: number;
  /**
   * What this process does for the market (docs/adr/0006): `all` serves pages
   * and, on PostgreSQL, contends for the engine lease; `web` serves pages and
   * forwards market writes; `engine` contends for the lease and serves only
   * the push API and the engine's internal API. On SQLite only `all`.
   */
  readonly role: NodeRole;
  /** Where other nodes reach this one while it is the engine; null: its own listening address. */
  readonly engineUrl: string | null;
  /** How long the engine lease lasts unrenewed (renewed five times as often), in ms. */
  readonly engineLeaseMs: number;
  /** Pool, timeouts, Redis prefix, metrics and shutdown: how the process is run rather than what it serves. */
  readonly operations: OperationsConfig;
  /** Where reset links and invitations are mailed (`--smtp-url`, `--mail-from`); null: they are shown to the admin. */
  readonly mail: MailConfig | null;
}

/** An SMTP server and the sender's address, given together or not at all. */
export interface MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…` (TLS from the start). */
  readonly smtpUrl: string;
  /** The From of every mail: `news@example.com` or `Newsroom <news@example.com>`. */
  readonly from: string;
}

/** The operator's settings (README, "Operations"). */
export interface OperationsConfig {
  /** PostgreSQL connections the pool may hold. */
  readonly dbPoolSize: number;
  /** PostgreSQL `statement_timeout` in ms; 0: none. */
  readonly dbStatementTimeoutMs: number;
  /**
   * Put before every Redis key and channel, so sites sharing one Redis keep
   * apart. Default `broadsheet:` plus the database (PostgreSQL: its name and
   * search path; SQLite: the file's absolute path) and `:`.
   */
  readonly redisPrefix: string;
  /** A separate listener for `/metrics` (null: none). */
  readonly metricsPort: number | null;
  readonly metricsHost: string;
  /** When set, `/metrics` is also served on the public port to `Authorization: Bearer <token>`. */
  readonly metricsToken: string | null;
  /** After SIGTERM, how long readiness says no while the listener still takes connections, so a balancer notices. */
  readonly drainWindowMs: number;
  /** After SIGTERM, how long the whole shutdown may take before the process is ended anyway. */
  readonly shutdownTimeoutMs: number;
}

/** Raw text values, as they come from flags or the environment. */
export type RawServeConfig = Partial<Record<keyof typeof SETTINGS, string | boolean>>;

/** A bad configuration value; the message names the setting and what is allowed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Every setting, its flag and its environment variable (`BROADSHEET_<FLAG>`). */
export const SETTINGS = {
  host: { flag: '--host', env: ['BROADSHEET_HOST', 'HOST'] },
  port: { flag: '--port', env: ['BROADSHEET_PORT', 'PORT'] },
  db: { flag: '--db', env: ['BROADSHEET_DB'] },
  databaseUrl: { flag: '--database-url', env: ['BROADSHEET_DATABASE_URL', 'DATABASE_URL'] },
  demo: { flag: '--no-demo', env: ['BROADSHEET_DEMO'] },
  simulator: { flag: '--simulator', env: ['BROADSHEET_SIMULATOR'] },
  simulatorInterval: { flag: '--simulator-interval', env: ['BROADSHEET_SIMULATOR_INTERVAL'] },
  commentRateLimit: { flag: '--comment-rate-limit', env: ['BROADSHEET_COMMENT_RATE_LIMIT'] },
  logLevel: { flag: '--log-level', env: ['BROADSHEET_LOG_LEVEL'] },
  publicUrl: { flag: '--public-url', env: ['BROADSHEET_PUBLIC_URL'] },
  mediaDir: { flag: '--media-dir', env: ['BROADSHEET_MEDIA_DIR'] },
  mediaStore: { flag: '--media-store', env: ['BROADSHEET_MEDIA_STORE'] },
  wireDrop: { flag: '--wire-drop', env: ['BROADSHEET_WIRE_DROP'] },
  redisUrl: { flag: '--redis-url', env: ['BROADSHEET_REDIS_URL', 'REDIS_URL'] },
  streamWorkers: { flag: '--stream-workers', env: ['BROADSHEET_STREAM_WORKERS'] },
  workers: { flag: '--workers', env: ['BROADSHEET_WORKERS'] },
  workerHangTimeout: { flag: '--worker-hang-timeout', env: ['BROADSHEET_WORKER_HANG_TIMEOUT'] },
  // `--trust-proxy` is the same setting under its shorter name (FLAG_ALIASES).
  trustedProxy: { flag: '--trusted-proxy', env: ['BROADSHEET_TRUSTED_PROXY', 'BROADSHEET_TRUST_PROXY'] },
  secureCookies: { flag: '--secure-cookies', env: ['BROADSHEET_SECURE_COOKIES'] },
  feedClockSkew: { flag: '--feed-clock-skew', env: ['BROADSHEET_FEED_CLOCK_SKEW'] },
  // Operations (OperationsConfig).
  dbPoolSize: { flag: '--db-pool-size', env: ['BROADSHEET_DB_POOL_SIZE'] },
  dbStatementTimeout: { flag: '--db-statement-timeout', env: ['BROADSHEET_DB_STATEMENT_TIMEOUT'] },
  redisPrefix: { flag: '--redis-prefix', env: ['BROADSHEET_REDIS_PREFIX'] },
  metricsPort: { flag: '--metrics-port', env: ['BROADSHEET_METRICS_PORT'] },
  metricsHost: { flag: '--metrics-host', env: ['BROADSHEET_METRICS_HOST'] },
  metricsToken: { flag: '--metrics-token', env: ['BROADSHEET_METRICS_TOKEN'] },
  drainWindow: { flag: '--drain-window', env: ['BROADSHEET_DRAIN_WINDOW'] },
  shutdownTimeout: { flag: '--shutdown-timeout', env: ['BROADSHEET_SHUTDOWN_TIMEOUT'] },
  role: { flag: '--role', env: ['BROADSHEET_ROLE'] },
  engineUrl: { flag: '--engine-url', env: ['BROADSHEET_ENGINE_URL'] },
  engineLease: { flag: '--engine-lease', env: ['BROADSHEET_ENGINE_LEASE'] },
  smtpUrl: { flag: '--smtp-url', env: ['BROADSHEET_SMTP_URL'] },
  mailFrom: { flag: '--mail-from', env: ['BROADSHEET_MAIL_FROM'] },
} as const;

export const DEFAULT_DB_PATH = './data/broadsheet.sqlite';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SECURE_COOKIES: readonly SecureCookies[] = ['auto', 'always', 'never'];

/** Flags known by a second name: the alias's attribute (as commander names it) and the setting it sets. */
export const FLAG_ALIASES = { trustProxy: { flag: '--trust-proxy', setting: 'trustedProxy' } } as const;

/**
 * Folds aliased flags into their settings; giving a setting under both names
 * with different values is refused rather than one silently winning.
 */
export function resolveFlagAliases(
  flags: RawServeConfig & Partial<Record<keyof typeof FLAG_ALIASES, string>>,
): RawServeConfig {
  const resolved: RawServeConfig & Partial<Record<keyof typeof FLAG_ALIASES, string>> = { ...flags };
  for (const [alias, { flag, setting }] of Object.entries(FLAG_ALIASES) as [
    keyof typeof FLAG_ALIASES,
    (typeof FLAG_ALIASES)[keyof typeof FLAG_ALIASES],
  ][]) {
    const value = resolved[alias];
    delete resolved[alias];
    if (value === undefined) continue;
    const given = resolved[setting];
    if (given !== undefined && given !== value) {
      throw new ConfigError(`${flag} and ${SETTINGS[setting].flag} are one setting; give it once, got two values.`);
    }
    resolved[setting] = value;
  }
  return resolved;
}

/** Fills settings missing from `flags` with the environment; flags win. */
export function mergeEnvironment(flags: RawServeConfig, env: NodeJS.ProcessEnv): RawServeConfig {
  const merged: RawServeConfig = { ...flags };
  for (const [key, setting] of Object.entries(SETTINGS) as [
    keyof typeof SETTINGS,
    (typeof SETTINGS)[keyof typeof SETTINGS],
  ][]) {
    if (merged[key] !== undefined) continue;
    const fromEnv = setting.env.map((name) => env[name]).find((value) => value !== undefined && value !== '');
    if (fromEnv !== undefined) merged[key] = fromEnv;
  }
  return merged;
}

/** Turns raw values into a valid configuration or throws a ConfigError naming the bad setting. */
export function parseServeConfig(raw: RawServeConfig): ServeConfig {
  const demo = parseBoolean('demo', raw.demo, true);
  const databaseUrl = text(raw.databaseUrl);
  let database: DatabaseTarget;
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new ConfigError(`${describe('databaseUrl')} must be a postgres:// URL, got "${databaseUrl}".`);
    }
    database = { kind: 'postgres', url: databaseUrl };
  } else {
    const path = text(raw.db) ?? DEFAULT_DB_PATH;
    database = { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  const role = parseRole(raw.role);
  if (role !== 'all' && database.kind !== 'postgres') {
    throw new ConfigError(
      `${describe('role')} ${role} needs PostgreSQL (${describe('databaseUrl')}): the engine lease lives there. On SQLite the one process is the engine (role all).`,
    );
  }
  const workers = parseInteger('workers', raw.workers, 1, 1, 64);
  if (workers > 1) refuseUnshareable(workers, { database, role, engineUrl: text(raw.engineUrl) });
  return {
    host: text(raw.host) ?? '127.0.0.1',
    port: parseInteger('port', raw.port, 3000, 0, 65535),
    database,
    demo,
    simulator: demo && parseOnOff('simulator', raw.simulator, true),
    simulatorIntervalMs: parseInteger('simulatorInterval', raw.simulatorInterval, 1000, 50, 3_600_000),
    commentRateLimitPerMinute: parseInteger('commentRateLimit', raw.commentRateLimit, 5, 0, 100_000),
    logLevel: parseLogLevel(raw.logLevel),
    publicUrl: parseOrigin('publicUrl', raw.publicUrl),
    mediaDir: text(raw.mediaDir) === undefined ? null : resolve(text(raw.mediaDir) ?? ''),
    // PostgreSQL means a site that may run on several machines: pictures go where all of them can serve them.
    mediaStore: parseMediaStore(raw.mediaStore, database.kind === 'postgres' ? 'database' : 'local'),
    wireDropDir: text(raw.wireDrop) === undefined ? null : resolve(text(raw.wireDrop) ?? ''),
    redisUrl: parseRedisUrl(raw.redisUrl),
    streamWorkers: parseInteger('streamWorkers', raw.streamWorkers, 0, 0, 32),
    workers,
    // At least a second: a pass of the primary's watch; a loop held longer than a minute is never a pause.
    workerHangTimeoutMs: parseInteger('workerHangTimeout', raw.workerHangTimeout, 15_000, 1000, 600_000),
    trustedProxies: parseTrustedProxy(raw.trustedProxy),
    secureCookies: parseSecureCookies(raw.secureCookies),
    // Up to a minute: beyond that a stamp is a clock fault at the sender, not drift.
    feedClockSkewMs: parseInteger('feedClockSkew', raw.feedClockSkew, 5000, 0, 60_000),
    operations: parseOperations(raw, database),
    role,
    engineUrl: parseOrigin('engineUrl', raw.engineUrl),
    // At least a second: a lease renewed more often than every 200 ms is load on the database for nothing.
    engineLeaseMs: parseInteger('engineLease', raw.engineLease, 5000, 1000, 60_000),
    mail: parseMail(raw),
  };
}

/** What several processes of one machine cannot share: a database in memory, one engine address, an engine-only node. */
function refuseUnshareable(
  workers: number,
  input: { readonly database: DatabaseTarget; readonly role: NodeRole; readonly engineUrl: string | undefined },
): void {
  const many = `${describe('workers')} ${workers}`;
  if (input.database.kind === 'sqlite' && input.database.path === ':memory:') {
    throw new ConfigError(`${many} needs a database file: each process would have a database of its own in memory.`);
  }
  if (input.role === 'engine') {
    throw new ConfigError(`${many} serves pages; an engine-only node (${describe('role')} engine) is one process.`);
  }
  if (input.engineUrl !== undefined) {
    throw new ConfigError(
      `${many} and ${describe('engineUrl')} do not go together: whichever process is the engine advertises an address of its own.`,
    );
  }
}

/**
 * `--smtp-url` and `--mail-from`, both or neither: a server with no sender (or
 * a sender with no server) is a half-done setup, refused rather than guessed.
 */
export function parseMail(raw: Pick<RawServeConfig, 'smtpUrl' | 'mailFrom'>): MailConfig | null {
  const smtpUrl = text(raw.smtpUrl);
  const from = text(raw.mailFrom);
  if (smtpUrl === undefined && from === undefined) return null;
  if (smtpUrl === undefined) {
    throw new ConfigError(`${describe('mailFrom')} needs ${describe('smtpUrl')}: there is no server to send through.`);
  }
  if (from === undefined) {
    throw new ConfigError(`${describe('smtpUrl')} needs ${describe('mailFrom')}, the address mail is sent from.`);
  }
  return { smtpUrl: parseSmtpUrl(smtpUrl), from: parseMailFrom(from) };
}

function parseSmtpUrl(raw: string): string {
  // The URL may hold a password: a refusal names the setting and the rule, never the value.
  const refusal = new ConfigError(
    `${describe('smtpUrl')} must be an smtp:// or smtps:// URL with a host, like smtp://user:password@mail.example.com:587.`,
  );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refusal;
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') throw refusal;
  if (url.port !== '' && Number(url.port) === 0) throw refusal;
  if (url.password !== '' && url.username === '') throw refusal;
  return raw;
}

function parseMailFrom(raw: string): string {
  // One address, bare or after a display name: `news@example.com`, `Newsroom <news@example.com>`.
  const address = /^(?:[^<>\r\n]*\s)?<([^<>\s]+)>$/.exec(raw)?.[1] ?? raw;
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(address)) {
    throw new ConfigError(
      `${describe('mailFrom')} must be one e-mail address, like news@example.com or "Newsroom <news@example.com>", got "${raw}".`,
    );
  }
  return raw;
}

function parseOperations(raw: RawServeConfig, database: DatabaseTarget): OperationsConfig {
  const metricsPort =
    text(raw.metricsPort) === undefined ? null : parseInteger('metricsPort', raw.metricsPort, 0, 0, 65535);
  const metricsToken = text(raw.metricsToken) ?? null;
  // A token is all that stands between /metrics and the world on the public port: no guessable ones.
  if (metricsToken !== null && !/^[\x21-\x7e]{16,512}$/.test(metricsToken)) {
    throw new ConfigError(`${describe('metricsToken')} must be 16 to 512 printable characters without spaces.`);
  }
  const redisPrefix = text(raw.redisPrefix) ?? defaultRedisPrefix(database);
  if (redisPrefix.length > 200) throw new ConfigError(`${describe('redisPrefix')} must be at most 200 characters.`);
  return {
    dbPoolSize: parseInteger('dbPoolSize', raw.dbPoolSize, 10, 1, 1000),
    dbStatementTimeoutMs: parseInteger('dbStatementTimeout', raw.dbStatementTimeout, 30_000, 0, 3_600_000),
    redisPrefix,
    metricsPort,
    metricsHost: text(raw.metricsHost) ?? '127.0.0.1',
    metricsToken,
    drainWindowMs: parseInteger('drainWindow', raw.drainWindow, 5000, 0, 300_000),
    shutdownTimeoutMs: parseInteger('shutdownTimeout', raw.shutdownTimeout, 30_000, 1000, 3_600_000),
  };
}

/**
 * Names the database rather than the server, so nodes that reach one database
 * by different host names still share a prefix: PostgreSQL's database name
 * (and search path, when the URL sets one), or the SQLite file's absolute path.
 */
function defaultRedisPrefix(database: DatabaseTarget): string {
  if (database.kind === 'sqlite') return `broadsheet:${database.path}:`;
  const url = new URL(database.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const searchPath = /(?:^|\s)-c\s*search_path=(\S+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  return `broadsheet:${name}${searchPath === undefined ? '' : `.${searchPath}`}:`;
}

function describe(key: keyof typeof SETTINGS): string {
  const setting = SETTINGS[key];
  const aliases = Object.values(FLAG_ALIASES)
    .filter((alias) => alias.setting === key)
    .map((alias) => ` or ${alias.flag}`);
  return `${setting.flag}${aliases.join('')} (${setting.env.join(' or ')})`;
}

function text(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function parseInteger(
  key: keyof typeof SETTINGS,
  value: string | boolean | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = text(value);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${describe(key)} must be a whole number, got "${raw}".`);
  const parsed = Number(raw);
  if (parsed < min || parsed > max)
    throw new ConfigError(`${describe(key)} must be between ${min} and ${max}, got ${raw}.`);
  return parsed;
}

function parseBoolean(key: keyof typeof SETTINGS, value: string | boolean | undefined, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${describe(key)} must be true or false, got "${raw}".`);
}

function parseOnOff(key: keyof typeof SETTINGS, value: string | boolean | undefined, fallback: boolean): boolean {
  const raw = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  try {
    return parseBoolean(key, raw, fallback);
  } catch {
    throw new ConfigError(`${describe(key)} must be "on" or "off", got "${String(value)}".`);
  }
}

/** An http(s) origin (`--public-url`, `--engine-url`); null when not set. */
function parseOrigin(key: 'publicUrl' | 'engineUrl', value: string | boolean | undefined): string | null {
  const raw = text(value);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${describe(key)} must be an absolute http(s) URL, got "${raw}".`);
  }
  // http(s) URLs always have a host name, or the parse above throws.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${describe(key)} must be an http or https URL, got "${raw}".`);
  }
  return url.origin;
}

function parseRedisUrl(value: string | boolean | undefined): string | null {
  const raw = text(value);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${describe('redisUrl')} must be a redis:// or rediss:// URL, got "${raw}".`);
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new ConfigError(`${describe('redisUrl')} must be a redis:// or rediss:// URL, got "${raw}".`);
  }
  // As given: ioredis reads the password and database number from it.
  return raw;
}

function parseLogLevel(value: string | boolean | undefined): LogLevel {
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level) throw new ConfigError(`${describe('logLevel')} must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".`);
  return level;
}

function parseTrustedProxy(value: string | boolean | undefined): readonly string[] {
  const raw = text(value);
  if (raw === undefined) return [];
  const parsed = parseTrustedProxies(raw);
  if ('problem' in parsed) {
    throw new ConfigError(
      `${describe('trustedProxy')} must be a comma-separated list of IP addresses or CIDR ranges: ${parsed.problem}.`,
    );
  }
  return parsed.entries;
}

function parseMediaStore(value: string | boolean | undefined, fallback: MediaStoreKind): MediaStoreKind {
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'local' || raw === 'database') return raw;
  throw new ConfigError(`${describe('mediaStore')} must be "local" or "database", got "${raw}".`);
}

function parseSecureCookies(value: string | boolean | undefined): SecureCookies {
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return 'auto';
  const mode = SECURE_COOKIES.find((candidate) => candidate === raw);
  if (!mode) {
    throw new ConfigError(`${describe('secureCookies')} must be one of ${SECURE_COOKIES.join(', ')}, got "${raw}".`);
  }
  return mode;
}

function parseRole(value: string | boolean | undefined): NodeRole {
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return 'all';
  const role = NODE_ROLES.find((candidate) => candidate === raw);
  if (!role) throw new ConfigError(`${describe('role')} must be one of ${NODE_ROLES.join(', ')}, got "${raw}".`);
  return role;
}
