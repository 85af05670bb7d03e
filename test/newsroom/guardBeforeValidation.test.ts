import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { type AdminSite, startAdminSite } from './adminSite.js';

interface AdminRoute {
  readonly method: string;
  readonly path: string;
}

/** Every route of the newsroom scope, read from Fastify's own route table so a new route is covered at once. */
function adminRoutes(site: AdminSite): AdminRoute[] {
  const paths: string[] = [];
  const routes: AdminRoute[] = [];
  for (const line of site.app.server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)(?:├── |└── )(\S+) \(([^)]+)\)$/.exec(line);
    if (match === null) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    const path = depth === 0 ? segment : `${paths[depth - 1] ?? ''}${segment}`;
    paths[depth] = path;
    if (!path.startsWith('/admin') && !path.startsWith('/api/v1/admin')) continue;
    // Open to everyone on purpose: the sign-in form, the stylesheet, and the pages behind one-time links
    // (their token is the credential; test/newsroom/accountLinks.test.ts covers them).
    if (path === '/admin/login' || path.startsWith('/admin/assets/')) continue;
    if (path === '/admin/reset/:token' || path === '/admin/invite/:token') continue;
    for (const method of methods.split(', ')) if (method !== 'HEAD') routes.push({ method, path });
  }
  return routes;
}

/** Path parameters and a query string no schema accepts. */
const hostileUrl = (path: string) => `${path.replaceAll(/:[A-Za-z]+/g, 'not~valid')}?limit=-5&before=soon&notice=?`;

async function send(site: AdminSite, route: AdminRoute, headers: Record<string, string> = {}) {
  const hasBody = route.method !== 'GET';
  return fetch(`${site.baseUrl}${hostileUrl(route.path)}`, {
    method: route.method,
    redirect: 'manual',
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    // An array where every route expects an object (or a form).
    ...(hasBody ? { body: '[["not", "a", "form"]]' } : {}),
  });
}

describe('who is asking is checked before the request is validated', () => {
  let site: AdminSite;
  let routes: AdminRoute[];
  before(async () => {
    site = await startAdminSite();
    routes = adminRoutes(site);
  });
  after(() => site.close());

  test('the route table is read (pages and API, every method)', () => {
    for (const expected of [
      'PATCH /api/v1/admin/comments/:id',
      'POST /admin/comments/moderate',
      'POST /admin/market/fx',
      'POST /api/v1/admin/market/close-day',
      'PUT /api/v1/admin/print/:date',
      'POST /admin/media',
    ]) {
      assert.ok(
        routes.some((route) => `${route.method} ${route.path}` === expected),
        expected,
      );
    }
    assert.ok(routes.length > 60, `${routes.length} routes`);
  });

  test('nobody signed in: the API answers 401, pages send to the sign-in form, whatever the body', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const response = await send(site, route);
      const api = route.path.startsWith('/api/');
      const ok = api
        ? response.status === 401
        : response.status === 303 && (response.headers.get('location') ?? '').startsWith('/admin/login');
      if (!ok) wrong.push(`${route.method} ${route.path}: ${response.status} ${(await response.text()).slice(0, 80)}`);
    }
    assert.deepEqual(wrong, []);
  });

  test('a token without the permission gets 403 from every API route but "who am I"', async () => {
    const db = site.db;
    const { token } = await createApiToken(db, { name: 'feed', role: 'market-feed', now: new Date() });
    const wrong: string[] = [];
    for (const route of routes) {
      if (!route.path.startsWith('/api/') || route.path === '/api/v1/admin/me') continue;
      const response = await send(site, route, { authorization: `Bearer ${token}` });
      if (response.status !== 403) wrong.push(`${route.method} ${route.path}: ${response.status}`);
    }
    assert.deepEqual(wrong, []);
  });

  test("a writer's session gets 403 from the desk, moderation, print, tags, users and audit pages", async () => {
    await site.addUser({ email: 'writer@example.com', role: 'writer' });
    const browser = site.browser();
    assert.equal((await browser.login('writer@example.com')).status, 303);
    const csrf = await browser.csrfToken('/admin/articles/new');
    const cookie = [...browser.cookies.entries()]
      .filter(([, c]) => c.path === '/' || c.path === '/admin')
      .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
      .join('; ');
    const wrong: string[] = [];
    for (const route of routes) {
      if (!/^\/admin\/(market|comments|print|tags|users|audit)/.test(route.path)) continue;
      const response = await send(site, route, { cookie, 'x-csrf-token': csrf });
      if (response.status !== 403) wrong.push(`${route.method} ${route.path}: ${response.status}`);
    }
    assert.deepEqual(wrong, []);
  });
});
