import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../src/desk/accounts/passwordHash.js';
import { invitationPath, passwordResetPath } from '../../src/news/accountLinks.js';
import type { Role } from '../../src/news/roles.js';
import { createAccount, findAccountByEmail } from '../../src/store/accounts/accounts.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { createInvitation } from '../../src/store/accounts/invitations.js';
import { createPasswordReset } from '../../src/store/accounts/passwordResets.js';
import { openDatabase } from '../../src/store/connect.js';
import type { RunningTestApp } from '../support/testApp.js';

/** One password for every test account: long enough for the sign-in rules. */
export const NEWSROOM_PASSWORD = 'a long newsroom password';
// Cheap scrypt for test accounts: sign-in reads the parameters from the stored hash.
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface NewsroomUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * Creates newsroom accounts in a running test site, through a second
 * connection to its SQLite file (the site keeps its media folder beside it).
 */
export async function addNewsroomUsers(site: RunningTestApp, users: readonly NewsroomUser[]): Promise<void> {
  const { place } = site.app.media;
  if (place.kind !== 'local') throw new Error('the test site keeps its pictures in a folder beside its database');
  const file = join(dirname(place.dir), 'site.sqlite');
  const opened = await openDatabase({ kind: 'sqlite', path: file });
  try {
    const db = opened.db;
    const passwordHash = await hashPassword(NEWSROOM_PASSWORD, TEST_SCRYPT);
    for (const user of users) await createAccount(db, { ...user, passwordHash, now: new Date() });
  } finally {
    await opened.close();
  }
}

/** A bearer token for the newsroom's JSON API with this role, made in the running site's database. */
export async function newsroomApiToken(site: RunningTestApp, role: Role): Promise<string> {
  const { place } = site.app.media;
  if (place.kind !== 'local') throw new Error('the test site keeps its pictures in a folder beside its database');
  const opened = await openDatabase({ kind: 'sqlite', path: join(dirname(place.dir), 'site.sqlite') });
  try {
    return (await createApiToken(opened.db, { name: `${role} script`, role, now: new Date() })).token;
  } finally {
    await opened.close();
  }
}

/**
 * A password reset link for an existing account and an invitation for a new
 * address, made in the running site's database: the paths their holders open.
 */
export async function newsroomLinks(
  site: RunningTestApp,
  input: { readonly resetFor: string; readonly invite: string },
): Promise<{ readonly resetPath: string; readonly invitationPath: string; readonly userId: number }> {
  const { place } = site.app.media;
  if (place.kind !== 'local') throw new Error('the test site keeps its pictures in a folder beside its database');
  const opened = await openDatabase({ kind: 'sqlite', path: join(dirname(place.dir), 'site.sqlite') });
  try {
    const account = await findAccountByEmail(opened.db, input.resetFor);
    if (account === null) throw new Error(`no account ${input.resetFor}`);
    const now = new Date();
    const reset = await createPasswordReset(opened.db, {
      userId: account.id,
      now,
      lifetimeMs: 3_600_000,
      createdBy: 'test',
    });
    if (reset === null) throw new Error('no reset link made');
    const invitation = await createInvitation(opened.db, {
      email: input.invite,
      role: 'writer',
      now,
      lifetimeMs: 3_600_000,
      createdBy: 'test',
    });
    return {
      resetPath: passwordResetPath(reset.token),
      invitationPath: invitationPath(invitation.token),
      userId: account.id,
    };
  } finally {
    await opened.close();
  }
}

/** Signs in through the login form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, site: RunningTestApp, email: string): Promise<void> {
  await page.goto(site.url('/admin/login'));
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(NEWSROOM_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}
