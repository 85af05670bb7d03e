/**
 * Who may do what in the newsroom. A closed list: every admin route and API
 * names the permission it needs, and the server checks it (never the UI alone).
 */
export type Role = 'writer' | 'editor' | 'moderator' | 'market-desk' | 'admin' | 'market-feed' | 'wire-feed';

/** Roles a person's account may have. */
export const ROLES: readonly Role[] = ['writer', 'editor', 'moderator', 'market-desk', 'admin', 'market-feed'];

/** Roles only an API token may have: an agency's delivery script, never a person. */
export const TOKEN_ONLY_ROLES: readonly Role[] = ['wire-feed'];

export type Permission =
  | 'article.write' // create drafts, edit own drafts, submit for review
  | 'article.publish' // publish, schedule, unpublish, kill, correct, restore revisions, edit any article
  | 'tag.manage' // merge and rename tags
  | 'section.manage' // create, rename, reorder and delete sections
  | 'print.manage' // assemble the print edition
  | 'comment.moderate' // approve, reject, mark spam, ban addresses
  | 'market.manage' // instruments, indices, corporate actions, FX, calendar from the desk
  | 'market.feed' // push trades and rates through the feed API
  | 'wire.read' // the wire inbox: list, search, preview, create a draft from an item (with article.write)
  | 'wire.ingest' // send agency files to the wire inbox (POST /api/v1/wire)
  | 'user.manage' // accounts, roles, API tokens
  | 'audit.read';

const GRANTS: Record<Role, readonly Permission[]> = {
  writer: ['article.write', 'wire.read'],
  editor: [
    'article.write',
    'article.publish',
    'tag.manage',
    'section.manage',
    'print.manage',
    'comment.moderate',
    'wire.read',
    'wire.ingest',
  ],
  moderator: ['comment.moderate'],
  'market-desk': ['market.manage'],
  'market-feed': ['market.feed'],
  'wire-feed': ['wire.ingest'],
  admin: [
    'article.write',
    'article.publish',
    'tag.manage',
    'section.manage',
    'print.manage',
    'comment.moderate',
    'market.manage',
    'market.feed',
    'user.manage',
    'audit.read',
    'wire.read',
    'wire.ingest',
  ],
};

/** What a permission lets one do, in the words an error page uses (never the permission's code name). */
export function permissionDescription(permission: Permission): string {
  switch (permission) {
    case 'article.write':
      return 'write articles';
    case 'article.publish':
      return 'publish and edit any article';
    case 'tag.manage':
      return 'merge and rename tags';
    case 'section.manage':
      return 'manage sections';
    case 'print.manage':
      return 'plan the print edition';
    case 'comment.moderate':
      return 'moderate comments';
    case 'market.manage':
      return 'change market data';
    case 'market.feed':
      return 'send market prices';
    case 'wire.read':
      return 'read the wire inbox';
    case 'wire.ingest':
      return 'send agency copy to the wire inbox';
    case 'user.manage':
      return 'manage accounts';
    case 'audit.read':
      return 'read the audit log';
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A role an API token may hold: any account role, or one only tokens have. */
export function isTokenRole(value: unknown): value is Role {
  return isRole(value) || (typeof value === 'string' && (TOKEN_ONLY_ROLES as readonly string[]).includes(value));
}

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Who is making a request: a signed-in person (session) or a script (API token). */
export type Actor =
  | {
      readonly kind: 'user';
      readonly userId: number;
      readonly email: string;
      readonly name: string;
      readonly role: Role;
    }
  | { readonly kind: 'token'; readonly tokenId: number; readonly name: string; readonly role: Role };
