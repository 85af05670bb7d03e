import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import type { RawServeConfig } from '../../src/config.js';
import { hashPassword } from '../../src/desk/accounts/passwordHash.js';
import type { Role } from '../../src/news/roles.js';
import { type Account, createAccount } from '../../src/store/accounts/accounts.js';
import { type DatabaseTarget, openDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/database.js';
import { openStore } from '../../src/store/openStore.js';
import { POSTGRES_URL, postgresBackend } from '../store/storeBackends.js';
import { testServeConfig } from '../support/serveConfig.js';

/** "Now" at the start of every admin test; tests move the clock with `advance`. */
export const START = new Date('2023-01-31T08:00:00Z');
// Cheap scrypt for test accounts: the login path reads the parameters from the stored hash.
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface AdminSite {
  readonly app: App;
  readonly baseUrl: string;
  /** The site's SQLite file, for a command run beside it (unused on PostgreSQL). */
  readonly file: string;
  /** A second connection to the site's database, to arrange and inspect rows. */
  readonly db: Kysely<Database>;
  advance(ms: number): void;
  addUser(input: { readonly email: string; readonly role: Role; readonly password?: string }): Promise<Account>;
  /** A browser with its own cookie jar (no redirects followed). */
  browser(): Browser;
  /** Stops the site and starts it again on the same database file (a new port: `app` and `baseUrl` change). */
  restart(): Promise<void>;
  /** Another server on the same database file, as a second process of a scaled-out site would be. */
  startSibling(): Promise<{ readonly baseUrl: string; browser(): Browser; stop(): Promise<void> }>;
  close(): Promise<void>;
}

export const PASSWORD = 'a long newsroom password';

export interface AdminSiteOptions extends Pick<AppOptions, 'admin'> {
  /** `broadsheet serve` settings as typed (`trustedProxy`, `secureCookies`, …). */
  readonly serve?: RawServeConfig;
  /** `postgres`: a fresh schema of its own at DATABASE_URL (the caller checks the server answers). */
  readonly engine?: 'sqlite' | 'postgres';
}

export async function startAdminSite(options: AdminSiteOptions = {}): Promise<AdminSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-admin-'));
  const file = path.join(dir, 'site.sqlite');
  let now = START.getTime();
  const { serve, engine, ...appOptions } = options;
  const postgres = engine === 'postgres' ? postgresBackend(POSTGRES_URL) : null;
  const target: DatabaseTarget = postgres === null ? { kind: 'sqlite', path: file } : await postgres.freshTarget();
  // `serve` reads the schema from the URL and expects it to exist: opening a store once creates and migrates it.
  if (target.kind === 'postgres') await (await openStore(target)).close();
  const databaseUrl = target.kind === 'postgres' ? { databaseUrl: urlWithSchema(target) } : {};
  const startApp = async () => {
    const started = await createApp(
      testServeConfig(file, { demo: false, commentRateLimit: '1000', ...databaseUrl, ...serve }),
      {
        logger: pino({ level: 'silent' }),
        now: () => new Date(now),
        ...appOptions,
      },
    );
    return { app: started, baseUrl: await started.start() };
  };
  let { app, baseUrl } = await startApp();
  const opened = await openDatabase(target);
  const db = opened.db;
  return {
    get app() {
      return app;
    },
    get baseUrl() {
      return baseUrl;
    },
    file,
    db,
    advance: (ms) => {
      now += ms;
    },
    addUser: async (input) =>
      createAccount(db, {
        email: input.email,
        name: input.email.split('@')[0] ?? input.email,
        role: input.role,
        passwordHash: await hashPassword(input.password ?? PASSWORD, TEST_SCRYPT),
        now: new Date(now),
      }),
    browser: () => new Browser(baseUrl),
    async restart() {
      await app.stop();
      ({ app, baseUrl } = await startApp());
    },
    async startSibling() {
      const sibling = await startApp();
      return {
        baseUrl: sibling.baseUrl,
        browser: () => new Browser(sibling.baseUrl),
        stop: () => sibling.app.stop(),
      };
    },
    async close() {
      await opened.close();
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
      await postgres?.dispose();
    },
  };
}

/** The schema as `serve` takes it: in the URL's start-up options (the search path). */
function urlWithSchema(target: Extract<DatabaseTarget, { kind: 'postgres' }>): string {
  const url = new URL(target.url);
  if (target.schema !== undefined) url.searchParams.set('options', `-c search_path=${target.schema}`);
  return url.toString();
}

/** Just enough of a browser: a cookie jar honouring Path, form posts, no redirects followed. */
export class Browser {
  readonly #baseUrl: string;
  readonly cookies = new Map<string, { value: string; path: string }>();
  /** Every Set-Cookie header seen, raw, newest last. */
  readonly setCookies: string[] = [];
  /** Sent as X-Forwarded-For is not trusted; tests tell addresses apart with this instead when needed. */
  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  async get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', pathAndQuery, undefined, headers);
  }

  async post(pathAndQuery: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request('POST', pathAndQuery, new URLSearchParams(form).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });
  }

  async request(method: string, pathAndQuery: string, body: string | undefined, headers: Record<string, string>) {
    const pathname = pathAndQuery.split('?')[0] ?? pathAndQuery;
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
      .join('; ');
    const response = await fetch(`${this.#baseUrl}${pathAndQuery}`, {
      method,
      redirect: 'manual',
      headers: { ...(cookie !== '' ? { cookie } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const cookiePath = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expired = attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || /max-age=0\b/i.test(header);
      const key = `${name}|${cookiePath}`;
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { value, path: cookiePath });
    }
    return response;
  }

  /** The value of a cookie the jar holds for `path`, or undefined. */
  cookie(name: string, cookiePath = '/admin'): string | undefined {
    return this.cookies.get(`${name}|${cookiePath}`)?.value;
  }

  /** The CSRF token of the first form on a page. */
  async csrfToken(pathAndQuery = '/admin/login'): Promise<string> {
    const html = await (await this.get(pathAndQuery)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token === undefined) throw new Error(`no CSRF token on ${pathAndQuery}`);
    return token;
  }

  async login(email: string, password = PASSWORD): Promise<Response> {
    const token = await this.csrfToken('/admin/login');
    return this.post('/admin/login', { email, password, _csrf: token });
  }
}

/** A JSON admin API call with an optional Bearer token and body; the answer's status and parsed body (null when empty). */
export async function apiCall(
  site: Pick<AdminSite, 'baseUrl'>,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
) {
  const response = await fetch(`${site.baseUrl}${path}`, {
    method,
    headers: {
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}
