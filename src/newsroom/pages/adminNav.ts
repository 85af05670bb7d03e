import { type Actor, can, type Permission } from '../../news/roles.js';

/** A place in the newsroom and the permission that opens it (the server checks the same permission). */
export interface AdminNavItem {
  readonly label: string;
  readonly path: string;
  /** Null: every signed-in person may open it. */
  readonly permission: Permission | null;
}

/** Every newsroom area, in menu order; each owner registers routes under its path. */
export const ADMIN_NAV: readonly AdminNavItem[] = [
  { label: 'Dashboard', path: '/admin', permission: null },
  { label: 'Articles', path: '/admin/articles', permission: 'article.write' },
  { label: 'Front page', path: '/admin/front-page', permission: 'article.publish' },
  { label: 'Wire', path: '/admin/wire', permission: 'wire.read' },
  { label: 'Comments', path: '/admin/comments', permission: 'comment.moderate' },
  { label: 'Print', path: '/admin/print', permission: 'print.manage' },
  { label: 'Tags', path: '/admin/tags', permission: 'tag.manage' },
  { label: 'Sections', path: '/admin/sections', permission: 'section.manage' },
  { label: 'Media', path: '/admin/media', permission: 'article.write' },
  { label: 'Market desk', path: '/admin/market', permission: 'market.manage' },
  { label: 'Users', path: '/admin/users', permission: 'user.manage' },
  { label: 'Audit log', path: '/admin/audit', permission: 'audit.read' },
  { label: 'Your account', path: '/admin/account', permission: null },
];

export function navFor(actor: Actor): AdminNavItem[] {
  return ADMIN_NAV.filter((item) => item.permission === null || can(actor.role, item.permission));
}

/** The menu item a path belongs to: the longest matching prefix, so /admin/articles/7 lights Articles. */
export function currentNavPath(path: string): string | undefined {
  const bare = path.split('?')[0] ?? path;
  return ADMIN_NAV.map((item) => item.path)
    .filter((itemPath) => bare === itemPath || bare.startsWith(`${itemPath}/`))
    .sort((a, b) => b.length - a.length)[0];
}
