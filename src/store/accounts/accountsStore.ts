import type { Kysely } from 'kysely';
import type { Bound } from '../bound.js';
import type { Database } from '../database.js';
import {
  changeAccountPassword,
  countOtherActiveAdmins,
  createAccount,
  disableAccount,
  enableAccount,
  findAccountByEmail,
  getAccount,
  listAccounts,
  setAccountPassword,
  setAccountRole,
} from './accounts.js';
import { createApiToken, listApiTokens, revokeApiToken, roleOfApiToken } from './apiTokens.js';
import {
  acceptInvitation,
  checkInvitation,
  createInvitation,
  listPendingInvitations,
  revokeInvitation,
} from './invitations.js';
import { findLoginDevice, issueLoginDevice, pruneLoginDevices, touchLoginDevice } from './loginDevices.js';
import {
  clearLoginFailures,
  holdLoginTry,
  pruneLoginFailures,
  readLoginFailures,
  recordLoginFailure,
  releaseLoginTry,
} from './loginFailures.js';
import { checkPasswordReset, createPasswordReset, usePasswordReset } from './passwordResets.js';
import { pruneAccountLinks } from './pruneAccountLinks.js';
import {
  createSession,
  endAllSessions,
  endOtherSessions,
  endSession,
  endSessionById,
  listSessions,
  purgeExpiredSessions,
  resumeSession,
} from './sessions.js';
import { tokenActor } from './tokenActor.js';

/**
 * The newsroom's accounts: people, their sessions, failed sign-ins and known
 * devices, one-time reset and invitation links, and API tokens (migrations 0002, 0003, 0007, 0018).
 */
export interface AccountsStore {
  create: Bound<typeof createAccount>;
  findByEmail: Bound<typeof findAccountByEmail>;
  get: Bound<typeof getAccount>;
  list: Bound<typeof listAccounts>;
  /** Throws LastAdminError rather than demote the last active admin. */
  setRole: Bound<typeof setAccountRole>;
  /** Throws LastAdminError rather than disable the last active admin. */
  disable: Bound<typeof disableAccount>;
  enable: Bound<typeof enableAccount>;
  /** The active admins besides account `id`: what the last-admin rule counts. */
  countOtherActiveAdmins: Bound<typeof countOtherActiveAdmins>;
  setPassword: Bound<typeof setAccountPassword>;
  /** A new password; the account's other sessions end. */
  changePassword: Bound<typeof changeAccountPassword>;
  createSession: Bound<typeof createSession>;
  resumeSession: Bound<typeof resumeSession>;
  endSession: Bound<typeof endSession>;
  endAllSessions: Bound<typeof endAllSessions>;
  listSessions: Bound<typeof listSessions>;
  endSessionById: Bound<typeof endSessionById>;
  endOtherSessions: Bound<typeof endOtherSessions>;
  createPasswordReset: Bound<typeof createPasswordReset>;
  checkPasswordReset: Bound<typeof checkPasswordReset>;
  /** Sets the password, spends the link and ends every session of the account. */
  usePasswordReset: Bound<typeof usePasswordReset>;
  /** Throws DuplicateEmailError when the address has an account. */
  createInvitation: Bound<typeof createInvitation>;
  listPendingInvitations: Bound<typeof listPendingInvitations>;
  revokeInvitation: Bound<typeof revokeInvitation>;
  checkInvitation: Bound<typeof checkInvitation>;
  acceptInvitation: Bound<typeof acceptInvitation>;
  /** Forgets reset links and invitations a month past their expiry. */
  pruneAccountLinks: Bound<typeof pruneAccountLinks>;
  purgeExpiredSessions: Bound<typeof purgeExpiredSessions>;
  readLoginFailures: Bound<typeof readLoginFailures>;
  recordLoginFailure: Bound<typeof recordLoginFailure>;
  clearLoginFailures: Bound<typeof clearLoginFailures>;
  pruneLoginFailures: Bound<typeof pruneLoginFailures>;
  holdLoginTry: Bound<typeof holdLoginTry>;
  releaseLoginTry: Bound<typeof releaseLoginTry>;
  issueLoginDevice: Bound<typeof issueLoginDevice>;
  findLoginDevice: Bound<typeof findLoginDevice>;
  touchLoginDevice: Bound<typeof touchLoginDevice>;
  pruneLoginDevices: Bound<typeof pruneLoginDevices>;
  createApiToken: Bound<typeof createApiToken>;
  listApiTokens: Bound<typeof listApiTokens>;
  revokeApiToken: Bound<typeof revokeApiToken>;
  roleOfApiToken: Bound<typeof roleOfApiToken>;
  /** The actor a live API token speaks for, or null. */
  tokenActor: Bound<typeof tokenActor>;
}

/** The accounts store over a connection or a transaction. */
export function createAccountsStore(db: Kysely<Database>): AccountsStore {
  return {
    create: (input) => createAccount(db, input),
    findByEmail: (email) => findAccountByEmail(db, email),
    get: (id) => getAccount(db, id),
    list: () => listAccounts(db),
    setRole: (input) => setAccountRole(db, input),
    disable: (input) => disableAccount(db, input),
    enable: (input) => enableAccount(db, input),
    countOtherActiveAdmins: (id) => countOtherActiveAdmins(db, id),
    setPassword: (input) => setAccountPassword(db, input),
    changePassword: (input) => changeAccountPassword(db, input),
    createSession: (input) => createSession(db, input),
    resumeSession: (input) => resumeSession(db, input),
    endSession: (token) => endSession(db, token),
    endAllSessions: (input) => endAllSessions(db, input),
    listSessions: (input) => listSessions(db, input),
    endSessionById: (input) => endSessionById(db, input),
    endOtherSessions: (input) => endOtherSessions(db, input),
    createPasswordReset: (input) => createPasswordReset(db, input),
    checkPasswordReset: (input) => checkPasswordReset(db, input),
    usePasswordReset: (input) => usePasswordReset(db, input),
    createInvitation: (input) => createInvitation(db, input),
    listPendingInvitations: () => listPendingInvitations(db),
    revokeInvitation: (input) => revokeInvitation(db, input),
    checkInvitation: (input) => checkInvitation(db, input),
    acceptInvitation: (input) => acceptInvitation(db, input),
    pruneAccountLinks: (now) => pruneAccountLinks(db, now),
    purgeExpiredSessions: (input) => purgeExpiredSessions(db, input),
    readLoginFailures: (keys) => readLoginFailures(db, keys),
    recordLoginFailure: (input) => recordLoginFailure(db, input),
    clearLoginFailures: (keys) => clearLoginFailures(db, keys),
    pruneLoginFailures: (input) => pruneLoginFailures(db, input),
    holdLoginTry: (input) => holdLoginTry(db, input),
    releaseLoginTry: (hold) => releaseLoginTry(db, hold),
    issueLoginDevice: (input) => issueLoginDevice(db, input),
    findLoginDevice: (input) => findLoginDevice(db, input),
    touchLoginDevice: (input) => touchLoginDevice(db, input),
    pruneLoginDevices: (now) => pruneLoginDevices(db, now),
    createApiToken: (input) => createApiToken(db, input),
    listApiTokens: () => listApiTokens(db),
    revokeApiToken: (id, now) => revokeApiToken(db, id, now),
    roleOfApiToken: (token) => roleOfApiToken(db, token),
    tokenActor: (token) => tokenActor(db, token),
  };
}
