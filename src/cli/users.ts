import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import type { RawServeConfig, ServeConfig } from '../config.js';
import { hashPassword, passwordProblem } from '../desk/accounts/passwordHash.js';
import { type AccountLinkOffer, accountLinkMail } from '../news/accountLinkMail.js';
import {
  INVITATION_LIFETIME_MS,
  invitationPath,
  PASSWORD_RESET_LIFETIME_MS,
  passwordResetPath,
} from '../news/accountLinks.js';
import { isRole, ROLES, type Role } from '../news/roles.js';
import { type Account, DuplicateEmailError, LastAdminError } from '../store/accounts/accounts.js';
import type { AccountsStore } from '../store/accounts/accountsStore.js';
import type { AuditActor } from '../store/audit/auditLog.js';
import { withStore } from './database.js';
import { CommandFailure } from './failure.js';

interface AddOptions extends RawServeConfig {
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly passwordStdin?: boolean;
}

const CLI_ACTOR: AuditActor = { kind: 'system', name: 'broadsheet users (command line)' };

/** `broadsheet users …`: newsroom accounts from the command line (the first admin has no other way in). */
export function registerUserCommands(program: Command): void {
  const users = program
    .command('users')
    .description('Newsroom accounts: add, invite, list, change roles, disable, enable, reset links, sign out.');
  const withDatabase = (command: Command) =>
    command
      .addOption(new Option('--db <path>', 'SQLite database file (BROADSHEET_DB)'))
      .addOption(new Option('--database-url <url>', 'PostgreSQL URL (BROADSHEET_DATABASE_URL, DATABASE_URL)'));

  withDatabase(users.command('add'))
    .description('Create an account. The password is read from stdin, or generated and printed once.')
    .requiredOption('--email <address>', 'e-mail address, used to sign in')
    .requiredOption('--name <name>', 'name shown in the newsroom and the audit log')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input (first line)')
    .action(async (options: AddOptions) => {
      const role = parseRole(options.role);
      if (!/^[^\s@]+@[^\s@]+$/.test(options.email.trim()))
        throw new CommandFailure(`--email is not an address: "${options.email}".`);
      if (options.name.trim() === '') throw new CommandFailure('--name must not be empty.');
      const generated = options.passwordStdin ? null : randomBytes(18).toString('base64url');
      const password = generated ?? (await readFirstLine(process.stdin));
      const problem = passwordProblem(password);
      if (problem !== null) throw new CommandFailure(problem);
      const passwordHash = await hashPassword(password);
      await withStore(options, async (store) => {
        const now = new Date();
        const account = await store.transaction(async ({ accounts, audit }) => {
          const created = await accounts.create({
            email: options.email,
            name: options.name,
            role,
            passwordHash,
            now,
          });
          await audit.record({
            at: now,
            actor: CLI_ACTOR,
            action: 'user.create',
            subject: { type: 'user', id: created.id },
            details: { email: created.email, role },
          });
          return created;
        });
        process.stdout.write(`created user ${account.id} ${account.email} (${account.role})\n`);
        if (generated !== null) process.stdout.write(`password: ${generated}\n(shown once; it is not stored)\n`);
      });
    });

  withDatabase(users.command('list'))
    .description('List accounts.')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: RawServeConfig & { readonly json?: boolean }) => {
      await withStore(options, async (store) => {
        const accounts = await store.accounts.list();
        process.stdout.write(options.json ? `${JSON.stringify(accounts.map(toJson), null, 2)}\n` : table(accounts));
      });
    });

  withDatabase(users.command('set-role <email> <role>'))
    .description('Change the role of an account; its sessions end.')
    .action(async (email: string, roleText: string, options: RawServeConfig) => {
      const role = parseRole(roleText);
      await withStore(options, async (store) => {
        const account = await requireAccount(store.accounts, email);
        const now = new Date();
        const before = await refuseLastAdmin(() => store.accounts.setRole({ id: account.id, role, now }));
        await store.audit.record({
          at: now,
          actor: CLI_ACTOR,
          action: 'user.role-change',
          subject: { type: 'user', id: account.id },
          details: { from: before, to: role },
        });
        process.stdout.write(`${account.email}: ${before} → ${role}\n`);
      });
    });

  withDatabase(users.command('disable <email>'))
    .description('Disable an account and end its sessions.')
    .action(async (email: string, options: RawServeConfig) => {
      await withStore(options, async (store) => {
        const account = await requireAccount(store.accounts, email);
        const now = new Date();
        if (await refuseLastAdmin(() => store.accounts.disable({ id: account.id, now }))) {
          await store.audit.record({
            at: now,
            actor: CLI_ACTOR,
            action: 'user.disable',
            subject: { type: 'user', id: account.id },
          });
          process.stdout.write(`disabled ${account.email}\n`);
        } else {
          process.stdout.write(`${account.email} was already disabled\n`);
        }
      });
    });

  withDatabase(users.command('enable <email>'))
    .description('Enable a disabled account: it signs in again with its password.')
    .action(async (email: string, options: RawServeConfig) => {
      await withStore(options, async (store) => {
        const account = await requireAccount(store.accounts, email);
        if (!(await store.accounts.enable({ id: account.id }))) {
          process.stdout.write(`${account.email} was not disabled\n`);
          return;
        }
        await store.audit.record({
          at: new Date(),
          actor: CLI_ACTOR,
          action: 'user.enable',
          subject: { type: 'user', id: account.id },
        });
        process.stdout.write(`enabled ${account.email}\n`);
      });
    });

  withDatabase(users.command('sign-out <email>'))
    .description('End every session of an account at once.')
    .action(async (email: string, options: RawServeConfig) => {
      await withStore(options, async (store) => {
        const account = await requireAccount(store.accounts, email);
        const ended = await store.accounts.endAllSessions({ userId: account.id, now: new Date() });
        await store.audit.record({
          at: new Date(),
          actor: CLI_ACTOR,
          action: 'user.sessions-end-all',
          subject: { type: 'user', id: account.id },
          details: { sessionsEnded: ended },
        });
        process.stdout.write(`${account.email}: ${ended} session${ended === 1 ? '' : 's'} ended\n`);
      });
    });

  withDatabase(users.command('reset-link <email>'))
    .description(
      'Make a one-time password reset link (works once, for a day): mailed with --smtp-url, else printed to pass on.',
    )
    .addOption(new Option('--public-url <url>', 'origin of the link (BROADSHEET_PUBLIC_URL); else the path alone'))
    .addOption(smtpUrlOption())
    .addOption(mailFromOption())
    .action(async (email: string, options: RawServeConfig) => {
      await withStore(options, async (store, config) => {
        const account = await requireAccount(store.accounts, email);
        if (account.disabledAt !== null) {
          throw new CommandFailure(`${account.email} is disabled: enable it first. No link was made.`, 1);
        }
        const now = new Date();
        const issued = await store.accounts.createPasswordReset({
          userId: account.id,
          now,
          lifetimeMs: PASSWORD_RESET_LIFETIME_MS,
          createdBy: CLI_ACTOR.name,
        });
        if (issued === null) throw new CommandFailure(`No account has the address ${email}.`, 1);
        const address = linkText(config.publicUrl, passwordResetPath(issued.token));
        const delivered = await deliver(config, address, {
          kind: 'reset',
          to: account.email,
          name: account.name,
          expiresAt: issued.expiresAt,
        });
        await store.audit.record({
          at: now,
          actor: CLI_ACTOR,
          action: 'user.reset-link-create',
          subject: { type: 'user', id: account.id },
          details: { link: issued.id, expiresAt: issued.expiresAt.toISOString(), delivery: delivered.delivery },
        });
        const about = `password reset for ${account.email}; works once, until ${issued.expiresAt.toISOString()}; any earlier link is withdrawn`;
        report(delivered, address, account.email, about);
      });
    });

  withDatabase(users.command('invite'))
    .description(
      'Make a one-time invitation link (works once, for a week) for an address and a role: mailed, or printed.',
    )
    .requiredOption('--email <address>', 'the address the account will sign in with')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .addOption(new Option('--public-url <url>', 'origin of the link (BROADSHEET_PUBLIC_URL); else the path alone'))
    .addOption(smtpUrlOption())
    .addOption(mailFromOption())
    .action(async (options: RawServeConfig & { readonly email: string; readonly role: string }) => {
      const role = parseRole(options.role);
      if (!/^[^\s@]+@[^\s@]+$/.test(options.email.trim()))
        throw new CommandFailure(`--email is not an address: "${options.email}".`);
      await withStore(options, async (store, config) => {
        const now = new Date();
        let issued: Awaited<ReturnType<typeof store.accounts.createInvitation>>;
        try {
          issued = await store.accounts.createInvitation({
            email: options.email,
            role,
            now,
            lifetimeMs: INVITATION_LIFETIME_MS,
            createdBy: CLI_ACTOR.name,
          });
        } catch (error) {
          if (error instanceof DuplicateEmailError) throw new CommandFailure(error.message, 1);
          throw error;
        }
        const address = linkText(config.publicUrl, invitationPath(issued.token));
        const delivered = await deliver(config, address, {
          kind: 'invitation',
          to: issued.email,
          role,
          expiresAt: issued.expiresAt,
        });
        await store.audit.record({
          at: now,
          actor: CLI_ACTOR,
          action: 'user.invite',
          subject: { type: 'invitation', id: issued.id },
          details: {
            email: issued.email,
            role,
            expiresAt: issued.expiresAt.toISOString(),
            delivery: delivered.delivery,
          },
        });
        const about = `invitation for ${issued.email} as ${role}; works once, until ${issued.expiresAt.toISOString()}`;
        report(delivered, address, issued.email, about);
      });
    });
}

function smtpUrlOption(): Option {
  return new Option('--smtp-url <url>', 'mail the link through this SMTP server (BROADSHEET_SMTP_URL)');
}

function mailFromOption(): Option {
  return new Option('--mail-from <address>', 'the address the mail comes from (BROADSHEET_MAIL_FROM)');
}

type Delivered =
  | { readonly delivery: 'shown' | 'mailed' }
  | { readonly delivery: 'mail-failed'; readonly reason: string };

/** Mails the link when a mail server is configured; the caller prints it when it was not mailed. */
async function deliver(config: ServeConfig, address: string, mail: AccountLinkOffer): Promise<Delivered> {
  if (config.mail === null) return { delivery: 'shown' };
  if (!/^https?:\/\//.test(address)) {
    return {
      delivery: 'mail-failed',
      reason: 'the link has no origin to mail: give --public-url (BROADSHEET_PUBLIC_URL)',
    };
  }
  const { createSmtpLinkMailer } = await import('../desk/accounts/linkMailer.js');
  const outcome = await createSmtpLinkMailer(config.mail).send(accountLinkMail(mail, address));
  return outcome.ok ? { delivery: 'mailed' } : { delivery: 'mail-failed', reason: outcome.reason };
}

/**
 * Says where the link went. Not mailed: the link is printed (so nothing is
 * lost), and a failed mail then ends the command with its reason and code 1.
 */
function report(delivered: Delivered, address: string, to: string, about: string): void {
  if (delivered.delivery === 'mailed') {
    process.stdout.write(`sent to ${to}\n(${about}; the link is in the mail only, not stored)\n`);
    return;
  }
  process.stdout.write(`${address}\n(${about}; shown once, not stored)\n`);
  if (delivered.delivery === 'mail-failed') {
    throw new CommandFailure(
      `The mail to ${to} was not sent: ${delivered.reason}. The link above works: pass it on yourself.`,
      1,
    );
  }
}

/** A change the last active admin would not survive: refused with the store's reason, nothing changed. */
async function refuseLastAdmin<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof LastAdminError) throw new CommandFailure(`${error.message} Nothing was changed.`, 1);
    throw error;
  }
}

/** The full address of a link: on --public-url (or BROADSHEET_PUBLIC_URL) when set, else the path alone. */
function linkText(publicUrl: string | null, path: string): string {
  return publicUrl === null ? path : `${new URL(publicUrl).origin}${path}`;
}

function parseRole(text: string): Role {
  if (!isRole(text)) throw new CommandFailure(`--role must be one of ${ROLES.join(', ')}, got "${text}".`);
  return text;
}

async function requireAccount(accounts: AccountsStore, email: string): Promise<Account> {
  const account = await accounts.findByEmail(email);
  if (account === null) throw new CommandFailure(`No account has the address ${email}.`, 1);
  return account;
}

/** The first line of a stream, without its line ending; a password may contain spaces. */
async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function toJson(account: Account) {
  return {
    ...account,
    createdAt: account.createdAt.toISOString(),
    disabledAt: account.disabledAt?.toISOString() ?? null,
  };
}

function table(accounts: readonly Account[]): string {
  if (accounts.length === 0) return 'No accounts.\n';
  return `${accounts
    .map((a) => [a.id, a.email, a.role, a.disabledAt === null ? 'active' : 'disabled', a.name].join('\t'))
    .join('\n')}\n`;
}
