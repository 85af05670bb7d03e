import type { Generated } from 'kysely';

/**
 * Tables of the newsroom's accounts (migrations 0003, 0007 and 0018), as Kysely sees them.
 * Instants are epoch milliseconds, UTC.
 */
export interface AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  login_devices: LoginDevicesTable;
  password_resets: PasswordResetsTable;
  invitations: InvitationsTable;
}

export interface UsersTable {
  id: Generated<number>;
  /** Trimmed and lower-cased. */
  email: string;
  name: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash` (see src/desk/accounts/passwordHash.ts). */
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  /** Sessions created before this instant are void ("log out everywhere", role change, disable). */
  sessions_valid_after: number;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex. */
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  /** The browser's User-Agent at sign-in (cut to 300 characters), so its owner knows it in the list. */
  user_agent: string | null;
  /** The client address it signed in from (through trusted proxies only). */
  address: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_kind: 'user' | 'token' | 'anonymous' | 'system';
  actor_id: number | null;
  actor_name: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details_json: string;
}

/** Recent failed sign-ins of one key (an account, an address or a device); see src/news/loginThrottle.ts. */
export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failure_at: number;
}

/** A browser that signed in to `user_id` before: its cookie exempts it from strangers' failures. */
export interface LoginDevicesTable {
  /** SHA-256 of the device cookie's token, hex. */
  id: string;
  user_id: number;
  created_at: number;
  last_used_at: number;
}

/** A one-time link that sets an account's password (migration 0018). */
export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 of the link's secret, hex. */
  secret_hash: string;
  created_at: number;
  /** Who made it: a person's name, or the command line. */
  created_by: string;
  expires_at: number;
  used_at: number | null;
  /** Set when a newer link for the same account replaced it. */
  revoked_at: number | null;
}

/** A one-time link that makes a new account with a given address and role (migration 0018). */
export interface InvitationsTable {
  id: Generated<number>;
  /** Trimmed and lower-cased. */
  email: string;
  role: string;
  /** SHA-256 of the link's secret, hex. */
  secret_hash: string;
  created_at: number;
  created_by: string;
  expires_at: number;
  accepted_at: number | null;
  accepted_user_id: number | null;
  revoked_at: number | null;
}
