import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import type { RawServeConfig } from '../config.js';
import { hashPassword, passwordProblem } from '../desk/accounts/passwordHash.js';
import { isRole, ROLES, type Role } from '../news/roles.js';
import type { Account } from '../store/accounts/accounts.js';
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
  const users = program.command('users').description('Newsroom accounts: add, list, change roles, disable.');
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
        const before = await store.accounts.setRole({ id: account.id, role, now });
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
        if (await store.accounts.disable({ id: account.id, now })) {
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
