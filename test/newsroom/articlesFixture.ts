import type { Role } from '../../src/news/roles.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import type { AdminSite } from './adminSite.js';

export const SECTIONS = [
  { slug: 'markets', name: 'Markets', position: 1 },
  { slug: 'world', name: 'World', position: 2 },
  { slug: 'pakistan', name: 'Pakistan', position: 3 },
];

export async function addSections(site: AdminSite): Promise<void> {
  for (const section of SECTIONS) await site.app.store.insertSection(section);
}

/** A bearer token with this role, for the JSON API. */
export async function tokenFor(
  site: AdminSite,
  role: Role & ('writer' | 'editor' | 'moderator' | 'admin'),
  name: string = role,
) {
  const db = site.db;
  return (await createApiToken(db, { name, role, now: new Date() })).token;
}

export function story(overrides: Record<string, unknown> = {}) {
  return {
    headline: 'KSE-100 gains 801 points on banking rally',
    summary: 'Banks led the index higher in heavy trade.',
    sectionSlug: 'markets',
    byline: 'Staff Reporter',
    dateline: 'KARACHI',
    body: [
      { type: 'paragraph', text: 'The benchmark index closed at 40,673 points.' },
      { type: 'quote', text: 'Buying was broad.', attribution: 'A dealer' },
    ],
    tags: ['KSE-100', 'Banks'],
    printPage: 4,
    ...overrides,
  };
}

/** A JSON API client with one token. */
export function api(site: AdminSite, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${site.baseUrl}/api/v1/admin/articles${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };
  return {
    create: (body: unknown) => call('POST', '', body),
    get: (id: number) => call('GET', `/${id}`),
    list: (query = '') => call('GET', query),
    update: (id: number, body: unknown) => call('PUT', `/${id}`, body),
    transition: (id: number, action: string, at?: string) =>
      call('POST', `/${id}/transition`, { action, ...(at !== undefined ? { at } : {}) }),
    revisions: (id: number) => call('GET', `/${id}/revisions`),
    diff: (id: number, from: number, to: number) => call('GET', `/${id}/diff?from=${from}&to=${to}`),
    restore: (id: number, number: number, baseRevision: number) =>
      call('POST', `/${id}/revisions/${number}/restore`, { baseRevision }),
    correct: (id: number, kind: string, text: string) => call('POST', `/${id}/corrections`, { kind, text }),
    /** Any other call, by method and path under the articles API. */
    call,
  };
}

export async function page(site: AdminSite, path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${site.baseUrl}${path}`, { redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}
