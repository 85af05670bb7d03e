import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The token of a one-time link (a password reset, an invitation): `id.secret`.
 * The id finds the row; the secret (32 random bytes) is checked against the
 * SHA-256 stored for it in constant time, so neither the lookup nor the
 * comparison tells a guesser how close they came, and a stolen database
 * holds no usable link (OWASP Forgot Password Cheat Sheet: selector and verifier).
 */
export interface LinkToken {
  readonly id: number;
  readonly secret: string;
}

const TOKEN = /^([1-9][0-9]{0,11})\.([A-Za-z0-9_-]{43})$/;

/** A new secret and the hash to store for it. */
export function issueLinkSecret(): { readonly secret: string; readonly secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, secretHash: hashSecret(secret) };
}

export function formatLinkToken(token: LinkToken): string {
  return `${token.id}.${token.secret}`;
}

/** The parts of a token, or null when it is not shaped like one (no lookup is made for it). */
export function parseLinkToken(text: string): LinkToken | null {
  const match = TOKEN.exec(text);
  if (match === null) return null;
  return { id: Number(match[1]), secret: match[2] ?? '' };
}

/** True when `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
