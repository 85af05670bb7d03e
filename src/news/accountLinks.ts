/**
 * One-time links that let a person in without a password they know: a
 * password reset (an admin makes it for an existing account) and an
 * invitation (an admin makes it for an address and a role). It is mailed when
 * a mail server is configured, else the admin passes it on by hand; each works
 * once, and not after it expires (OWASP Forgot Password Cheat Sheet: single use, short-lived).
 */

/** A reset link works for a day: long enough to reach someone by hand, short enough to go stale unused. */
export const PASSWORD_RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** An invitation works for a week. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a link does not work (any more). */
export type LinkProblem =
  /** No such link, or its secret is wrong: the same answer, so a guesser learns nothing. */
  | 'unknown'
  | 'expired'
  | 'used'
  /** Replaced by a newer link, or withdrawn by an admin. */
  | 'revoked'
  /** The account it would open is disabled. */
  | 'disabled'
  /** The invited address has an account already. */
  | 'taken';

/** What a person holding the link is told. */
export function linkProblemMessage(problem: LinkProblem): string {
  switch (problem) {
    case 'unknown':
      return 'This link is not one of ours, or it was copied incompletely. Ask an administrator for a new one.';
    case 'expired':
      return 'This link has expired. Ask an administrator for a new one.';
    case 'used':
      return 'This link has been used already; it works only once. Ask an administrator for a new one if you need it.';
    case 'revoked':
      return 'This link has been withdrawn. Ask an administrator for a new one.';
    case 'disabled':
      return 'The account this link is for is disabled. Ask an administrator.';
    case 'taken':
      return 'This address has an account already: sign in, or ask an administrator for a password reset link.';
  }
}

/** The path of a link, from its token (`id.secret`). */
export function passwordResetPath(token: string): string {
  return `/admin/reset/${token}`;
}

export function invitationPath(token: string): string {
  return `/admin/invite/${token}`;
}
