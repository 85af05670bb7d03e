import type { Command } from 'commander';
import type { RawServeConfig } from '../config.js';
import { API_ROLES, parseApiRole } from '../store/accounts/apiTokens.js';
import { withDatabaseOptions, withStore } from './database.js';
import { CommandFailure } from './failure.js';

interface CreateOptions extends RawServeConfig {
  readonly role: string;
  readonly name: string;
  readonly json?: boolean;
}

/** `broadsheet tokens …`: API tokens for feeds (and later the newsroom). */
export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('Create, list and revoke API tokens.');

  withDatabaseOptions(tokens.command('create'))
    .description('Create a token and print it once; only its SHA-256 is stored.')
    .requiredOption('--role <role>', `what the token may do (${API_ROLES.join(', ')})`)
    .requiredOption('--name <name>', 'who holds it, e.g. "PSX feed"')
    .option('--json', 'print JSON')
    .action(async (options: CreateOptions) => {
      const role = parseApiRole(options.role);
      if (!role) throw new CommandFailure(`--role must be one of ${API_ROLES.join(', ')}, got "${options.role}".`);
      const name = options.name.trim();
      if (name === '' || name.length > 100) throw new CommandFailure('--name must be 1 to 100 characters.');
      const issued = await withStore(options, (store) =>
        store.accounts.createApiToken({ name, role, now: new Date() }),
      );
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ id: issued.id, name, role, token: issued.token })}\n`);
      } else {
        process.stdout.write(`${issued.token}\n`);
        process.stderr.write(`Token ${issued.id} (${role}, "${name}"): shown once, store it now.\n`);
      }
    });

  withDatabaseOptions(tokens.command('list'))
    .description('List tokens (never the tokens themselves).')
    .option('--json', 'print JSON')
    .action(async (options: RawServeConfig & { json?: boolean }) => {
      const found = await withStore(options, (store) => store.accounts.listApiTokens());
      if (options.json) {
        process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        return;
      }
      if (found.length === 0) return void process.stdout.write('No tokens.\n');
      for (const token of found) {
        const state = token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active';
        process.stdout.write(
          `${[token.id, token.role, state, token.createdAt.toISOString(), token.name].join('\t')}\n`,
        );
      }
    });

  withDatabaseOptions(tokens.command('revoke <id>'))
    .description('Revoke a token; requests with it are refused from then on.')
    .action(async (id: string, options: RawServeConfig) => {
      if (!/^\d+$/.test(id)) throw new CommandFailure(`Token id must be a whole number, got "${id}".`);
      const revoked = await withStore(options, (store) => store.accounts.revokeApiToken(Number(id), new Date()));
      if (revoked) process.stdout.write(`revoked: ${id}\n`);
      else {
        process.stderr.write(`no active token ${id}\n`);
        process.exitCode = 1;
      }
    });
}
