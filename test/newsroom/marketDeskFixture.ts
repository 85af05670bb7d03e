import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { hashPassword } from '../../src/desk/accounts/passwordHash.js';
import type { Role } from '../../src/news/roles.js';
import { createAccount } from '../../src/store/accounts/accounts.js';
import { type ApiRole, createApiToken } from '../../src/store/accounts/apiTokens.js';
import { openDatabase } from '../../src/store/connect.js';
import { testServeConfig } from '../support/serveConfig.js';
import { Browser, PASSWORD } from './adminSite.js';

/** Tuesday 31 Jan 2023, 13:00 in Karachi: the demo market's day, open by the calendar. */
export const DESK_START = new Date('2023-01-31T08:00:00Z');
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** A demo site (30 stocks, 4 indices, FX) on its own SQLite file, which can be stopped and started again. */
export interface DeskSite {
  readonly file: string;
  app: App;
  baseUrl: string;
  readonly clock: { now: number };
  browser(): Browser;
  /** A signed-in browser for a new account with `role`. */
  signedIn(role: Role): Promise<Browser>;
  /** A live API token with `role`. */
  token(role: ApiRole): Promise<string>;
  /** Stops the app and starts a new one on the same file, as a restart would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

let accounts = 0;

export async function startDeskSite(): Promise<DeskSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-desk-'));
  const file = path.join(dir, 'site.sqlite');
  const clock = { now: DESK_START.getTime() };
  const boot = async () => {
    const config = testServeConfig(file, { commentRateLimit: '0' });
    const app = await createApp(config, {
      logger: pino({ level: 'silent' }),
      now: () => new Date(clock.now),
      scheduledPublishIntervalMs: 3_600_000,
    });
    return { app, baseUrl: await app.start() };
  };
  const withDb = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
    const opened = await openDatabase({ kind: 'sqlite', path: file });
    try {
      return await work(opened.db);
    } finally {
      await opened.close();
    }
  };
  const first = await boot();
  const site: DeskSite = {
    file,
    app: first.app,
    baseUrl: first.baseUrl,
    clock,
    browser: () => new Browser(site.baseUrl),
    async signedIn(role) {
      accounts += 1;
      const email = `${role}-${accounts}@example.com`;
      await withDb(async (db) =>
        createAccount(db, {
          email,
          name: `${role} ${accounts}`,
          role,
          passwordHash: await hashPassword(PASSWORD, TEST_SCRYPT),
          now: new Date(clock.now),
        }),
      );
      const browser = site.browser();
      const response = await browser.login(email);
      if (response.status !== 303) throw new Error(`sign-in as ${role} answered ${response.status}`);
      return browser;
    },
    async token(role) {
      return withDb(async (db) => (await createApiToken(db, { name: role, role, now: new Date(clock.now) })).token);
    },
    async restart() {
      await site.app.stop();
      const next = await boot();
      site.app = next.app;
      site.baseUrl = next.baseUrl;
    },
    async close() {
      await site.app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return site;
}

/** A parsed JSON answer, read loosely: tests assert on the fields they name. */
// biome-ignore lint/suspicious/noExplicitAny: test answers are checked field by field with assert.
export type Json = any;

/** Calls the JSON API with a bearer token. */
export async function api(
  site: DeskSite,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${site.baseUrl}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** The CSRF token of the first desk form on a page. */
export async function formToken(browser: Browser, page: string): Promise<string> {
  return browser.csrfToken(page);
}

/** Posts a desk upload form as a browser would: multipart, the session cookie, and the token of the page it sits on. */
export async function postUploadForm(
  site: DeskSite,
  browser: Browser,
  page: string,
  action: string,
  file: { readonly bytes: Buffer; readonly name: string } | null,
  fields: Readonly<Record<string, string>> = {},
): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', await browser.csrfToken(page));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file !== null) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const cookie = [...browser.cookies.entries()]
    .filter(([, c]) => action.startsWith(c.path))
    .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
    .join('; ');
  return fetch(`${site.baseUrl}${action}`, { method: 'POST', redirect: 'manual', headers: { cookie }, body: form });
}
